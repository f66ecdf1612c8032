package io.hoithao.observations.booking;

import io.hoithao.observations.lesson.Slot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the pairs of overlapping lessons in one delegate's schedule (plain Java, no I/O). */
final class Clashes {

    record Pair(Slot first, Slot second) {
    }

    private Clashes() {
    }

    /** Pairs in start order; a lesson ending when the next starts is no clash. */
    static List<Pair> within(List<Slot> slots) {
        List<Slot> sorted = slots.stream().sorted(Comparator.comparing(Slot::startsAt).thenComparing(Slot::lessonId)).toList();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).startsAt().isBefore(sorted.get(i).endsAt()); j++) {
                pairs.add(new Pair(sorted.get(i), sorted.get(j)));
            }
        }
        return pairs;
    }
}
