package io.hoithao.observations.booking;

import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.observations.lesson.LessonStatus;
import io.hoithao.platform.scheduling.RepairSweep;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Repairs what a crash between the two writes of a booking or a release can leave: a schedule slot with
 * no seat or waiting place behind it (older than a grace period, so bookings in flight are left alone),
 * and a lesson with free seats and a waiting list that was not promoted. Runs at start-up and on a timer
 * ({@link RepairSweep}).
 */
@Component
class ScheduleRepair extends RepairSweep<ScheduleRepair.Repaired> {

    private final ReactiveMongoTemplate mongo;
    private final Schedules schedules;
    private final LessonService lessons;

    ScheduleRepair(ReactiveMongoTemplate mongo, Schedules schedules, LessonService lessons,
                   @Value("${hoithao.observations.repair-interval:60s}") Duration interval,
                   @Value("${hoithao.observations.repair-grace:60s}") Duration grace,
                   MeterRegistry meters) {
        super("schedules", interval, grace, meters);
        this.mongo = mongo;
        this.schedules = schedules;
        this.lessons = lessons;
    }

    record Repaired(long orphanSlots, long promotions) implements Outcome {

        @Override
        public Map<String, Long> counts() {
            return Map.of("orphan-slots", orphanSlots, "promotions", promotions);
        }
    }

    @Override
    protected Mono<Repaired> sweep(Instant now, Instant cutoff) {
        Mono<Long> orphans = schedules.all().concatMap(entry -> Flux.fromIterable(entry.getValue())
                        .filter(slot -> !slot.claimedAt().isAfter(cutoff))
                        .concatMap(slot -> mongo.findById(slot.lessonId(), Lesson.class)
                                .map(lesson -> lesson.bookable() && lesson.holds(entry.getKey()))
                                .defaultIfEmpty(false)
                                .filter(held -> !held)
                                .flatMap(orphan -> schedules.release(entry.getKey(), slot.lessonId(), slot.claimedAt()).thenReturn(1L))))
                .count();
        Query stuck = Query.query(Criteria.where("status").is(LessonStatus.SCHEDULED).and("waitlist.0").exists(true)
                .andOperator(Criteria.expr(() -> new Document("$lt", List.of(new Document("$size", "$bookings"), "$seats")))));
        Mono<Long> promotions = mongo.find(stuck, Lesson.class)
                .concatMap(lesson -> lessons.promote(lesson.id()))
                .reduce(0L, (sum, n) -> sum + n);
        return Mono.zip(orphans, promotions, Repaired::new);
    }
}
