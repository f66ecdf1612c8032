package io.hoithao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's short form, on every {@code ./mvnw verify}, so that it cannot rot: the real jars
 * started as the devstack starts them, every scenario with small counts. It asserts the invariants
 * only (exact seats and quotas, no 5xx, every message delivered), never a timing.
 */
class BenchSmokeIT {

    @Test
    void theShortFormKeepsEveryInvariantAndWritesTheReport() throws Exception {
        Path out = Path.of("target/bench-smoke").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("--smoke", "--repo=../..", "--out=" + out)); // Failsafe runs in infra/bench
        // e.g. -Dbench.args=--env.gateway.SPRING_CLOUD_CIRCUITBREAKER_BULKHEAD_RESILIENCE4J_ENABLED=false
        for (String extra : System.getProperty("bench.args", "").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                args.add(extra);
            }
        }
        Options options = Options.parse(args.toArray(String[]::new));

        Report report = Bench.run(options, System.out);

        assertThat(report.rows()).extracting(Report.Row::scenario).contains("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8");
        assertThat(report.checks()).isNotEmpty();
        assertThat(report.failedChecks()).as("invariants that did not hold").isEmpty();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "P1 flash crowd");
    }
}
