package io.hoithao.events.event;

import java.time.Instant;
import java.time.LocalDate;

/** An event as the API shows it. */
public record EventView(
        String id,
        String title,
        String description,
        EventKind kind,
        EventLevel level,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        int capacity,
        Instant registrationClosesAt,
        EventStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static EventView of(Event event) {
        return new EventView(event.id(), event.title(), event.description(), event.kind(), event.level(),
                event.organiserUnit(), event.startDate(), event.endDate(), event.timeZone(), event.capacity(),
                event.registrationClosesAt(), event.status(), event.version(), event.createdAt(), event.updatedAt());
    }
}
