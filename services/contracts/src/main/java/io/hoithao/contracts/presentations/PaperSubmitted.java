package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;
import static io.hoithao.contracts.Require.texts;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A unit submitted a paper (báo cáo tham luận) for an event. {@code submitterEmail} is the verified email of
 * the delegate who submitted it (who is told of its review); it may be null (messages written before it was added).
 */
@MessageType("presentations.PaperSubmitted.v1")
public record PaperSubmitted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String title,
        String unit,
        List<String> presenters,
        int requestedMinutes,
        String submitterEmail) implements PresentationsMessage {

    public PaperSubmitted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(title, "title");
        text(unit, "unit");
        presenters = texts(presenters, "presenters");
    }

    /** As written before {@code submitterEmail} was added: without it. */
    public PaperSubmitted(UUID messageId, Instant occurredAt, String eventId, String paperId, String title, String unit,
                          List<String> presenters, int requestedMinutes) {
        this(messageId, occurredAt, eventId, paperId, title, unit, presenters, requestedMinutes, null);
    }
}
