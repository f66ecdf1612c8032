package io.hoithao.events.session;

import io.hoithao.events.event.Event;
import io.hoithao.events.session.SessionRequests.MoveSession;
import io.hoithao.events.session.SessionRequests.NewSession;
import io.hoithao.platform.security.Caller;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Schedules, moves and cancels sessions: {@link Lifecycle} decides on the event as read, {@link SessionStore} writes
 * the decided change guarded by that read's version, so two organisers placing sessions in the same room at the same
 * time cannot both succeed: the second is decided again against the first and refused. A refusal is answered as a
 * value ({@link Decision.Refusal}) for the handler.
 */
@Service
class SessionService {

    private final SessionStore store;
    private final Clock clock;

    SessionService(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Mono<Decision.Result> schedule(String eventId, NewSession request, Caller caller) {
        // one id for every attempt: a retry on fresh state schedules the same session
        String sessionId = UUID.randomUUID().toString();
        return store.apply(eventId, caller, event -> Lifecycle.schedule(event, sessionId, request, clock.instant()));
    }

    Mono<Decision.Result> move(String eventId, String sessionId, MoveSession request, Caller caller) {
        return store.apply(eventId, caller, event -> Lifecycle.move(event, sessionId, request, clock.instant()));
    }

    Mono<Decision.Result> cancel(String eventId, String sessionId, Caller caller) {
        return store.apply(eventId, caller, event -> Lifecycle.cancel(event, sessionId, clock.instant()));
    }

    /** The event, if the caller may see it (a draft only its managers). */
    Mono<Event> event(String eventId, Caller caller) {
        return store.find(eventId, caller);
    }
}
