package io.hoithao.contracts.presentations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.positive;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;
import static io.hoithao.contracts.Require.texts;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An accepted paper was placed in a presentation session at a 1-based {@code position}, for {@code minutes}; {@code revision} is the paper's version after the change. */
@MessageType("presentations.PaperScheduled.v1")
public record PaperScheduled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String paperId,
        String sessionId,
        String title,
        String unit,
        List<String> presenters,
        int position,
        int minutes,
        long revision) implements PresentationsMessage {

    public PaperScheduled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(paperId, "paperId");
        text(sessionId, "sessionId");
        text(title, "title");
        text(unit, "unit");
        presenters = texts(presenters, "presenters");
        positive(position, "position");
        positive(minutes, "minutes");
        notNegative(revision, "revision");
    }
}
