package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.positive;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;
import static io.hoithao.contracts.Require.texts;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The submitting unit edited its paper before review (or after a revision request); it awaits review again. */
@MessageType("presentations.PaperRevised.v1")
public record PaperRevised(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String title,
        String unit,
        List<String> presenters,
        int requestedMinutes) implements PresentationsMessage {

    public PaperRevised {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(title, "title");
        text(unit, "unit");
        presenters = texts(presenters, "presenters");
        positive(requestedMinutes, "requestedMinutes");
    }
}
