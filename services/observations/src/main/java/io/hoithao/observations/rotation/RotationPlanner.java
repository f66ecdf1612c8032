package io.hoithao.observations.rotation;

import io.hoithao.observations.lesson.Interval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assigns delegates to lesson seats across rounds (plain Java, no I/O). It works in passes: in pass k
 * every delegate who has fewer than k lessons may get one more, so nobody gets a second lesson before
 * everyone has had the chance of a first; within a pass the delegates with the fewest lessons go
 * first, in an order that changes from pass to pass so the same people are not always served first.
 * A delegate takes the best lesson that still has a seat and does not overlap anything they already
 * hold: a preferred one (by lesson id or developmental area) if possible, else the one with the most
 * seats to spare once the delegates who prefer it and have not got a preferred lesson yet are counted
 * (which spreads observers evenly and leaves wanted lessons to those who want them), then the earliest.
 * No seat is given twice, no time clashes are created.
 */
final class RotationPlanner {

    /** A delegate to place: what they would like (lesson ids or developmental areas) and when they are already busy. */
    record Delegate(String registrationId, Set<String> preferences, List<Interval> busy) {
    }

    /** A lesson's free seats offered to the plan. */
    record Offer(String lessonId, String developmentalArea, Interval interval, int seats) {
    }

    record Assignment(String registrationId, String lessonId, boolean preferred) {
    }

    /**
     * How good the plan is. Coverage: delegates with at least one lesson. Preference satisfaction: of
     * the delegates who stated preferences, those who got at least one preferred lesson. Fill rate:
     * seats assigned of seats offered.
     */
    record Quality(int delegates, int covered, double coverage, int withPreferences, int preferenceSatisfied,
                   double preferenceSatisfaction, int preferredAssignments, int seatsOffered, int seatsAssigned,
                   double fillRate, int minPerDelegate, int maxPerDelegate) {
    }

    record Plan(List<Assignment> assignments, Quality quality, List<String> unassigned) {
    }

    private RotationPlanner() {
    }

    static Plan plan(List<Delegate> delegates, List<Offer> offers, int maxPerDelegate) {
        Map<String, Integer> free = new HashMap<>();
        offers.forEach(offer -> free.merge(offer.lessonId(), offer.seats(), Integer::sum));
        Map<String, List<Offer>> held = new LinkedHashMap<>();
        delegates.forEach(d -> held.put(d.registrationId(), new ArrayList<>()));
        List<Assignment> assignments = new ArrayList<>();
        // Delegates who prefer a lesson and have no preferred lesson yet: seats they will likely claim.
        Map<String, Integer> wanted = new HashMap<>();
        offers.forEach(offer -> wanted.put(offer.lessonId(),
                (int) delegates.stream().filter(d -> preferred(offer, d)).count()));

        for (int pass = 1; pass <= maxPerDelegate; pass++) {
            int round = pass;
            List<Delegate> order = delegates.stream()
                    .sorted(Comparator.<Delegate>comparingInt(d -> held.get(d.registrationId()).size())
                            .thenComparingInt(d -> mix(d.registrationId(), round))
                            .thenComparing(Delegate::registrationId))
                    .toList();
            boolean progress = false;
            for (Delegate delegate : order) {
                List<Offer> mine = held.get(delegate.registrationId());
                if (mine.size() >= pass) {
                    continue;
                }
                Offer best = null;
                for (Offer offer : offers) {
                    if (free.get(offer.lessonId()) <= 0 || mine.stream().anyMatch(o -> o.lessonId().equals(offer.lessonId()))
                            || clashes(offer.interval(), delegate.busy()) || mine.stream().anyMatch(o -> o.interval().overlaps(offer.interval()))) {
                        continue;
                    }
                    if (best == null || better(offer, best, delegate, free, wanted)) {
                        best = offer;
                    }
                }
                if (best != null) {
                    free.merge(best.lessonId(), -1, Integer::sum);
                    if (preferred(best, delegate) && mine.stream().noneMatch(o -> preferred(o, delegate))) {
                        offers.stream().filter(o -> preferred(o, delegate)).forEach(o -> wanted.merge(o.lessonId(), -1, Integer::sum));
                    }
                    mine.add(best);
                    assignments.add(new Assignment(delegate.registrationId(), best.lessonId(), preferred(best, delegate)));
                    progress = true;
                }
            }
            if (!progress) {
                break;
            }
        }
        return new Plan(List.copyOf(assignments), quality(delegates, offers, held, assignments),
                held.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList());
    }

    private static boolean better(Offer candidate, Offer best, Delegate delegate, Map<String, Integer> free,
                                  Map<String, Integer> wanted) {
        boolean candidatePreferred = preferred(candidate, delegate);
        if (candidatePreferred != preferred(best, delegate)) {
            return candidatePreferred;
        }
        int seats = Integer.compare(free.get(candidate.lessonId()) - wanted.get(candidate.lessonId()),
                free.get(best.lessonId()) - wanted.get(best.lessonId()));
        if (seats != 0) {
            return seats > 0;
        }
        int time = candidate.interval().startsAt().compareTo(best.interval().startsAt());
        return time != 0 ? time < 0 : candidate.lessonId().compareTo(best.lessonId()) < 0;
    }

    static boolean preferred(Offer offer, Delegate delegate) {
        return delegate.preferences().contains(offer.lessonId())
                || (offer.developmentalArea() != null && delegate.preferences().contains(offer.developmentalArea()));
    }

    private static boolean clashes(Interval interval, List<Interval> busy) {
        return busy.stream().anyMatch(interval::overlaps);
    }

    /** A stable pseudo-random rank per delegate and pass, so ties are broken differently in each pass. */
    private static int mix(String registrationId, int pass) {
        int h = registrationId.hashCode() * 0x9E3779B9 + pass * 0x85EBCA6B;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        return h ^ (h >>> 15);
    }

    private static Quality quality(List<Delegate> delegates, List<Offer> offers, Map<String, List<Offer>> held,
                                   List<Assignment> assignments) {
        int n = delegates.size();
        int covered = (int) held.values().stream().filter(list -> !list.isEmpty()).count();
        List<Delegate> withPreferences = delegates.stream().filter(d -> !d.preferences().isEmpty()).toList();
        int satisfied = (int) withPreferences.stream()
                .filter(d -> held.get(d.registrationId()).stream().anyMatch(o -> preferred(o, d))).count();
        int offered = offers.stream().mapToInt(Offer::seats).sum();
        int min = held.values().stream().mapToInt(List::size).min().orElse(0);
        int max = held.values().stream().mapToInt(List::size).max().orElse(0);
        return new Quality(n, covered, ratio(covered, n), withPreferences.size(), satisfied, ratio(satisfied, withPreferences.size()),
                (int) assignments.stream().filter(Assignment::preferred).count(), offered, assignments.size(),
                ratio(assignments.size(), offered), min, max);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
