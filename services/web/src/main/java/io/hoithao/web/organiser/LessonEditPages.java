package io.hoithao.web.organiser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.ApiProblem;
import io.hoithao.web.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One demonstration lesson after it is scheduled: its teaching details edited (classroom, class, age group,
 * teacher, activity, area, seats; its time follows its session), its cancellation after a confirmation that
 * says how many observers and waiting people lose their place, and the observers marked present (the
 * observation form can be sent only then). The observations API decides; its problems are said in her language.
 */
@Controller
class LessonEditPages {

    /** The observations API marks at most this many registrations a call. */
    static final int ATTENDANCE_BATCH = 50;
    static final List<String> DETAILS = List.of("classroom", "className", "ageGroup", "teacher", "activity", "developmentalArea");

    private final OrganiserApi api;
    private final Console console;
    private final ConsoleProblems problems;

    LessonEditPages(OrganiserApi api, Console console, ConsoleProblems problems) {
        this.api = api;
        this.console = console;
        this.problems = problems;
    }

    // the details

    @GetMapping("/organiser/events/{id}/lessons/{lessonId}/edit")
    Mono<String> editForm(@PathVariable String id, @PathVariable String lessonId, @AuthenticationPrincipal OidcUser user, Model model) {
        ids(id, lessonId);
        return console.organiser(user).then(lessonOf(id, lessonId)).flatMap(lesson -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("classroom", lesson.classroom());
            form.put("className", lesson.className());
            form.put("ageGroup", lesson.ageGroup() == null ? "MAU_GIAO_LON" : lesson.ageGroup());
            form.put("teacher", lesson.teacher());
            form.put("activity", lesson.activity());
            form.put("developmentalArea", lesson.developmentalArea());
            form.put("seats", String.valueOf(lesson.seats()));
            return editPage(id, lesson, form, model);
        });
    }

    @PostMapping("/organiser/events/{id}/lessons/{lessonId}/edit")
    Mono<String> edit(@PathVariable String id, @PathVariable String lessonId, @AuthenticationPrincipal OidcUser user, Model model,
                      ServerWebExchange exchange) {
        ids(id, lessonId);
        return console.organiser(user).then(Mono.zip(lessonOf(id, lessonId), exchange.getFormData())).flatMap(both -> {
            Map<String, String> form = PlanPages.flat(both.getT2());
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : DETAILS) {
                body.put(field, PlanPages.blankToNull(form.get(field)));
            }
            body.put("seats", PlanPages.number(form.get("seats")));
            return api.lessonDetails(lessonId, body)
                    .thenReturn("redirect:/organiser/events/" + id + "/lessons?done=updated#lesson-" + lessonId)
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return editPage(id, both.getT1(), form, model);
                    });
        });
    }

    private Mono<String> editPage(String id, OrganiserApi.Lesson lesson, Map<String, String> form, Model model) {
        return api.event(id).map(event -> {
            model.addAttribute("event", event);
            model.addAttribute("lesson", lesson);
            model.addAttribute("form", form);
            model.addAttribute("ageGroups", LessonPlanPages.AGE_GROUPS);
            // the classrooms of the lesson's school, offered while typing
            model.addAttribute("classrooms", event.venueList().stream()
                    .filter(v -> "HOST_SCHOOL".equals(v.kind()) && (lesson.hostSchool() == null || lesson.hostSchool().equals(v.name())))
                    .flatMap(v -> v.classrooms() == null ? java.util.stream.Stream.<String>empty() : v.classrooms().stream())
                    .distinct().toList());
            return "organiser/lesson-edit";
        });
    }

    // the cancellation

    @GetMapping("/organiser/events/{id}/lessons/{lessonId}/cancel")
    Mono<String> cancelForm(@PathVariable String id, @PathVariable String lessonId, @AuthenticationPrincipal OidcUser user, Model model) {
        ids(id, lessonId);
        return console.organiser(user).then(cancelPage(id, lessonId, model));
    }

    @PostMapping("/organiser/events/{id}/lessons/{lessonId}/cancel")
    Mono<String> cancel(@PathVariable String id, @PathVariable String lessonId, @AuthenticationPrincipal OidcUser user, Model model,
                        ServerWebExchange exchange) {
        ids(id, lessonId);
        return console.organiser(user).then(Mono.zip(lessonOf(id, lessonId), exchange.getFormData())).flatMap(both -> {
            String reason = PlanPages.blankToNull(both.getT2().getFirst("reason"));
            return api.cancelLesson(lessonId, reason)
                    .thenReturn("redirect:/organiser/events/" + id + "/lessons?done=cancelled#lesson-" + lessonId)
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                        model.addAttribute("reason", reason);
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return cancelPage(id, lessonId, model);
                    });
        });
    }

    private Mono<String> cancelPage(String id, String lessonId, Model model) {
        return Mono.zip(api.event(id), lessonOf(id, lessonId), api.observers(lessonId)).map(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("lesson", t.getT2());
            model.addAttribute("booked", t.getT3().bookedList().size());
            model.addAttribute("waiting", t.getT3().waitingList().size());
            return "organiser/lesson-cancel";
        });
    }

    // the observers present

    @GetMapping("/organiser/events/{id}/lessons/{lessonId}/observers")
    Mono<String> observers(@PathVariable String id, @PathVariable String lessonId, @RequestParam(required = false) String saved,
                           @AuthenticationPrincipal OidcUser user, Model model) {
        ids(id, lessonId);
        if (saved != null) {
            model.addAttribute("saved", true);
        }
        return console.organiser(user).then(observersPage(id, lessonId, model));
    }

    /**
     * The form lists every booked observer ({@code booked}) and ticks those present ({@code present}): the ticked
     * ones are marked present and the others not, so a tick taken away is undone too.
     */
    @PostMapping("/organiser/events/{id}/lessons/{lessonId}/observers")
    Mono<String> markPresent(@PathVariable String id, @PathVariable String lessonId, @AuthenticationPrincipal OidcUser user,
                             Model model, ServerWebExchange exchange) {
        ids(id, lessonId);
        return console.organiser(user).then(Mono.zip(lessonOf(id, lessonId), api.observers(lessonId), exchange.getFormData()))
                .flatMap(t -> {
                    MultiValueMap<String, String> data = t.getT3();
                    Set<String> present = new LinkedHashSet<>(data.getOrDefault("present", List.of()));
                    Set<String> shown = new LinkedHashSet<>(data.getOrDefault("booked", List.of()));
                    List<String> mark = new ArrayList<>();
                    List<String> unmark = new ArrayList<>();
                    for (OrganiserApi.Booking b : t.getT2().bookedList()) {
                        // only what she changed on the page: a seat booked since she opened it is left as it is
                        if (present.contains(b.registrationId()) && !b.attended()) {
                            mark.add(b.registrationId());
                        } else if (!present.contains(b.registrationId()) && shown.contains(b.registrationId()) && b.attended()) {
                            unmark.add(b.registrationId());
                        }
                    }
                    // a tick for someone without a seat (her seat given up since): the API says not-booked
                    present.stream().filter(r -> t.getT2().bookedList().stream().noneMatch(b -> b.registrationId().equals(r)))
                            .forEach(mark::add);
                    return Flux.concat(batches(mark).stream().map(b -> api.attendance(lessonId, b, true)).toList())
                            .concatWith(Flux.concat(batches(unmark).stream().map(b -> api.attendance(lessonId, b, false)).toList()))
                            .then(Mono.just("redirect:/organiser/events/" + id + "/lessons/" + lessonId + "/observers?saved=1"))
                            .onErrorResume(ApiProblem.class, problem -> {
                                model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                                exchange.getResponse().setRawStatusCode(problem.status());
                                return observersPage(id, lessonId, model);
                            });
                });
    }

    private Mono<String> observersPage(String id, String lessonId, Model model) {
        return Mono.zip(api.event(id), lessonOf(id, lessonId), api.observers(lessonId)).map(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("lesson", t.getT2());
            List<OrganiserApi.Booking> booked = t.getT3().bookedList().stream()
                    .sorted(java.util.Comparator.comparing(b -> Console.fold(b.fullName()))).toList();
            model.addAttribute("booked", booked);
            model.addAttribute("present", booked.stream().filter(OrganiserApi.Booking::attended).count());
            model.addAttribute("waiting", t.getT3().waitingList());
            return "organiser/lesson-observers";
        });
    }

    static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += ATTENDANCE_BATCH) {
            batches.add(List.copyOf(ids.subList(i, Math.min(ids.size(), i + ATTENDANCE_BATCH))));
        }
        return batches;
    }

    /** The lesson, if it is one of this event's (any other is no page here). */
    private Mono<OrganiserApi.Lesson> lessonOf(String id, String lessonId) {
        return api.lesson(lessonId).onErrorMap(e -> e instanceof ApiProblem p && p.status() == 404, e -> new NotFoundException("No such lesson"))
                .filter(l -> id.equals(l.eventId()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such lesson")));
    }

    private static void ids(String id, String lessonId) {
        Console.id(id);
        Console.id(lessonId);
    }
}
