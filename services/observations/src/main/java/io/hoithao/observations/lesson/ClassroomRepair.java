package io.hoithao.observations.lesson;

import io.hoithao.platform.scheduling.PeriodicTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Frees classroom claims that no lesson stands behind (see {@link Classrooms#freeOrphans}): a lesson's room is
 * claimed before the lesson is written, and an old room released after the lesson left it, so a crash in
 * between leaves a claim that would block the room for good. A claim kept under another key than its lesson's
 * (a change of room, or a claim written before the keys changed) is first claimed again under the lesson's key. Only claims older than the grace period are
 * looked at, so a lesson being written now is left alone. Runs on a timer.
 */
@Component
class ClassroomRepair extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ClassroomRepair.class);

    private final Classrooms classrooms;
    private final Duration grace;
    private final Clock clock = Clock.systemUTC();

    ClassroomRepair(Classrooms classrooms,
                    @Value("${hoithao.observations.repair-interval:60s}") Duration interval,
                    @Value("${hoithao.observations.repair-grace:60s}") Duration grace) {
        super(interval);
        this.classrooms = classrooms;
        this.grace = grace;
    }

    /** One pass as of {@code now}: frees (or moves) the claims taken before {@code now} less the grace period. */
    Mono<Long> repair(Instant now) {
        return classrooms.freeOrphans(now, now.minus(grace))
                .doOnNext(freed -> {
                    if (freed > 0) {
                        log.info("Freed {} orphan classroom claim(s)", freed);
                    }
                });
    }

    @Override
    protected Mono<Long> runOnce() {
        return repair(clock.instant());
    }
}
