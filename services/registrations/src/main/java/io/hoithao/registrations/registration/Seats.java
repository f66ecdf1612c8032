package io.hoithao.registrations.registration;

import io.hoithao.registrations.event.OpenEvent;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The seats of an event, decided on the event's projection document alone. Taking a seat is one
 * conditional update: it matches only while the event is not cancelled, the registration holds no seat
 * yet, fewer registrations hold seats than the capacity and fewer of the unit's than its quota; and it
 * adds the registration to both the event's and the unit's holders. Mongo applies the filter and the
 * update atomically on one document, so concurrent claims can neither overbook nor exceed a quota.
 */
@Component
class Seats {

    /** Stands for "no quota": larger than any capacity. */
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final ReactiveMongoTemplate mongo;

    Seats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Emits true if the registration now holds a seat it did not hold before. */
    Mono<Boolean> claim(String eventId, String registrationId, String unitKey) {
        String unitHolders = "unitHolders." + unitKey;
        Document belowCapacity = new Document("$lt", List.of(new Document("$size", "$seatHolders"), "$capacity"));
        Document belowQuota = new Document("$lt", List.of(
                new Document("$size", new Document("$ifNull", List.of("$" + unitHolders, List.of()))),
                new Document("$ifNull", List.of("$quotas." + unitKey, UNLIMITED))));
        Query available = Query.query(Criteria.where("_id").is(eventId)
                .and("cancelled").is(false)
                .and("seatHolders").ne(registrationId)
                .andOperator(Criteria.expr(() -> new Document("$and", List.of(belowCapacity, belowQuota)))));
        Update take = new Update().push("seatHolders", registrationId).push(unitHolders, registrationId);
        // the answer is whether it matched: the event's document (its holders grow with the seats) is not sent back
        return mongo.updateFirst(available, take, OpenEvent.class).map(result -> result.getModifiedCount() > 0);
    }

    /** Gives a seat back; emits true if the registration held one. Releasing twice is harmless. */
    Mono<Boolean> release(String eventId, String registrationId, String unitKey) {
        Query held = Query.query(Criteria.where("_id").is(eventId).and("seatHolders").is(registrationId));
        Update give = new Update().pull("seatHolders", registrationId).pull("unitHolders." + unitKey, registrationId);
        return mongo.updateFirst(held, give, OpenEvent.class).map(result -> result.getModifiedCount() > 0);
    }

    /** Whether the event has no seat left at all (over capacity counts as full), or no longer exists. */
    Mono<Boolean> full(String eventId) {
        return mongo.findById(eventId, OpenEvent.class)
                .map(event -> event.cancelled() || event.confirmed() >= event.capacity())
                .defaultIfEmpty(true);
    }
}
