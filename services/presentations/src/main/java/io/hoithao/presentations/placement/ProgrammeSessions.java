package io.hoithao.presentations.placement;

import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Applies the events service's session messages to the programme: presentation sessions appear, move and are cancelled (one by one, or all with their event). */
@Component
public class ProgrammeSessions {

    private final ProgrammeStore store;
    private final Clock clock;

    ProgrammeSessions(ProgrammeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Mono<?> scheduled(SessionScheduled m) {
        if (!Placement.SESSION_TYPE.equals(m.type())) {
            return Mono.empty();
        }
        String eventId = m.eventId();
        return store.change(eventId, m, (p, revision) -> Placement.scheduled(eventId, p.sessions(), m, revision, clock.instant()));
    }

    public Mono<?> moved(SessionMoved m) {
        String eventId = m.eventId();
        return store.change(eventId, m, (p, revision) -> Placement.moved(eventId, p.sessions(), m, revision, clock.instant()));
    }

    public Mono<?> cancelled(SessionCancelled m) {
        String eventId = m.eventId();
        return store.change(eventId, m, (p, revision) -> Placement.cancelled(eventId, p.sessions(), m, revision, clock.instant()));
    }

    public Mono<?> eventCancelled(EventCancelled m) {
        String eventId = m.eventId();
        return store.change(eventId, m, (p, revision) -> Placement.eventCancelled(eventId, p.sessions(), revision, clock.instant()));
    }
}
