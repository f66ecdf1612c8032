package io.hoithao.presentations.paper;

import static org.assertj.core.api.Assertions.assertThat;

import static io.hoithao.presentations.paper.PaperStatus.ACCEPTED;
import static io.hoithao.presentations.paper.PaperStatus.REJECTED;
import static io.hoithao.presentations.paper.PaperStatus.REVISION_REQUESTED;
import static io.hoithao.presentations.paper.PaperStatus.SUBMITTED;
import static io.hoithao.presentations.paper.PaperStatus.UNDER_REVIEW;
import static io.hoithao.presentations.paper.PaperStatus.WITHDRAWN;

import io.hoithao.platform.text.Units;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaperStatusTest {

    /** The table written out by hand, from each status to the statuses it may become. */
    static final Map<PaperStatus, Set<PaperStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(UNDER_REVIEW, WITHDRAWN),
            UNDER_REVIEW, EnumSet.of(ACCEPTED, REJECTED, REVISION_REQUESTED, WITHDRAWN),
            REVISION_REQUESTED, EnumSet.of(SUBMITTED, WITHDRAWN),
            ACCEPTED, EnumSet.of(WITHDRAWN),
            REJECTED, EnumSet.noneOf(PaperStatus.class),
            WITHDRAWN, EnumSet.noneOf(PaperStatus.class));

    @ParameterizedTest
    @EnumSource(PaperStatus.class)
    void eachStatusMayBecomeExactlyItsSuccessors(PaperStatus from) {
        for (PaperStatus to : PaperStatus.values()) {
            assertThat(from.canBecome(to)).as("%s -> %s", from, to).isEqualTo(NEXT.get(from).contains(to));
        }
        assertThat(from.terminal()).isEqualTo(NEXT.get(from).isEmpty());
    }

    @Test
    void reviewsAndEditsOfAPaperAlreadyThereKeepItsStatus() {
        assertThat(PaperStatus.values()).filteredOn(PaperStatus::reviewable)
                .containsExactlyInAnyOrder(SUBMITTED, UNDER_REVIEW);
    }

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
