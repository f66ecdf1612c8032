package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** An observer seat at a demonstration lesson was freed again; {@code reason} may be null, {@code revision} is the lesson's version after the release. */
@MessageType("observations.SeatReleased.v1")
public record SeatReleased(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String bookingId,
        String registrationId,
        int seatsLeft,
        String reason,
        long revision) implements ObservationsMessage {

    public SeatReleased {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(bookingId, "bookingId");
        text(registrationId, "registrationId");
        notNegative(seatsLeft, "seatsLeft");
        notNegative(revision, "revision");
    }
}
