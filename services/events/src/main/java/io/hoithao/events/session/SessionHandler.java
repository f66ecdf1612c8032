package io.hoithao.events.session;

import io.hoithao.events.session.SessionRequests.MoveSession;
import io.hoithao.events.session.SessionRequests.NewSession;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sessions of an event: schedule, list, move, cancel. Anyone may read the sessions of a published
 * event; the managers of its unit change them ({@link io.hoithao.events.event.EventAccess}).
 */
@RestController
@RequestMapping("/api/events/{eventId}/sessions")
class SessionHandler {

    private final SessionService sessions;

    SessionHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ResponseEntity<SessionView>> schedule(@PathVariable String eventId, @Valid @RequestBody NewSession request,
                                               Caller caller) {
        return sessions.schedule(eventId, request, caller).map(SessionProblems::orThrow)
                .map(view -> ResponseEntity.created(URI.create("/api/events/" + eventId + "/sessions/" + view.id())).body(view));
    }

    @GetMapping
    Mono<List<SessionView>> list(@PathVariable String eventId, Caller caller) {
        return sessions.event(eventId, caller).map(event -> event.sessions().stream()
                .sorted(Comparator.comparing(Session::date).thenComparing(Session::start).thenComparing(Session::id))
                .map(session -> SessionView.of(event, session))
                .toList());
    }

    @GetMapping("/{sessionId}")
    Mono<SessionView> get(@PathVariable String eventId, @PathVariable String sessionId, Caller caller) {
        return sessions.event(eventId, caller).map(event -> SessionView.of(event, event.session(sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session", sessionId))));
    }

    @PostMapping("/{sessionId}/move")
    Mono<SessionView> move(@PathVariable String eventId, @PathVariable String sessionId, @Valid @RequestBody MoveSession request,
                           Caller caller) {
        return sessions.move(eventId, sessionId, request, caller).map(SessionProblems::orThrow);
    }

    @PostMapping("/{sessionId}/cancel")
    Mono<SessionView> cancel(@PathVariable String eventId, @PathVariable String sessionId, Caller caller) {
        return sessions.cancel(eventId, sessionId, caller).map(SessionProblems::orThrow);
    }
}
