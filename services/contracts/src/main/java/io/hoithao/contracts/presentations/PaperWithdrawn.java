package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The submitting unit withdrew its paper; it leaves the programme if it was scheduled. */
@MessageType("presentations.PaperWithdrawn.v1")
public record PaperWithdrawn(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId) implements PresentationsMessage {

    public PaperWithdrawn {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
    }
}
