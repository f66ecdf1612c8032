package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;
import static io.hoithao.contracts.Require.texts;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A unit submitted a paper (báo cáo tham luận) for an event. */
@MessageType("presentations.PaperSubmitted.v1")
public record PaperSubmitted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String title,
        String unit,
        List<String> presenters,
        int requestedMinutes) implements PresentationsMessage {

    public PaperSubmitted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(title, "title");
        text(unit, "unit");
        presenters = texts(presenters, "presenters");
    }
}
