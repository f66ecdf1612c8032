package io.hoithao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void percentilesAreNearestRankAndThroughputSpansFirstSendToLastAnswer() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            // sent every 10 ms, each answered after i ms
            samples.add(new Sample(i * 10_000_000L, i * 10_000_000L + i * 1_000_000L, i == 100 ? 503 : 201, i % 2 == 0 ? "CONFIRMED" : null));
        }
        Series s = new Series("s", samples);

        assertThat(s.percentile(50)).isEqualTo(50.0);
        assertThat(s.percentile(99)).isEqualTo(99.0);
        assertThat(s.percentile(100)).isEqualTo(100.0);
        assertThat(s.serverErrors()).isEqualTo(1);
        assertThat(s.countOutcome("CONFIRMED")).isEqualTo(50);
        assertThat(s.statusSummary()).isEqualTo("201 ×99, 503 ×1");
        // from 10 ms to 1,100 ms: 100 answers in 1.09 s
        assertThat(s.throughput()).isCloseTo(100 / 1.09, org.assertj.core.data.Offset.offset(0.01));
        assertThat(new Series("empty", List.of()).percentile(99)).isNaN();
    }

    @Test
    void optionsHaveASmokeAndALongForm() {
        Options smoke = Options.parse("--smoke", "--p1.runs=2", "--env.gateway.SOME_NAME=x");
        Options full = Options.parse();

        assertThat(smoke.p1Attempts).isEqualTo(60);
        assertThat(smoke.p1Seats).isEqualTo(30);
        assertThat(smoke.p1Runs).isEqualTo(2);
        assertThat(smoke.cpu).isFalse();
        assertThat(smoke.services).isEqualTo("identity,events,registrations,observations,web,gateway");
        assertThat(smoke.delegatesNeeded()).isEqualTo(60);
        assertThat(Options.parse("--smoke", "--cpu=true", "--services=").cpu).isTrue();
        assertThat(Options.parse("--smoke", "--services=").services).isEmpty();
        assertThat(smoke.env).containsEntry("gateway", java.util.Map.of("SOME_NAME", "x"));
        assertThat(full.p1Attempts).isEqualTo(2000);
        assertThat(full.p1Runs).isEqualTo(10);
        assertThat(full.p6Sizes).containsExactly(1000, 10000, 100000);
        assertThat(full.delegatesNeeded()).isEqualTo(2000);
        assertThat(full.cpu).isTrue();
        assertThat(full.services).as("every app").isEmpty();
    }
}
