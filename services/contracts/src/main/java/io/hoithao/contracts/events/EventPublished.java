package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An organiser published an event: it is now visible and may open registration. {@code organiserUnitId} is the
 * organising unit's id in the units directory (who manages the event everywhere; null in messages written before
 * it existed); {@code organiserUnit} its name, for display. {@code programmeId} is the programme (chuyên đề) the
 * event belongs to when published, or null (none; and in messages from before it was told): a later change of
 * programme is {@link EventProgrammeChanged}.
 */
@MessageType("events.EventPublished.v1")
public record EventPublished(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String title,
        String kind,
        String level,
        String organiserUnit,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        int capacity,
        String organiserUnitId,
        String programmeId) implements EventsMessage {

    /** An event whose organising unit is known by name only (messages written before unit ids existed). */
    public EventPublished(UUID messageId, Instant occurredAt, String eventId, String title, String kind, String level,
            String organiserUnit, LocalDate startDate, LocalDate endDate, String timeZone, int capacity) {
        this(messageId, occurredAt, eventId, title, kind, level, organiserUnit, startDate, endDate, timeZone, capacity, null);
    }

    /** An event told without its programme (what messages before {@code programmeId} said). */
    public EventPublished(UUID messageId, Instant occurredAt, String eventId, String title, String kind, String level,
            String organiserUnit, LocalDate startDate, LocalDate endDate, String timeZone, int capacity,
            String organiserUnitId) {
        this(messageId, occurredAt, eventId, title, kind, level, organiserUnit, startDate, endDate, timeZone, capacity,
                organiserUnitId, null);
    }

    public EventPublished {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(title, "title");
        text(kind, "kind");
        text(level, "level");
        text(organiserUnit, "organiserUnit");
        present(startDate, "startDate");
        present(endDate, "endDate");
        text(timeZone, "timeZone");
        notNegative(capacity, "capacity");
        if (organiserUnitId != null && organiserUnitId.isBlank()) {
            throw new IllegalArgumentException("field 'organiserUnitId' is blank");
        }
        if (programmeId != null && programmeId.isBlank()) {
            throw new IllegalArgumentException("field 'programmeId' is blank");
        }
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("field 'endDate' is before 'startDate'");
        }
    }
}
