package io.hoithao.registrations.registration;

import io.hoithao.registrations.event.OpenEvent;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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

    private static final String COLLECTION = "registration_events";
    /** The event's counter of first seat decisions (see {@link #claimInTurn}). */
    static final String TURNS = "turns";

    /** Stands for "no quota": larger than any capacity. */
    private static final int UNLIMITED = Integer.MAX_VALUE;

    private final ReactiveMongoTemplate mongo;

    Seats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The outcome of a first seat decision: whether the seat was taken, and the registration's turn in the event's order. */
    record Decision(boolean claimed, long turn) {
    }

    /**
     * A registration's first seat decision, which also gives it its turn: the event's {@code turns} counter is
     * incremented in the same atomic write that takes the seat, or, when no seat is left for it, by a write of
     * its own right after. Turns therefore follow the order in which the decisions reached the event's document:
     * every registration confirmed by its first decision has a lower turn than every one of its unit waitlisted
     * after it, whatever the order the requests were written in under a crowd.
     */
    Mono<Decision> claimInTurn(String eventId, String registrationId, String unitId) {
        return claim(eventId, registrationId, unitId, new Update().inc(TURNS, 1L))
                .map(event -> new Decision(true, event.getLong(TURNS)))
                .switchIfEmpty(Mono.defer(() -> mongo.findAndModify(turnsOf(eventId),
                                new Update().inc(TURNS, 1L), FindAndModifyOptions.options().returnNew(true), Document.class,
                                COLLECTION)
                        .map(event -> new Decision(false, event.getLong(TURNS)))));
    }

    private static Query turnsOf(String eventId) {
        Query query = Query.query(Criteria.where("_id").is(eventId));
        query.fields().include(TURNS);
        return query;
    }

    /** Emits true if the registration now holds a seat it did not hold before. */
    Mono<Boolean> claim(String eventId, String registrationId, String unitId) {
        return claim(eventId, registrationId, unitId, new Update()).map(event -> true).defaultIfEmpty(false);
    }

    private Mono<Document> claim(String eventId, String registrationId, String unitId, Update take) {
        String unitHolders = "unitHolders." + unitId;
        Document belowCapacity = new Document("$lt", List.of(new Document("$size", "$seatHolders"), "$capacity"));
        Document belowQuota = new Document("$lt", List.of(
                new Document("$size", new Document("$ifNull", List.of("$" + unitHolders, List.of()))),
                new Document("$ifNull", List.of("$quotas." + unitId, UNLIMITED))));
        Query available = Query.query(Criteria.where("_id").is(eventId)
                .and("cancelled").is(false)
                .and("seatHolders").ne(registrationId)
                .andOperator(Criteria.expr(() -> new Document("$and", List.of(belowCapacity, belowQuota)))));
        take.push("seatHolders", registrationId).push(unitHolders, registrationId);
        // only the counter comes back: the event's document (its holders grow with the seats) is not sent
        available.fields().include(TURNS);
        return mongo.findAndModify(available, take, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /** Whether the registration holds one of the event's seats. */
    Mono<Boolean> holds(String eventId, String registrationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId).and("seatHolders").is(registrationId)),
                OpenEvent.class);
    }

    /** Gives a seat back; emits true if the registration held one. Releasing twice is harmless. */
    Mono<Boolean> release(String eventId, String registrationId, String unitId) {
        Query held = Query.query(Criteria.where("_id").is(eventId).and("seatHolders").is(registrationId));
        Update give = new Update().pull("seatHolders", registrationId).pull("unitHolders." + unitId, registrationId);
        return mongo.updateFirst(held, give, OpenEvent.class).map(result -> result.getModifiedCount() > 0);
    }

    /** Whether the event has no seat left at all (over capacity counts as full), or no longer exists. */
    Mono<Boolean> full(String eventId) {
        return mongo.findById(eventId, OpenEvent.class)
                .map(event -> event.cancelled() || event.confirmed() >= event.capacity())
                .defaultIfEmpty(true);
    }
}
