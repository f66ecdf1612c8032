package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.after;
import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A demonstration lesson moved to another time (its bookings stay); {@code revision} is the lesson's version after the move. */
@MessageType("observations.LessonMoved.v1")
public record LessonMoved(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        Instant startsAt,
        Instant endsAt,
        long revision) implements ObservationsMessage {

    public LessonMoved {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        present(startsAt, "startsAt");
        present(endsAt, "endsAt");
        notNegative(revision, "revision");
        after(endsAt, "endsAt", startsAt, "startsAt");
    }
}
