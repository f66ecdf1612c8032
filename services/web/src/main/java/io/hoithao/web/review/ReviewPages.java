package io.hoithao.web.review;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.hoithao.web.Api;
import io.hoithao.web.ApiProblem;
import io.hoithao.web.EventsClient;
import io.hoithao.web.NotFoundException;
import io.hoithao.web.ProblemMessages;
import io.hoithao.web.SignedInApi;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reviewer's desk and the organisers' review of an event's papers, over the presentations API.
 * <ul>
 * <li>{@code /review}: a reviewer's papers to review (never her own unit's: the API leaves them out), those she
 * reviewed with her score and the decision; an organiser's events, each to its review page.</li>
 * <li>{@code /review/papers/{id}}: the paper, its materials to download, the scoring form (1 to 10, comments),
 * the history (submitted, the reviews' scores, the decision).</li>
 * <li>{@code /review/events/{id}}: every paper of the event with each reviewer's score side by side and the
 * average; accept, reject or ask for a revision; place an accepted paper in a presentation session.</li>
 * </ul>
 */
@Controller
class ReviewPages {

    static final Set<String> DECISIONS = Set.of("ACCEPTED", "REJECTED", "REVISION_REQUESTED");

    private final ReviewClient api;
    private final SignedInApi account;
    private final EventsClient events;
    private final ProblemMessages problems;
    private final MessageSource messages;

    ReviewPages(ReviewClient api, SignedInApi account, EventsClient events, ProblemMessages problems, MessageSource messages) {
        this.api = api;
        this.account = account;
        this.events = events;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/review")
    Mono<String> desk(@AuthenticationPrincipal OidcUser user, Model model) {
        return account.account(user).flatMap(a -> {
            List<String> roles = a.roles() == null ? List.of() : a.roles();
            // the desk is the API's to grant (reviewers, administrators): anyone else is refused, and sees no desk
            Mono<Optional<List<ReviewClient.DeskPaper>>> desk = api.desk().map(d -> Optional.of(d.papers()))
                    .onErrorResume(ApiProblem.class, e -> e.status() == 403 ? Mono.just(Optional.empty()) : Mono.error(e));
            // roles are unknown when the account comes from an ID token without them (Keycloak): her unit's events then
            boolean organises = roles.contains("admin") || roles.contains("organiser")
                    || roles.isEmpty() && a.unitId() != null && !a.unitId().isBlank();
            Mono<List<Api.Event>> organised = organises
                    ? api.eventsOf(a.unitId()).map(list -> list.stream().filter(e -> !"DRAFT".equals(e.status())).toList())
                    : Mono.just(List.of());
            return Mono.zip(desk, organised).doOnNext(t -> {
                List<ReviewClient.DeskPaper> papers = t.getT1().orElse(List.of());
                model.addAttribute("reviewer", t.getT1().isPresent());
                model.addAttribute("toReview", papers.stream().filter(ReviewClient.DeskPaper::reviewable).toList());
                model.addAttribute("reviewed", papers.stream().filter(p -> !p.reviewable()).toList());
                model.addAttribute("events", t.getT2());
            });
        }).thenReturn("review/desk");
    }

    @GetMapping("/review/papers/{paperId}")
    Mono<String> paper(@PathVariable String paperId, @RequestParam(required = false) String sent, Model model) {
        checkId(paperId);
        model.addAttribute("sentNow", sent != null);
        return page(paperId, model);
    }

    @PostMapping("/review/papers/{paperId}")
    Mono<String> review(@PathVariable String paperId, ServerWebExchange exchange, Model model) {
        checkId(paperId);
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            Integer score = score(form.getFirst("score"));
            String comment = form.getFirst("comment");
            return api.review(paperId, score, comment)
                    .thenReturn("redirect:/review/papers/" + paperId + "?sent=1")
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", shown(problem, locale));
                        model.addAttribute("score", score);
                        model.addAttribute("comment", comment);
                        exchange.getResponse().setRawStatusCode(problem.status());
                        return page(paperId, model);
                    });
        });
    }

    @GetMapping("/review/papers/{paperId}/materials/{materialId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> material(@PathVariable String paperId, @PathVariable String materialId) {
        checkId(paperId);
        checkId(materialId);
        return api.material(paperId, materialId);
    }

    @GetMapping("/review/events/{eventId}")
    Mono<String> event(@PathVariable String eventId, @RequestParam(required = false) String done, Model model) {
        checkId(eventId);
        model.addAttribute("done", done);
        return eventPage(eventId, model);
    }

    @PostMapping("/review/events/{eventId}/papers/{paperId}/decision")
    Mono<String> decide(@PathVariable String eventId, @PathVariable String paperId, ServerWebExchange exchange, Model model) {
        checkId(eventId);
        checkId(paperId);
        return exchange.getFormData().flatMap(form -> {
            String decision = form.getFirst("decision");
            if (!DECISIONS.contains(decision)) {
                return refused(eventId, paperId, new ApiProblem(400, new ApiProblem.Body("validation", 400, List.of(
                        new ApiProblem.FieldProblem("decision", "one of " + DECISIONS)))), exchange, model);
            }
            return api.decide(paperId, decision, form.getFirst("comment"))
                    .thenReturn("redirect:/review/events/" + eventId + "?done=" + decision + "#paper-" + paperId)
                    .onErrorResume(ApiProblem.class, problem -> refused(eventId, paperId, problem, exchange, model));
        });
    }

    @PostMapping("/review/events/{eventId}/papers/{paperId}/placement")
    Mono<String> place(@PathVariable String eventId, @PathVariable String paperId, ServerWebExchange exchange, Model model) {
        checkId(eventId);
        checkId(paperId);
        return exchange.getFormData().flatMap(form -> {
            String sessionId = form.getFirst("sessionId");
            if (sessionId == null || sessionId.isBlank()) {
                return refused(eventId, paperId, new ApiProblem(400, new ApiProblem.Body("validation", 400, List.of(
                        new ApiProblem.FieldProblem("sessionId", "required")))), exchange, model);
            }
            checkId(sessionId);
            return api.place(eventId, sessionId, paperId)
                    .thenReturn("redirect:/review/events/" + eventId + "?done=PLACED#paper-" + paperId)
                    .onErrorResume(ApiProblem.class, problem -> refused(eventId, paperId, problem, exchange, model));
        });
    }

    private Mono<String> refused(String eventId, String paperId, ApiProblem problem, ServerWebExchange exchange, Model model) {
        model.addAttribute("problem", shown(problem, exchange.getLocaleContext().getLocale()));
        model.addAttribute("problemPaper", paperId);
        exchange.getResponse().setRawStatusCode(problem.status());
        return eventPage(eventId, model);
    }

    private Mono<String> eventPage(String eventId, Model model) {
        return Mono.zip(events.event(eventId), api.ofEvent(eventId), api.sessions(eventId)).doOnNext(t -> {
            model.addAttribute("event", t.getT1());
            model.addAttribute("papers", t.getT2().papers());
            model.addAttribute("sessions", t.getT3().stream().filter(s -> !s.cancelled()).toList());
            model.addAttribute("sessionTitles", t.getT3().stream().collect(java.util.stream.Collectors.toMap(
                    ReviewClient.Session::id, ReviewClient.Session::title, (a, b) -> a)));
            // as many score columns as the most reviewed paper has reviews
            model.addAttribute("columns", t.getT2().papers().stream().mapToInt(p -> p.reviews().size()).max().orElse(0));
        }).thenReturn("review/event");
    }

    /** The paper as it stands on her desk (which is also where a paper she reviewed stays after the decision). */
    private Mono<String> page(String paperId, Model model) {
        return api.desk().flatMap(desk -> Mono.justOrEmpty(desk.papers().stream()
                        .filter(p -> paperId.equals(p.paper().id())).findFirst()))
                .switchIfEmpty(Mono.error(new NotFoundException("Not on her desk: " + paperId)))
                .flatMap(item -> events.event(item.paper().eventId()).onErrorResume(NotFoundException.class, e -> Mono.empty())
                        .doOnNext(event -> model.addAttribute("event", event))
                        .then(Mono.just(item)))
                .doOnNext(item -> model.addAttribute("item", item))
                .thenReturn("review/paper");
    }

    /** The problem in her language: this page's own wording ({@code review.problem.<type>}) where it has one. */
    private ProblemMessages.Shown shown(ApiProblem problem, Locale locale) {
        ProblemMessages.Shown shown = problems.show(problem, locale);
        String own = messages.getMessage("review.problem." + problem.type(), null, null, locale);
        return own == null ? shown : new ProblemMessages.Shown(shown.type(), own, shown.fields());
    }

    private static Integer score(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An id as the APIs make them; anything else is a page that does not exist (never sent on to an API). */
    static void checkId(String id) {
        if (id == null || id.length() > 64 || !id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new NotFoundException("No such paper or event");
        }
    }
}
