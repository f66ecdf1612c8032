package io.hoithao.observations.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatesTest {

    @Test
    void meanAndCountPerCriterion() {
        List<Criterion> criteria = List.of(new Criterion("initiative", "Trẻ chủ động"), new Criterion("environment", "Môi trường"),
                new Criterion("unscored", "Chưa ai chấm"));
        Aggregates.Summary summary = Aggregates.of("les-1", criteria, List.of(
                Map.of("initiative", 5, "environment", 3), Map.of("initiative", 4, "environment", 4), Map.of("initiative", 4)));

        assertThat(summary.forms()).isEqualTo(3);
        assertThat(summary.criteria()).containsExactly(
                new Aggregates.CriterionSummary("initiative", "Trẻ chủ động", 4.33, 3, 4, 5),
                new Aggregates.CriterionSummary("environment", "Môi trường", 3.5, 2, 3, 4),
                new Aggregates.CriterionSummary("unscored", "Chưa ai chấm", null, 0, null, null));
    }
}
