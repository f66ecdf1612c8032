package io.hoithao.presentations.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.text.Units;
import org.junit.jupiter.api.Test;

class PaperStatusTest {

    @Test
    void theSubmitterEditsUntilReviewStartsAndAgainWhenARevisionIsRequested() {
        assertThat(PaperStatus.values()).filteredOn(PaperStatus::editable)
                .containsExactlyInAnyOrder(PaperStatus.SUBMITTED, PaperStatus.REVISION_REQUESTED);
    }

    @Test
    void aDecisionNeedsAReviewAndRejectedOrWithdrawnIsFinal() {
        assertThat(PaperStatus.values()).filteredOn(PaperStatus::decidable).containsExactly(PaperStatus.UNDER_REVIEW);
        assertThat(PaperStatus.values()).filteredOn(s -> !s.withdrawable())
                .containsExactlyInAnyOrder(PaperStatus.REJECTED, PaperStatus.WITHDRAWN);
    }

    @Test
    void unitNamesMatchWithOrWithoutDiacritics() {
        assertThat(Units.fold("  Trường Mầm non   ĐỒNG TÂM ")).isEqualTo(Units.fold("truong mam non dong tam"))
                .isEqualTo("truong mam non dong tam");
    }
}
