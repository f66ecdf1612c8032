package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;
import static io.hoithao.contracts.Require.texts;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The organisers accepted a submitted paper for presentation. {@code submitterEmail} (who submitted it) may be null. */
@MessageType("presentations.PaperAccepted.v1")
public record PaperAccepted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String title,
        String unit,
        List<String> presenters,
        String submitterEmail) implements PresentationsMessage {

    public PaperAccepted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(title, "title");
        text(unit, "unit");
        presenters = texts(presenters, "presenters");
    }

    /** As written before {@code submitterEmail} was added: without it. */
    public PaperAccepted(UUID messageId, Instant occurredAt, String eventId, String paperId, String title, String unit,
                         List<String> presenters) {
        this(messageId, occurredAt, eventId, paperId, title, unit, presenters, null);
    }
}
