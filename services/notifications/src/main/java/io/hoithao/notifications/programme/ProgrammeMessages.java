package io.hoithao.notifications.programme;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.notifications.NotificationsProperties;
import io.hoithao.notifications.person.EventCancellation;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.notifications.person.Person;
import io.hoithao.platform.messaging.Idempotency;
import java.time.Instant;
import java.util.Locale;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Programme changes from the events topic: keeps the {@link Session} projection and adds each change
 * to the {@link Digest} of every confirmed delegate of the event, idempotent by message id. A cancelled
 * event is no programme change but its own mail ({@link EventCancellation}).
 */
@Component
public class ProgrammeMessages {

    private final ReactiveMongoTemplate mongo;
    private final NotificationsProperties properties;
    private final EventCancellation cancellation;

    ProgrammeMessages(ReactiveMongoTemplate mongo, NotificationsProperties properties, EventCancellation cancellation) {
        this.mongo = mongo;
        this.properties = properties;
        this.cancellation = cancellation;
    }

    public Mono<?> sessionScheduled(SessionScheduled m) {
        return Idempotency.upsert(mongo, Session.class, m.sessionId(), m, new Update().set("eventId", m.eventId())
                .set("title", m.title()).set("venue", m.venue()).set("startsAt", m.startsAt()).set("endsAt", m.endsAt()));
    }

    public Mono<?> sessionMoved(SessionMoved m) {
        return mongo.findById(m.sessionId(), Session.class).mapNotNull(Session::title).defaultIfEmpty("")
                .flatMap(title -> Idempotency.upsert(mongo, Session.class, m.sessionId(), m, new Update()
                                .set("eventId", m.eventId()).set("venue", m.venue())
                                .set("startsAt", m.startsAt()).set("endsAt", m.endsAt()))
                        .then(gather(m, new Change(m.messageId().toString(), "moved", title, m.venue(), m.startsAt(),
                                m.endsAt(), null, null, null, m.occurredAt()))));
    }

    public Mono<?> sessionCancelled(SessionCancelled m) {
        return mongo.findById(m.sessionId(), Session.class).mapNotNull(Session::title).defaultIfEmpty("")
                .flatMap(title -> Idempotency.upsert(mongo, Session.class, m.sessionId(), m, new Update()
                                .set("eventId", m.eventId()).set("cancelled", true))
                        .then(gather(m, new Change(m.messageId().toString(), "cancelled", title, null, null, null,
                                null, null, null, m.occurredAt()))));
    }

    public Mono<?> eventRescheduled(EventRescheduled m) {
        return gather(m, new Change(m.messageId().toString(), "rescheduled", null, null, null, null,
                m.startDate(), m.endDate(), null, m.occurredAt()));
    }

    public Mono<?> eventCancelled(EventCancelled m) {
        // One event.cancelled mail per person instead of a programme change; changes still gathered are moot.
        return cancellation.eventCancelled(m.eventId(), m.reason(), m.occurredAt())
                .then(mongo.remove(Query.query(Criteria.where("eventId").is(m.eventId())), Digest.class));
    }

    private Mono<?> gather(IntegrationMessage message, Change change) {
        Instant due = Instant.now().plus(properties.gatherWindow());
        Query confirmed = Query.query(Criteria.where("eventId").is(message.eventId()).and("status").is("CONFIRMED"));
        // Once the event is cancelled its programme is moot: the event.cancelled mail said all there is to say.
        Mono<Boolean> eventCancelled = mongo.findById(message.eventId(), KnownEvent.class)
                .map(event -> Boolean.TRUE.equals(event.cancelled())).defaultIfEmpty(false);
        return eventCancelled.flatMapMany(cancelled -> cancelled ? Flux.<Person>empty() : mongo.find(confirmed, Person.class))
                .concatMap(person -> {
                    String recipient = person.email().toLowerCase(Locale.ROOT);
                    return Idempotency.upsert(mongo, Digest.class, message.eventId() + "|" + recipient, message, new Update()
                            .set("eventId", message.eventId())
                            .set("recipient", recipient)
                            .set("name", person.fullName())
                            .push("changes", change)
                            .setOnInsert("dueAt", due));
                })
                .then();
    }
}
