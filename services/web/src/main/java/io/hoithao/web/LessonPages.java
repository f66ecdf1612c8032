package io.hoithao.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The observer's page: an event's demonstration lessons with their seats left, her own seat or waiting
 * place in each, and the buttons to book a seat (or join the waiting list when it is full) and to give
 * it up. A refused booking (a clash with her other lesson, a registration not confirmed yet) is
 * explained in her language.
 */
@Controller
public class LessonPages {

    private final SignedInApi api;
    private final EventsClient events;
    private final ProblemMessages problems;
    private final MyProgramme programme;

    public LessonPages(SignedInApi api, EventsClient events, ProblemMessages problems, MyProgramme programme) {
        this.api = api;
        this.programme = programme;
        this.events = events;
        this.problems = problems;
    }

    @GetMapping("/events/{id}/lessons")
    public Mono<String> lessons(@PathVariable String id, @RequestParam(required = false) String booked,
                                @RequestParam(required = false) String waiting, @RequestParam(required = false) String released,
                                Model model) {
        EventPages.checkId(id);
        model.addAttribute("bookedNow", booked);
        model.addAttribute("waitingNow", waiting);
        model.addAttribute("releasedNow", released);
        return page(id, model);
    }

    @PostMapping("/events/{id}/lessons/{lessonId}/book")
    public Mono<String> book(@PathVariable String id, @PathVariable String lessonId, Model model, ServerWebExchange exchange) {
        EventPages.checkId(id);
        EventPages.checkId(lessonId);
        return registrationFor(id)
                .flatMap(registration -> api.book(lessonId, registration.id()))
                .flatMap(outcome -> programme.changed(exchange.getLocaleContext().getLocale()).thenReturn(outcome))
                .map(outcome -> "redirect:/events/" + id + "/lessons?" + ("WAITLISTED".equals(outcome.status()) ? "waiting=" : "booked=")
                        + lessonId + "#lesson-" + lessonId)
                .switchIfEmpty(Mono.just("redirect:/events/" + id + "/lessons"))
                .onErrorResume(ApiProblem.class, problem -> {
                    model.addAttribute("problem", problems.show(problem, exchange.getLocaleContext().getLocale()));
                    exchange.getResponse().setRawStatusCode(problem.status() == 409 ? 409 : 400);
                    return page(id, model);
                });
    }

    @PostMapping("/events/{id}/lessons/{lessonId}/release")
    public Mono<String> release(@PathVariable String id, @PathVariable String lessonId, ServerWebExchange exchange) {
        EventPages.checkId(id);
        EventPages.checkId(lessonId);
        return registrationFor(id)
                .flatMap(registration -> api.releaseBooking(lessonId, registration.id()))
                .then(programme.changed(exchange.getLocaleContext().getLocale()))
                .thenReturn("redirect:/events/" + id + "/lessons?released=" + lessonId);
    }

    private Mono<String> page(String id, Model model) {
        Mono<Api.Event> event = events.event(id);
        Mono<List<SignedInApi.Lesson>> lessons = api.lessons(id);
        Mono<Map<String, SignedInApi.ScheduleEntry>> mine = registrationFor(id)
                .flatMap(r -> api.schedule(id, r.id()).map(entries -> {
                    model.addAttribute("registration", r);
                    return entries.stream().collect(Collectors.toMap(e -> e.lesson().id(), Function.identity(), (a, b) -> a));
                }))
                .defaultIfEmpty(Map.of());
        return Mono.zip(event, lessons, mine).doOnNext(all -> {
            model.addAttribute("event", all.getT1());
            model.addAttribute("lessons", all.getT2().stream()
                    .sorted(Comparator.comparing(SignedInApi.Lesson::startsAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList());
            model.addAttribute("mine", all.getT3());
        }).thenReturn("lessons");
    }

    /** Her active registration for the event, if she has one. */
    private Mono<SignedInApi.Registration> registrationFor(String eventId) {
        return api.myRegistrations(eventId).flatMap(list -> Mono.justOrEmpty(list.stream()
                .filter(SignedInApi.Registration::active).findFirst()));
    }
}
