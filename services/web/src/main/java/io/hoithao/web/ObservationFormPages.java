package io.hoithao.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The observation form (<em>phiếu dự giờ</em>) of a lesson she booked: the event's criteria, each scored
 * 1 to 5, and her comments, saved as she goes. Each change is posted (htmx, on change; the button
 * without script): while a criterion is unscored, or before the organiser has marked her present, her
 * answers are kept as a draft here ({@link FormDrafts}); once whole they go to the observations API
 * (the first time created, then replaced) and the page says it was sent.
 */
@Controller
public class ObservationFormPages {

    private final SignedInApi api;
    private final EventsClient events;
    private final FormDrafts drafts;
    private final ProblemMessages problems;

    public ObservationFormPages(SignedInApi api, EventsClient events, FormDrafts drafts, ProblemMessages problems) {
        this.api = api;
        this.events = events;
        this.drafts = drafts;
        this.problems = problems;
    }

    @GetMapping("/events/{id}/lessons/{lessonId}/form")
    public Mono<String> form(@PathVariable String id, @PathVariable String lessonId, Model model) {
        return context(id, lessonId, model).flatMap(c -> api.observationForm(lessonId, c.registration().id())
                .map(sent -> {
                    model.addAttribute("scores", sent.scores());
                    model.addAttribute("comments", sent.comments());
                    model.addAttribute("state", sent.locked() ? "LOCKED" : "SENT");
                    model.addAttribute("sent", true);
                    return "observation-form";
                })
                .switchIfEmpty(Mono.defer(() -> drafts.find(c.registration().id(), lessonId).map(d -> {
                    model.addAttribute("scores", d.scores());
                    model.addAttribute("comments", d.comments());
                    model.addAttribute("state", "DRAFT");
                    return "observation-form";
                }).defaultIfEmpty("observation-form"))));
    }

    /** One change (htmx: answers the status line only) or the whole form (without script: the page). */
    @PostMapping("/events/{id}/lessons/{lessonId}/form")
    public Mono<String> save(@PathVariable String id, @PathVariable String lessonId, Model model, ServerWebExchange exchange) {
        boolean htmx = "true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"));
        return Mono.zip(context(id, lessonId, model), exchange.getFormData()).flatMap(both -> {
            Context c = both.getT1();
            MultiValueMap<String, String> data = both.getT2();
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (SignedInApi.Criterion criterion : c.template().criteria()) {
                Integer score = score(data.getFirst("score-" + criterion.id()));
                if (score != null) {
                    scores.put(criterion.id(), score);
                }
            }
            String comments = data.getFirst("comments") == null ? "" : data.getFirst("comments").strip();
            model.addAttribute("scores", scores);
            model.addAttribute("comments", comments);
            String registrationId = c.registration().id();
            int missing = c.template().criteria().size() - scores.size();
            model.addAttribute("missing", missing);
            Mono<String> state;
            if (missing > 0) {
                state = drafts.save(registrationId, lessonId, scores, comments).thenReturn("DRAFT");
            } else {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("registrationId", registrationId);
                body.put("scores", scores);
                body.put("comments", comments);
                state = api.observationForm(lessonId, registrationId).hasElement()
                        .flatMap(exists -> api.saveObservationForm(lessonId, registrationId, exists, body))
                        .flatMap(sent -> drafts.drop(registrationId, lessonId).thenReturn("SENT"))
                        .onErrorResume(ApiProblem.class, problem -> {
                            model.addAttribute("problem", problems.show(problem, exchange.getLocaleContext().getLocale()));
                            // not marked present yet, or forms closed: what she wrote is kept here all the same
                            return drafts.save(registrationId, lessonId, scores, comments).thenReturn("DRAFT");
                        });
            }
            return state.map(s -> {
                model.addAttribute("state", s);
                model.addAttribute("sent", "SENT".equals(s));
                model.addAttribute("savedAt", java.time.LocalTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0));
                return htmx ? "observation-form :: status" : "observation-form";
            });
        });
    }

    private Mono<Context> context(String id, String lessonId, Model model) {
        EventPages.checkId(id);
        EventPages.checkId(lessonId);
        Mono<SignedInApi.Registration> registration = api.myRegistrations(id)
                .flatMap(list -> Mono.justOrEmpty(list.stream().filter(SignedInApi.Registration::active).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No registration for " + id)));
        Mono<SignedInApi.Lesson> lesson = api.lessons(id).flatMap(list -> Mono.justOrEmpty(list.stream()
                        .filter(l -> lessonId.equals(l.id())).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No lesson " + lessonId)));
        return Mono.zip(events.event(id), lesson, registration, api.formTemplate(id)).map(all -> {
            model.addAttribute("event", all.getT1());
            model.addAttribute("lesson", all.getT2());
            model.addAttribute("criteria", all.getT4().criteria());
            model.addAttribute("scale", List.of(1, 2, 3, 4, 5));
            model.addAttribute("scores", Map.of());
            model.addAttribute("comments", "");
            model.addAttribute("state", "NEW");
            model.addAttribute("sent", false);
            return new Context(all.getT3(), all.getT4());
        });
    }

    private static Integer score(String value) {
        if (value == null || !value.matches("[1-5]")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private record Context(SignedInApi.Registration registration, SignedInApi.FormTemplate template) {
    }
}
