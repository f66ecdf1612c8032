package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The organisers rejected a submitted paper. {@code submitterEmail} (who submitted it) may be null. */
@MessageType("presentations.PaperRejected.v1")
public record PaperRejected(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String submitterEmail) implements PresentationsMessage {

    public PaperRejected {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
    }

    /** As written before {@code submitterEmail} was added: without it. */
    public PaperRejected(UUID messageId, Instant occurredAt, String eventId, String paperId) {
        this(messageId, occurredAt, eventId, paperId, null);
    }
}
