package io.hoithao.observations.booking;

import io.hoithao.observations.lesson.Interval;
import io.hoithao.observations.lesson.IntervalClaims;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.Slot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each delegate's schedule (collection {@code schedules}, one document per registration): the slots of
 * the lessons they hold a seat or a waiting place in. A booking first claims its slot here by one
 * conditional write that matches only if no other held lesson overlaps, so two concurrent bookings of
 * one delegate at the same time cannot both pass the clash check. Invariant: a seat or waiting place
 * in a lesson always has its slot here (claimed before the seat, given back after it); the opposite
 * (a slot whose seat was never taken, after a crash) is repaired by {@link ScheduleRepair}.
 */
@Component
class Schedules {

    static final String COLLECTION = "schedules";

    private final ReactiveMongoTemplate mongo;

    Schedules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("eventId", Sort.Direction.ASC).named("event")).subscribe();
    }

    Mono<IntervalClaims.Claim> claim(String registrationId, Lesson lesson, Instant now) {
        return IntervalClaims.claim(mongo, COLLECTION, registrationId, Slot.of(lesson, now), Map.of("eventId", lesson.eventId()));
    }

    Mono<Void> release(String registrationId, String lessonId, Instant claimedBefore) {
        return IntervalClaims.release(mongo, COLLECTION, registrationId, lessonId, claimedBefore);
    }

    Mono<Void> move(String lessonId, Interval to) {
        return IntervalClaims.move(mongo, COLLECTION, lessonId, to);
    }

    Mono<List<Slot>> of(String registrationId) {
        return mongo.findById(registrationId, Document.class, COLLECTION).map(IntervalClaims::slots).defaultIfEmpty(List.of());
    }

    /** Every schedule of an event: registration id and its slots. */
    Flux<Map.Entry<String, List<Slot>>> ofEvent(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId)).with(Sort.by("_id")), Document.class, COLLECTION)
                .map(d -> Map.entry(d.getString("_id"), IntervalClaims.slots(d)));
    }

    Flux<Map.Entry<String, List<Slot>>> all() {
        return mongo.findAll(Document.class, COLLECTION).map(d -> Map.entry(d.getString("_id"), IntervalClaims.slots(d)));
    }
}
