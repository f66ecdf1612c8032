package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A scheduled paper left its presentation session and is accepted but unplaced again; {@code reason} is {@code REMOVED}, {@code SESSION_CANCELLED}, {@code EVENT_CANCELLED} or {@code WITHDRAWN}; {@code revision} orders it with {@link PaperScheduled}. */
@MessageType("presentations.PaperUnscheduled.v1")
public record PaperUnscheduled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String sessionId,
        String reason,
        long revision) implements PresentationsMessage {

    public PaperUnscheduled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(sessionId, "sessionId");
        text(reason, "reason");
        notNegative(revision, "revision");
    }
}
