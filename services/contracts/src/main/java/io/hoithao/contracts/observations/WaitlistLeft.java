package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * A delegate left a lesson's waiting list without getting a seat (withdrew, registration cancelled, lesson
 * cancelled); a promotion to a seat is told by {@link SeatBooked} instead. {@code reason} may be null.
 */
@MessageType("observations.WaitlistLeft.v1")
public record WaitlistLeft(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String registrationId,
        String reason) implements ObservationsMessage {

    public WaitlistLeft {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(registrationId, "registrationId");
    }
}
