package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A programme (chuyên đề) was created. {@code organiserUnit} is the unit that keeps it, null for one kept by
 * the administrators. Its phases follow as {@link ProgrammePhaseAdded}, the ones it was created with too.
 * {@code eventId} is always {@link EventsMessage#NO_EVENT}.
 */
@MessageType("events.ProgrammeCreated.v1")
public record ProgrammeCreated(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String programmeId,
        String name,
        String organiserUnit) implements EventsMessage {

    public ProgrammeCreated {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(programmeId, "programmeId");
        text(name, "name");
        if (organiserUnit != null && organiserUnit.isBlank()) {
            throw new IllegalArgumentException("field 'organiserUnit' is blank");
        }
    }
}
