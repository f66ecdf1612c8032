package io.hoithao.observations.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.observations.lesson.Slot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClashesTest {

    static Slot slot(String id, String from, String to) {
        return new Slot(id, id, Instant.parse("2026-10-25T" + from + ":00Z"), Instant.parse("2026-10-25T" + to + ":00Z"), Instant.EPOCH);
    }

    @Test
    void findsOverlapsButNotLessonsThatMerelyTouch() {
        List<Clashes.Pair> pairs = Clashes.within(List.of(
                slot("c", "09:00", "09:45"), slot("a", "08:00", "08:45"), slot("b", "08:30", "09:15"), slot("d", "10:00", "10:30")));

        assertThat(pairs).extracting(p -> p.first().lessonId() + "-" + p.second().lessonId()).containsExactly("a-b", "b-c");
    }

    @Test
    void aLongLessonClashesWithEverythingInside() {
        assertThat(Clashes.within(List.of(slot("long", "08:00", "11:00"), slot("x", "08:30", "09:00"), slot("y", "10:00", "10:30"))))
                .hasSize(2);
        assertThat(Clashes.within(List.of(slot("only", "08:00", "09:00")))).isEmpty();
    }
}
