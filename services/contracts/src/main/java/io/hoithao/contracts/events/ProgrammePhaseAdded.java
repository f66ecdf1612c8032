package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A programme has a phase (giai đoạn), e.g. "2021–2025" from 2021 to 2025 (calendar years of its school years).
 * {@code eventId} is always {@link EventsMessage#NO_EVENT}.
 */
@MessageType("events.ProgrammePhaseAdded.v1")
public record ProgrammePhaseAdded(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String programmeId,
        String name,
        int fromYear,
        int toYear) implements EventsMessage {

    public ProgrammePhaseAdded {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(programmeId, "programmeId");
        text(name, "name");
        if (toYear < fromYear) {
            throw new IllegalArgumentException("field 'toYear' is before 'fromYear'");
        }
    }
}
