package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A published event joined another programme (chuyên đề), or left its programme ({@code programmeId} null).
 * {@code revision} is the event's version after the change.
 */
@MessageType("events.EventProgrammeChanged.v1")
public record EventProgrammeChanged(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String programmeId,
        long revision) implements EventsMessage {

    public EventProgrammeChanged {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        notNegative(revision, "revision");
        if (programmeId != null && programmeId.isBlank()) {
            throw new IllegalArgumentException("field 'programmeId' is blank");
        }
    }
}
