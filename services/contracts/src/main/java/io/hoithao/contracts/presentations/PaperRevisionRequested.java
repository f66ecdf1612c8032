package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The organisers asked the submitting unit to revise its paper; the unit may edit it and it returns to review. {@code submitterEmail} (who submitted it) may be null. */
@MessageType("presentations.PaperRevisionRequested.v1")
public record PaperRevisionRequested(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String submitterEmail) implements PresentationsMessage {

    public PaperRevisionRequested {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
    }

    /** As written before {@code submitterEmail} was added: without it. */
    public PaperRevisionRequested(UUID messageId, Instant occurredAt, String eventId, String paperId) {
        this(messageId, occurredAt, eventId, paperId, null);
    }
}
