package io.hoithao.web.organiser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demonstration lessons: scheduling one in a classroom of a host school (age group, teacher, activity,
 * seats), each lesson's seats and its observation forms' aggregates per criterion; the rotation plan for a
 * large delegation, previewed as a table of delegates by rounds (the lessons' time slots), printable, and
 * applied once.
 */
@Controller
class LessonPlanPages {

    static final List<String> AGE_GROUPS = List.of("NHA_TRE", "MAU_GIAO_BE", "MAU_GIAO_NHO", "MAU_GIAO_LON");

    private final OrganiserApi api;
    private final Console console;
    private final ConsoleProblems problems;

    LessonPlanPages(OrganiserApi api, Console console, ConsoleProblems problems) {
        this.api = api;
        this.console = console;
        this.problems = problems;
    }

    @GetMapping("/organiser/events/{id}/lessons")
    Mono<String> lessons(@PathVariable String id, @RequestParam(required = false) String done,
                         @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        // a bare flag (?added) has no value: its presence is what counts
        if (exchange.getRequest().getQueryParams().containsKey("added")) {
            model.addAttribute("added", true);
        }
        // after a lesson's page: what was done, from a fixed list (the words are the catalogue's)
        if ("updated".equals(done) || "cancelled".equals(done)) {
            model.addAttribute("done", done);
        }
        return console.organiser(user).then(page(id, model, Map.of()));
    }

    @PostMapping("/organiser/events/{id}/lessons")
    Mono<String> add(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(Mono.zip(api.event(id), exchange.getFormData())).flatMap(both -> {
            OrganiserApi.Event event = both.getT1();
            Map<String, String> form = PlanPages.flat(both.getT2());
            ZoneId zone = ZoneId.of(event.timeZone() == null ? "Asia/Ho_Chi_Minh" : event.timeZone());
            Map<String, Object> body = new LinkedHashMap<>();
            for (String field : List.of("title", "hostSchool", "classroom", "className", "ageGroup", "teacher", "activity", "developmentalArea")) {
                body.put(field, PlanPages.blankToNull(form.get(field)));
            }
            body.put("startsAt", instant(form.get("date"), form.get("start"), zone));
            body.put("endsAt", instant(form.get("date"), form.get("end"), zone));
            body.put("seats", PlanPages.number(form.get("seats")));
            return api.addLesson(id, body).thenReturn("redirect:/organiser/events/" + id + "/lessons?added")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", timesAtTheirFields(problems.show(problem, PlanPages.locale(exchange))));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return page(id, model, form);
                    });
        });
    }

    /** The API names the instants; the form has a day and two times: its problems go under the times. */
    static io.hoithao.web.ProblemMessages.Shown timesAtTheirFields(io.hoithao.web.ProblemMessages.Shown shown) {
        Map<String, String> fields = new LinkedHashMap<>();
        shown.fields().forEach((field, text) -> fields.put(switch (field) {
            case "startsAt" -> "start";
            case "endsAt" -> "end";
            default -> field;
        }, text));
        return new io.hoithao.web.ProblemMessages.Shown(shown.type(), shown.message(), fields);
    }

    /** The day and local time in the event's zone, with its offset; null when either is missing (the API names the field). */
    static String instant(String date, String time, ZoneId zone) {
        try {
            return LocalDate.parse(PlanPages.date(date)).atTime(LocalTime.parse(time.strip())).atZone(zone).toOffsetDateTime().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Mono<String> page(String id, Model model, Map<String, String> form) {
        return Mono.zip(api.event(id), api.lessons(id)).flatMap(both -> {
            List<OrganiserApi.Lesson> lessons = both.getT2().stream()
                    .sorted(Comparator.comparing(OrganiserApi.Lesson::startsAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            return Flux.fromIterable(lessons)
                    .concatMap(l -> api.formSummary(l.id()).map(Optional::of).onErrorResume(e -> Mono.just(Optional.empty()))
                            .map(s -> Map.entry(l.id(), s)))
                    .collectList()
                    .doOnNext(summaries -> {
                        OrganiserApi.Event event = both.getT1();
                        model.addAttribute("event", event);
                        model.addAttribute("lessons", lessons);
                        Map<String, OrganiserApi.FormSummary> byLesson = new LinkedHashMap<>();
                        summaries.forEach(e -> e.getValue().ifPresent(s -> byLesson.put(e.getKey(), s)));
                        model.addAttribute("summaries", byLesson);
                        model.addAttribute("ageGroups", AGE_GROUPS);
                        model.addAttribute("days", PlanPages.days(event));
                        model.addAttribute("schools", event.venueList().stream().filter(v -> "HOST_SCHOOL".equals(v.kind())).toList());
                        Map<String, String> values = new LinkedHashMap<>(form);
                        values.putIfAbsent("ageGroup", "MAU_GIAO_LON");
                        values.putIfAbsent("seats", "8");
                        values.putIfAbsent("date", String.valueOf(event.startDate()));
                        model.addAttribute("form", values);
                    });
        }).thenReturn("organiser/lessons");
    }

    // the rotation plan

    @PostMapping("/organiser/events/{id}/rotations")
    Mono<String> plan(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        Console.id(id);
        return console.organiser(user).then(exchange.getFormData()).flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            Object max = PlanPages.number(data.getFirst("maxPerDelegate"));
            if (max != null) {
                body.put("maxPerDelegate", max);
            }
            return api.planRotation(id, body).map(r -> "redirect:/organiser/events/" + id + "/rotations/" + r.id())
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return page(id, model, Map.of());
                    });
        });
    }

    @GetMapping("/organiser/events/{id}/rotations/{rotationId}")
    Mono<String> rotation(@PathVariable String id, @PathVariable String rotationId, @AuthenticationPrincipal OidcUser user, Model model) {
        Console.id(id);
        Console.id(rotationId);
        return console.organiser(user).then(rotationPage(id, rotationId, model));
    }

    @PostMapping("/organiser/events/{id}/rotations/{rotationId}/apply")
    Mono<String> apply(@PathVariable String id, @PathVariable String rotationId, @AuthenticationPrincipal OidcUser user, Model model,
                       ServerWebExchange exchange) {
        Console.id(id);
        Console.id(rotationId);
        return console.organiser(user).then(api.applyRotation(rotationId))
                .thenReturn("redirect:/organiser/events/" + id + "/rotations/" + rotationId)
                .onErrorResume(ApiProblem.class, problem -> {
                    model.addAttribute("problem", problems.show(problem, PlanPages.locale(exchange)));
                    exchange.getResponse().setRawStatusCode(problem.status());
                    return rotationPage(id, rotationId, model);
                });
    }

    private Mono<String> rotationPage(String id, String rotationId, Model model) {
        Mono<Map<String, String>> names = api.delegates(id, "CONFIRMED", null, 0, 200)
                .expand(p -> (long) (p.page() + 1) * p.size() < p.total() ? api.delegates(id, "CONFIRMED", null, p.page() + 1, 200) : Mono.empty())
                .flatMapIterable(OrganiserApi.Page::items)
                .collectMap(OrganiserApi.Delegate::id, d -> d.fullName() + " (" + d.unit() + ")");
        return Mono.zip(api.event(id), api.lessons(id), api.rotation(rotationId), names).doOnNext(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("rotation", t.getT3());
            model.addAttribute("table", table(t.getT2(), t.getT3(), t.getT4()));
        }).thenReturn("organiser/rotation");
    }

    /** Rounds are the lessons' distinct start times; each delegate's row names her lesson in each round. */
    static Table table(List<OrganiserApi.Lesson> lessons, OrganiserApi.Rotation rotation, Map<String, String> names) {
        Map<String, OrganiserApi.Lesson> byId = lessons.stream().collect(Collectors.toMap(OrganiserApi.Lesson::id, Function.identity()));
        List<OffsetDateTime> rounds = rotation.assignmentList().stream().map(a -> byId.get(a.lessonId()))
                .filter(l -> l != null && l.startsAt() != null).map(OrganiserApi.Lesson::startsAt)
                .map(OffsetDateTime::toInstant).distinct().sorted()
                .map(i -> i.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime()).toList();
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (OrganiserApi.Assignment a : rotation.assignmentList()) {
            OrganiserApi.Lesson lesson = byId.get(a.lessonId());
            String[] cells = rows.computeIfAbsent(a.registrationId(), k -> new String[rounds.size()]);
            if (lesson == null || lesson.startsAt() == null) {
                continue;
            }
            int round = rounds.stream().map(OffsetDateTime::toInstant).toList().indexOf(lesson.startsAt().toInstant());
            String where = (lesson.classroom() == null ? "" : lesson.classroom() + " · ") + lesson.title();
            cells[round] = cells[round] == null ? where : cells[round] + "; " + where;
        }
        List<Row> table = new ArrayList<>();
        rows.forEach((registration, cells) -> table.add(new Row(names.getOrDefault(registration, registration), List.of(
                java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new)))));
        table.sort(Comparator.comparing(r -> Console.fold(r.delegate())));
        return new Table(rounds, table);
    }

    record Row(String delegate, List<String> cells) {
    }

    record Table(List<OffsetDateTime> rounds, List<Row> rows) {
    }
}
