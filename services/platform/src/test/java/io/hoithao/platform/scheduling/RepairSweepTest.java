package io.hoithao.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class RepairSweepTest {

    record Fixed(long orphans, long promotions) implements RepairSweep.Outcome {

        @Override
        public Map<String, Long> counts() {
            return Map.of("orphans", orphans, "promotions", promotions);
        }
    }

    /** A sweep whose passes do what the test says, and which remembers the moments it was given. */
    static final class Scripted extends RepairSweep<Fixed> {

        final List<Instant[]> passes = new CopyOnWriteArrayList<>();
        volatile Supplier<Mono<Fixed>> pass = () -> Mono.just(new Fixed(0, 0));

        Scripted(Duration interval, Duration grace, SimpleMeterRegistry meters) {
            super("widgets", interval, grace, meters);
        }

        @Override
        protected Mono<Fixed> sweep(Instant now, Instant staleBefore) {
            passes.add(new Instant[] {now, staleBefore});
            return pass.get();
        }
    }

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static ApplicationReadyEvent ready() {
        return new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ZERO);
    }

    double repaired(String kind) {
        Counter counter = meters.find(RepairSweep.REPAIRED).tags("sweep", "widgets", "kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    double failed() {
        Counter counter = meters.find(RepairSweep.FAILED).tag("sweep", "widgets").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aPassLooksOnlyAtWhatIsOlderThanTheGracePeriod() {
        Scripted sweep = new Scripted(Duration.ofHours(1), Duration.ofSeconds(45), meters);
        Instant now = Instant.parse("2026-11-02T01:00:00Z");

        sweep.repair(now).block(Duration.ofSeconds(5));

        assertThat(sweep.passes).singleElement().satisfies(pass -> {
            assertThat(pass[0]).isEqualTo(now);
            assertThat(pass[1]).isEqualTo(Instant.parse("2026-11-02T00:59:15Z"));
        });
        assertThat(sweep.grace()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void whatAPassRepairedIsCountedByKind() {
        Scripted sweep = new Scripted(Duration.ofHours(1), Duration.ofSeconds(30), meters);
        sweep.pass = () -> Mono.just(new Fixed(2, 0));
        sweep.repair().block(Duration.ofSeconds(5));
        sweep.pass = () -> Mono.just(new Fixed(1, 3));
        Fixed second = sweep.repair().block(Duration.ofSeconds(5));

        assertThat(second.total()).isEqualTo(4);
        assertThat(repaired("orphans")).isEqualTo(3.0);
        assertThat(repaired("promotions")).isEqualTo(3.0);
    }

    @Test
    void theStartUpPassIsDroppedWhileAScheduledPassRunsButATestsPassIsNot() {
        Scripted sweep = new Scripted(Duration.ofHours(1), Duration.ofSeconds(30), meters);
        Sinks.One<Fixed> firstEnds = Sinks.one();
        sweep.pass = () -> firstEnds.asMono();

        sweep.onApplicationEvent(ready()); // runs until firstEnds
        sweep.onApplicationEvent(ready()); // a second one while it runs: dropped
        assertThat(sweep.passes).hasSize(1);

        sweep.pass = () -> Mono.just(new Fixed(1, 0));
        assertThat(sweep.repair().block(Duration.ofSeconds(5))).isEqualTo(new Fixed(1, 0)); // asked for: runs beside it
        assertThat(sweep.passes).hasSize(2);

        firstEnds.tryEmitValue(new Fixed(0, 0));
        sweep.onApplicationEvent(ready()); // the first has ended: this one runs
        assertThat(sweep.passes).hasSize(3);
    }

    @Test
    void aFailedPassIsCountedAndTheTimerCarriesOn() {
        Scripted sweep = new Scripted(Duration.ofMillis(50), Duration.ofSeconds(30), meters);
        AtomicInteger calls = new AtomicInteger();
        sweep.pass = () -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("the database went away"))
                : Mono.just(new Fixed(1, 0));
        sweep.start();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(repaired("orphans")).isGreaterThanOrEqualTo(2.0));
            assertThat(failed()).isEqualTo(1.0);
        } finally {
            sweep.stop();
        }
    }

    @Test
    void aFailedStartUpPassIsCounted() {
        Scripted sweep = new Scripted(Duration.ofHours(1), Duration.ofSeconds(30), meters);
        sweep.pass = () -> Mono.error(new IllegalStateException("the database went away"));

        sweep.onApplicationEvent(ready());

        assertThat(failed()).isEqualTo(1.0);
        sweep.pass = () -> Mono.just(new Fixed(0, 0));
        sweep.onApplicationEvent(ready()); // the failed pass does not keep the next one out
        assertThat(sweep.passes).hasSize(2);
    }
}
