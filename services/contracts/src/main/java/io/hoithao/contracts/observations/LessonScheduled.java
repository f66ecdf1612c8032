package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A demonstration lesson was scheduled with a number of observer seats. {@code sessionId} may be null. */
@MessageType("observations.LessonScheduled.v1")
public record LessonScheduled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String sessionId,
        String title,
        String classroom,
        Instant startsAt,
        Instant endsAt,
        int seats) implements ObservationsMessage {

    public LessonScheduled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(title, "title");
        text(classroom, "classroom");
        present(startsAt, "startsAt");
        present(endsAt, "endsAt");
        notNegative(seats, "seats");
    }
}
