package io.hoithao.observations.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.observations.lesson.Interval;
import io.hoithao.observations.rotation.RotationPlanner.Assignment;
import io.hoithao.observations.rotation.RotationPlanner.Delegate;
import io.hoithao.observations.rotation.RotationPlanner.Offer;
import io.hoithao.observations.rotation.RotationPlanner.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {

    static final Instant DAY = Instant.parse("2026-10-25T01:00:00Z");

    /** 6 classrooms × 3 rounds of 45 minutes, 8 seats each. */
    static List<Offer> sixClassroomsThreeRounds() {
        List<Offer> offers = new ArrayList<>();
        String[] areas = {"Phát triển thể chất", "Phát triển nhận thức", "Phát triển ngôn ngữ", "Phát triển tình cảm", "Phát triển thẩm mỹ", "Phát triển nhận thức"};
        for (int round = 0; round < 3; round++) {
            Instant start = DAY.plusSeconds(3600L * round);
            for (int room = 0; room < 6; room++) {
                offers.add(new Offer("les-r" + round + "-c" + room, areas[room], new Interval(start, start.plusSeconds(45 * 60)), 8));
            }
        }
        return offers;
    }

    static List<Delegate> delegates(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Delegate("reg-%03d".formatted(i),
                i % 3 == 0 ? Set.of("Phát triển ngôn ngữ") : Set.of(), List.of())).toList();
    }

    @Test
    void placesOneHundredTwentyDelegatesOverSixClassroomsAndThreeRoundsValidlyAndFairly() {
        List<Offer> offers = sixClassroomsThreeRounds();
        Plan plan = RotationPlanner.plan(delegates(120), offers, 3);

        assertValid(plan, offers, List.of());
        Map<String, Long> perDelegate = plan.assignments().stream().collect(Collectors.groupingBy(Assignment::registrationId, Collectors.counting()));
        assertThat(perDelegate).hasSize(120);                     // everyone has a lesson (144 seats ≥ 120)
        assertThat(perDelegate.values()).allMatch(n -> n >= 1 && n <= 2); // nobody a third, nobody a second before all have one
        assertThat(plan.assignments()).hasSize(144);               // every seat used
        assertThat(plan.quality().coverage()).isEqualTo(1.0);
        assertThat(plan.quality().fillRate()).isEqualTo(1.0);
        assertThat(plan.quality().minPerDelegate()).isEqualTo(1);
        assertThat(plan.quality().maxPerDelegate()).isEqualTo(2);
        // 40 delegates asked for language lessons; 3 rounds × 8 seats = 24 exist, all go to them.
        assertThat(plan.quality().withPreferences()).isEqualTo(40);
        assertThat(plan.quality().preferredAssignments()).isEqualTo(24);
        assertThat(plan.unassigned()).isEmpty();
    }

    @Test
    void withFewerSeatsThanDelegatesNobodyGetsASecondLesson() {
        List<Offer> offers = sixClassroomsThreeRounds().subList(0, 12); // 96 seats
        Plan plan = RotationPlanner.plan(delegates(120), offers, 3);

        assertValid(plan, offers, List.of());
        assertThat(plan.assignments()).hasSize(96);
        assertThat(plan.assignments().stream().map(Assignment::registrationId).distinct()).hasSize(96);
        assertThat(plan.unassigned()).hasSize(24);
        assertThat(plan.quality().coverage()).isEqualTo(0.8);
        assertThat(plan.quality().maxPerDelegate()).isEqualTo(1);
    }

    @Test
    void respectsWhatADelegateAlreadyHolds() {
        List<Offer> offers = sixClassroomsThreeRounds();
        Interval busy = offers.get(0).interval();
        List<Delegate> delegates = List.of(new Delegate("reg-busy", Set.of(), List.of(busy)));
        Plan plan = RotationPlanner.plan(delegates, offers, 3);

        assertThat(plan.assignments()).hasSize(2);
        assertValid(plan, offers, delegates);
    }

    static void assertValid(Plan plan, List<Offer> offers, List<Delegate> delegates) {
        Map<String, Offer> byId = offers.stream().collect(Collectors.toMap(Offer::lessonId, o -> o));
        Map<String, Long> seatsUsed = plan.assignments().stream().collect(Collectors.groupingBy(Assignment::lessonId, Collectors.counting()));
        seatsUsed.forEach((lesson, used) -> assertThat(used).as(lesson).isLessThanOrEqualTo(byId.get(lesson).seats()));
        Map<String, List<Interval>> taken = new java.util.HashMap<>();
        delegates.forEach(d -> taken.put(d.registrationId(), new ArrayList<>(d.busy())));
        for (Assignment a : plan.assignments()) {
            Interval interval = byId.get(a.lessonId()).interval();
            List<Interval> mine = taken.computeIfAbsent(a.registrationId(), k -> new ArrayList<>());
            assertThat(mine).as("clash for " + a).noneMatch(interval::overlaps);
            mine.add(interval);
        }
    }
}
