package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notBefore;
import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The event moved to other days (or another time zone); {@code revision} is the event's version after the change. */
@MessageType("events.EventRescheduled.v1")
public record EventRescheduled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        LocalDate startDate,
        LocalDate endDate,
        String timeZone,
        long revision) implements EventsMessage {

    public EventRescheduled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        present(startDate, "startDate");
        present(endDate, "endDate");
        text(timeZone, "timeZone");
        notNegative(revision, "revision");
        notBefore(endDate, "endDate", startDate, "startDate");
    }
}
