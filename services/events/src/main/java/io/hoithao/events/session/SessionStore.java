package io.hoithao.events.session;

import io.hoithao.events.event.Event;
import io.hoithao.events.event.EventStore;
import io.hoithao.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the sessions' decided changes. A session lives in its event's document, so its change is written as the
 * event's own are ({@link EventStore#decide}, {@link EventStore#write}): read with the caller's right to manage the
 * event checked, one update guarded by the version read, with its messages through the platform's
 * {@code Publishing}, decided again on fresh state when the version moved on.
 */
@Component
class SessionStore {

    private final EventStore events;

    SessionStore(EventStore events) {
        this.events = events;
    }

    /** The event, if the caller may see it (a draft only its managers). */
    Mono<Event> find(String eventId, Caller caller) {
        return events.find(eventId, caller);
    }

    /**
     * Has {@code lifecycle} decide on the current event, if the caller manages it, and writes a decided change: a new
     * session appended, a changed one in place of the one it was; a refusal is answered as it is, nothing written.
     */
    Mono<Decision.Result> apply(String eventId, Caller caller, Function<Event, Decision> lifecycle) {
        return events.decide(eventId, caller, event -> {
            Decision decision = lifecycle.apply(event);
            if (decision instanceof Decision.Refusal refusal) {
                return Mono.just(refusal);
            }
            Decision.Change change = (Decision.Change) decision;
            Session session = change.after();
            Update update = change.before() == null ? new Update().push("sessions", session)
                    : new Update().set("sessions", replace(event.sessions(), session));
            return events.write(event, new EventStore.Change(update, change.messages(), session.id()))
                    .map(written -> new Decision.Done(written, written.session(session.id()).orElseThrow()));
        });
    }

    private static List<Session> replace(List<Session> sessions, Session changed) {
        List<Session> result = new ArrayList<>(sessions.size());
        sessions.forEach(s -> result.add(s.id().equals(changed.id()) ? changed : s));
        return result;
    }
}
