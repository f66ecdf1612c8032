package io.hoithao.notifications.delivery;

import io.hoithao.notifications.NotificationsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery records: each change of state is one conditional write on one document, so two
 * instances never both send a delivery, and a redelivered message never writes a second one.
 */
@Component
public class Deliveries {

    private final ReactiveMongoTemplate mongo;
    private final NotificationsProperties properties;
    private final Clock clock;

    Deliveries(ReactiveMongoTemplate mongo, NotificationsProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** One page of an event's deliveries, in the order they were made. */
    public Flux<Delivery> ofEvent(String eventId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)).with(Sort.by("createdAt", "_id"))
                .skip((long) page * size).limit(size), Delivery.class);
    }

    /** How many deliveries an event has. */
    public Mono<Long> countOfEvent(String eventId) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId)), Delivery.class);
    }

    /** Writes a new PENDING delivery, due now; emits it, or nothing if that message already has one for that person. */
    public Mono<Delivery> enqueue(Delivery delivery) {
        return mongo.insert(delivery).onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** How many mails wait to be sent (PENDING, due or waiting out a back-off). */
    Mono<Long> waiting() {
        return mongo.count(Query.query(Criteria.where("state").is(DeliveryState.PENDING)), Delivery.class);
    }

    /** PENDING deliveries whose next attempt is due. */
    Flux<Delivery> due(int limit) {
        Query query = Query.query(Criteria.where("state").is(DeliveryState.PENDING).and("nextAttemptAt").lte(clock.instant()))
                .with(Sort.by("nextAttemptAt")).limit(limit);
        return mongo.find(query, Delivery.class);
    }

    /**
     * Claims a due delivery for one attempt: moves its next attempt a lease ahead, so that no other
     * instance takes it meanwhile (and a crashed instance's claim lapses). Emits it, or nothing if
     * another instance claimed it first.
     */
    Mono<Delivery> claim(String id) {
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("_id").is(id).and("state").is(DeliveryState.PENDING).and("nextAttemptAt").lte(now));
        Update update = new Update().set("nextAttemptAt", now.plus(properties.lease())).inc("attempts", 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    Mono<Delivery> sent(Delivery delivery) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(delivery.id()).and("state").is(DeliveryState.PENDING)),
                new Update().set("state", DeliveryState.SENT).set("sentAt", clock.instant()).unset("lastError"),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    /** After a failed attempt: wait longer each time, or give up for good. */
    Mono<Delivery> failed(Delivery delivery, String error, boolean permanent) {
        boolean giveUp = permanent || delivery.attempts() >= properties.maxAttempts();
        Update update = new Update().set("lastError", error);
        if (giveUp) {
            update.set("state", DeliveryState.FAILED);
        } else {
            update.set("nextAttemptAt", clock.instant().plus(backOff(delivery.attempts())));
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(delivery.id()).and("state").is(DeliveryState.PENDING)),
                update, FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    Duration backOff(int attempts) {
        Duration wait = properties.backOffInitial();
        for (int i = 1; i < attempts && wait.compareTo(properties.backOffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.backOffMax()) > 0 ? properties.backOffMax() : wait;
    }
}
