package io.hoithao.presentations.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A {@code PRESENTATION} session of the programme as the events service announced it ({@code revision}
 * is the event's version at that announcement), with the papers placed in it, in order.
 */
record PresentationSession(String id, String title, String venue, Instant startsAt, Instant endsAt,
                           boolean cancelled, long revision, List<Slot> slots) {

    PresentationSession {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    int minutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    int placedMinutes() {
        return slots.stream().mapToInt(Slot::minutes).sum();
    }

    PresentationSession withSlots(List<Slot> newSlots) {
        return new PresentationSession(id, title, venue, startsAt, endsAt, cancelled, revision, newSlots);
    }

    /** A paper in a session: what the programme shows of it, and its allotted minutes. */
    record Slot(String paperId, String title, String unit, List<String> presenters, int minutes) {
    }
}
