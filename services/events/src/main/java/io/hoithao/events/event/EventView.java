package io.hoithao.events.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as the API shows it (its sessions are in the programme view). {@code organiserUnitId}: the organising
 * unit's id in the directory; {@code organiserUnit}: its current official name.
 */
public record EventView(
        String id,
        String programmeId,
        String title,
        String description,
        EventKind kind,
        EventLevel level,
        String organiserUnitId,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        int capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        List<Venue> venues,
        List<Official> officials,
        EventStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static EventView of(Event event) {
        return new EventView(event.id(), event.programmeId(), event.title(), event.description(), event.kind(),
                event.level(), event.organiserUnitId(), event.organiserUnit(), event.startDate(), event.endDate(), event.timeZone(),
                event.capacity(), event.registrationOpensAt(), event.registrationClosesAt(), event.venues(),
                event.officials(), event.status(), event.version(), event.createdAt(), event.updatedAt());
    }
}
