package io.hoithao.observations.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonStatusTest {

    /**
     * Every pair of statuses, written out by hand: "from → to" for an allowed transition, "from ↛ to" for a refused
     * one. A change to the table changes a line here.
     */
    static final List<String> TABLE = List.of(
            "SCHEDULED ↛ SCHEDULED", "SCHEDULED → CANCELLED",
            "CANCELLED ↛ SCHEDULED", "CANCELLED ↛ CANCELLED");

    @Test
    void everyPairOfStatusesIsAllowedOrRefusedAsTheTableSays() {
        List<String> actual = new ArrayList<>();
        for (LessonStatus from : LessonStatus.values()) {
            for (LessonStatus to : LessonStatus.values()) {
                actual.add(from + (from.canBecome(to) ? " → " : " ↛ ") + to);
            }
        }
        assertThat(actual).containsExactlyElementsOf(TABLE);
    }

    @Test
    void aCancelledLessonIsFinalAndOnlyAScheduledOneTakesBookings() {
        assertThat(LessonStatus.CANCELLED.terminal()).isTrue();
        assertThat(LessonStatus.SCHEDULED.terminal()).isFalse();
        assertThat(LessonStatus.SCHEDULED.bookable()).isTrue();
        assertThat(LessonStatus.CANCELLED.bookable()).isFalse();
    }

    @Test
    void aChangeAgainstTheTableCannotBeMade() {
        Lesson cancelled = LifecycleTest.lesson(LessonStatus.CANCELLED, 3, List.of(), List.of());
        assertThatThrownBy(() -> Decision.Change.of(cancelled).becomes(LessonStatus.SCHEDULED).answer(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CANCELLED cannot become SCHEDULED");
        Lesson scheduled = LifecycleTest.lesson(LessonStatus.SCHEDULED, 3, List.of(), List.of());
        assertThatThrownBy(() -> Decision.Change.of(scheduled).becomes(LessonStatus.SCHEDULED).answer(true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Decision.Change.of(scheduled).becomes(LessonStatus.CANCELLED).answer(true).to()).isEqualTo(LessonStatus.CANCELLED);
    }
}
