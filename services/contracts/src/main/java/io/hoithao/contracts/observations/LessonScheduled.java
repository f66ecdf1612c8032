package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A demonstration lesson was scheduled with a number of observer seats, or announced again because its place or seats
 * changed. {@code sessionId} may be null. {@code classroom} is the place as shown (classroom and school); {@code host}
 * and {@code room} are the school and the classroom apart ({@code room} null until one is set), so that the events
 * service can keep a lesson's session in step. Messages written before these two fields existed carry neither.
 */
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
        int seats,
        String host,
        String room) implements ObservationsMessage {

    /** A lesson told without its place apart (what messages before {@code host} and {@code room} said). */
    public LessonScheduled(UUID messageId, Instant occurredAt, String eventId, String lessonId, String sessionId, String title,
                           String classroom, Instant startsAt, Instant endsAt, int seats) {
        this(messageId, occurredAt, eventId, lessonId, sessionId, title, classroom, startsAt, endsAt, seats, null, null);
    }

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
