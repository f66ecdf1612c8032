package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A demonstration lesson was cancelled and all its bookings lapsed; {@code reason} may be null, {@code revision} is the lesson's version after the change. */
@MessageType("observations.LessonCancelled.v1")
public record LessonCancelled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String reason,
        long revision) implements ObservationsMessage {

    public LessonCancelled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        notNegative(revision, "revision");
    }
}
