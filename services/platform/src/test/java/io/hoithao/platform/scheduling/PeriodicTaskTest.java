package io.hoithao.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicTaskTest {

    /** The first pass waits on a call that never answers, as a database call on a half-open connection does. */
    static final class HangsOnce extends PeriodicTask {

        final AtomicInteger passes = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();

        HangsOnce() {
            super(Duration.ofMillis(50), Duration.ofMillis(300));
        }

        @Override
        protected Mono<?> runOnce() {
            if (passes.getAndIncrement() == 0) {
                return Mono.never().doOnCancel(cancelled::incrementAndGet);
            }
            return Mono.fromRunnable(completed::incrementAndGet);
        }
    }

    @Test
    void aPassThatHangsIsCancelledAndTheNextTickRuns() {
        HangsOnce task = new HangsOnce();
        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(task.completed).hasValueGreaterThanOrEqualTo(2));
            assertThat(task.cancelled).hasValue(1);
        } finally {
            task.stop();
        }
    }

    @Test
    void aPassThatThrowsBeforeReturningDoesNotStopTheTimer() {
        AtomicInteger passes = new AtomicInteger();
        PeriodicTask task = new PeriodicTask(Duration.ofMillis(50)) {
            @Override
            protected Mono<?> runOnce() {
                if (passes.incrementAndGet() == 1) {
                    throw new IllegalStateException("the first pass fails before it starts");
                }
                return Mono.empty();
            }
        };
        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(passes).hasValueGreaterThanOrEqualTo(3));
        } finally {
            task.stop();
        }
    }
}
