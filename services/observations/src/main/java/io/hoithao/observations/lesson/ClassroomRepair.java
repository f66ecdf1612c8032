package io.hoithao.observations.lesson;

import io.hoithao.platform.scheduling.RepairSweep;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Frees classroom claims that no lesson stands behind (see {@link Classrooms#freeOrphans}): a lesson's room is
 * claimed before the lesson is written, and an old room released after the lesson left it, so a crash in
 * between leaves a claim that would block the room for good. A claim kept under another key than its lesson's
 * (a change of room, or a claim written before the keys changed) is first claimed again under the lesson's key. Only claims older than the grace period are
 * looked at, so a lesson being written now is left alone. Runs at start-up and on a timer ({@link RepairSweep}).
 */
@Component
class ClassroomRepair extends RepairSweep<ClassroomRepair.Freed> {

    private final Classrooms classrooms;

    ClassroomRepair(Classrooms classrooms,
                    @Value("${hoithao.observations.repair-interval:60s}") Duration interval,
                    @Value("${hoithao.observations.repair-grace:60s}") Duration grace,
                    MeterRegistry meters) {
        super("classrooms", interval, grace, meters);
        this.classrooms = classrooms;
    }

    /** How many orphan claims a pass freed. */
    record Freed(long claims) implements Outcome {

        @Override
        public Map<String, Long> counts() {
            return Map.of("orphan-claims", claims);
        }
    }

    /** Frees (or moves) the claims taken before {@code staleBefore}. */
    @Override
    protected Mono<Freed> sweep(Instant now, Instant staleBefore) {
        return classrooms.freeOrphans(now, staleBefore).map(Freed::new);
    }
}
