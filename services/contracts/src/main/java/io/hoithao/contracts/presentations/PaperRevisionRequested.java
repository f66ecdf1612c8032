package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The organisers asked the submitting unit to revise its paper; the unit may edit it and it returns to review. */
@MessageType("presentations.PaperRevisionRequested.v1")
public record PaperRevisionRequested(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId) implements PresentationsMessage {

    public PaperRevisionRequested {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
    }
}
