package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.events.live.ProgrammeChange;
import io.hoithao.events.live.ProgrammeChanges;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.outbox.StatusUpdates;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Reads events and changes them. A change is decided in plain Java on the event as read, then written
 * as one conditional update guarded by the version read, which also increments the version and
 * carries the change's messages ({@link Publishing}); if someone changed the event meanwhile, the guard
 * matches nothing and the decision is taken again on fresh state.
 */
@Component
public class EventStore {

    public static final String COLLECTION = "events";

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final ProgrammeChanges changes;
    private final Clock clock;

    EventStore(ReactiveMongoTemplate mongo, Publishing publishing, ProgrammeChanges changes, Clock clock) {
        this.mongo = mongo;
        this.publishing = publishing;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * What a command does to an event: the update of its fields and the messages that tell about it;
     * {@code subjectId} names what changed for the live stream (may be null).
     */
    public record Change(Update update, List<? extends IntegrationMessage> messages, String subjectId) {
    }

    /** The event, whoever asks: for the service's own decisions, never for an answer to a caller. */
    public Mono<Event> find(String id) {
        return mongo.findById(id, Event.class).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", id)));
    }

    /** The event if this caller may see it ({@link EventAccess#visible}); a draft they may not see is 404. */
    public Mono<Event> find(String id, Caller caller) {
        return find(id).map(event -> EventAccess.requireVisible(event, caller));
    }

    public Mono<Event> insert(Event event) {
        return publishing.insert(event, List.of());
    }

    /**
     * Has {@code lifecycle} decide on the current event, if the caller manages it ({@link #decide}), and writes a
     * decided change as one version-guarded update: its status (only along {@link EventStatus#canBecome}, which
     * {@link Decision.Change} holds to), its fields, what it appends, its messages. A refusal is answered as it is,
     * with nothing written.
     */
    Mono<Decision.Result> apply(String id, Caller caller, Function<Event, Decision> lifecycle) {
        return decide(id, caller, event -> {
            Decision decision = lifecycle.apply(event);
            if (decision instanceof Decision.Refusal refusal) {
                return Mono.just(refusal);
            }
            Decision.Change change = (Decision.Change) decision;
            return write(event, new Change(StatusUpdates.of(change.write()), change.write().messages(), change.subjectId()))
                    .map(Decision.Done::new);
        });
    }

    /**
     * Reads the event, checks that the caller manages it ({@link EventAccess#requireManager}, on every read, retries
     * included, so the event's unit cannot change between the check and the write), and runs {@code body}, which
     * answers with or without a {@link #write}; all again on fresh state when the write found the version moved on.
     * For what another feature decides about what an event holds (its sessions) as for {@link #apply}.
     */
    public <T> Mono<T> decide(String id, Caller caller, Function<Event, Mono<T>> body) {
        return find(id)
                .flatMap(event -> {
                    EventAccess.requireManager(event, caller);
                    return body.apply(event);
                })
                .retryWhen(Retry.max(10).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new org.springframework.dao.OptimisticLockingFailureException(
                                "event " + id + " kept changing")));
    }

    /**
     * What the service decides about an event on a message, without a caller: {@code body} runs on the event as read
     * and answers with or without a {@link #write}, again on fresh state when the write found the version moved on;
     * nothing when there is no such event.
     */
    public <T> Mono<T> follow(String id, Function<Event, Mono<T>> body) {
        return mongo.findById(id, Event.class).flatMap(body)
                .retryWhen(Retry.max(20).filter(ConcurrentChange.class::isInstance));
    }

    /**
     * The one write of a change, inside {@link #decide}'s {@code body}: guarded by the version the change was decided
     * on ({@code read}), with its messages (or {@link #follow}'s); the new version is {@code read.version() + 1}, which the decision can use
     * as the messages' revision.
     */
    public Mono<Event> write(Event read, Change change) {
        Query guard = Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version()));
        Update update = change.update()
                .set("updatedAt", clock.instant())
                .inc("version", 1);
        return publishing.update(guard, update, change.messages(), Event.class)
                .switchIfEmpty(Mono.error(ConcurrentChange::new))
                .doOnNext(saved -> announce(saved.id(), change));
    }

    private void announce(String eventId, Change change) {
        Instant now = clock.instant();
        change.messages().forEach(message ->
                changes.announce(new ProgrammeChange(eventId, message.getClass().getSimpleName(), change.subjectId(), now)));
    }

    /** The version changed between reading and writing; the command is evaluated again on fresh state. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("concurrent change", null, false, false);
        }
    }
}
