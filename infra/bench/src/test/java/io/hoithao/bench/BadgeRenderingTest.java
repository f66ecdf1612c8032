package io.hoithao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** P8 alone starts no stack: seconds, with its figures side by side and its files complete. */
class BadgeRenderingTest {

    @Test
    void theBadgeScenarioAloneRendersBothCountsAndPrintsTheirFiguresSideBySide() throws Exception {
        Path out = Path.of("target/bench-p8").toAbsolutePath();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Report report = Bench.run(Options.parse("--smoke", "--only=P8", "--p8.counts=12,60", "--out=" + out),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.rows()).extracting(Report.Row::scenario).containsOnly("P8");
        assertThat(report.rows()).extracting(Report.Row::figure).anyMatch(f -> f.startsWith("badges PDF for 12 → 60 delegates"))
                .contains("time per badge (wall · CPU)");
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.measured()).isNotBlank().doesNotContain("n/a");
            assertThat(row.reference()).isNotBlank().doesNotContain("n/a");
            // the table is also Markdown (table.md): a "|" in a cell would split it
            assertThat(row.figure() + row.measured() + row.reference() + row.comparison()).doesNotContain("|");
        });
        assertThat(report.checks()).hasSize(2);
        assertThat(report.failedChecks()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("| P8 ", "time per badge", "(1 = linear growth;")
                .doesNotContain("DevStack");
        assertThat(Files.size(out.resolve("p8/badges-60.pdf"))).isGreaterThan(Files.size(out.resolve("p8/badges-12.pdf")));
    }

    @Test
    void everyMadeUpDelegateHasItsOwnCodeOfTheServicesForm() {
        List<String> codes = IntStream.range(0, 5000).mapToObj(BadgeRendering::code).toList();
        assertThat(new HashSet<>(codes)).hasSize(codes.size());
        assertThat(codes).allMatch(code -> code.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"));
    }
}
