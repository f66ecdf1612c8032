package io.hoithao.events.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a session may go: on one of the event's days, ending after it starts, and not at the same
 * time in the same place as another session. "The same place" is the same venue when either session
 * takes the whole venue, or the same classroom: two demonstration lessons in different classrooms of
 * one host school run in parallel, as do sessions in different venues.
 */
final class SessionRules {

    private SessionRules() {
    }

    /** Why a session cannot be placed where it was asked to go. */
    sealed interface Conflict {
    }

    /** The end is not after the start. */
    record EndsBeforeStart() implements Conflict {
    }

    /** The day is not one of the event's days. */
    record OutsideEventDays(LocalDate firstDay, LocalDate lastDay) implements Conflict {
    }

    /** Another scheduled session occupies the same place at an overlapping time. */
    record Clash(Session other) implements Conflict {
    }

    public static Optional<Conflict> check(LocalDate firstDay, LocalDate lastDay, List<Session> sessions, Session candidate) {
        if (!candidate.end().isAfter(candidate.start())) {
            return Optional.of(new EndsBeforeStart());
        }
        if (candidate.date().isBefore(firstDay) || candidate.date().isAfter(lastDay)) {
            return Optional.of(new OutsideEventDays(firstDay, lastDay));
        }
        return sessions.stream()
                .filter(other -> other.status() == SessionStatus.SCHEDULED)
                .filter(other -> !other.id().equals(candidate.id()))
                .filter(other -> samePlace(other, candidate) && overlap(other, candidate))
                .<Conflict>map(Clash::new)
                .findFirst();
    }

    static boolean samePlace(Session a, Session b) {
        if (!a.venueId().equals(b.venueId())) {
            return false;
        }
        return a.classroom() == null || b.classroom() == null || a.classroom().equalsIgnoreCase(b.classroom());
    }

    /** Half-open intervals: a session ending at 09:00 and one starting at 09:00 do not overlap. */
    static boolean overlap(Session a, Session b) {
        return a.date().equals(b.date()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }
}
