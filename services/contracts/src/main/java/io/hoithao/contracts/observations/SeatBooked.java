package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A confirmed delegate booked an observer seat at a demonstration lesson; {@code revision} is the lesson's version after the booking. */
@MessageType("observations.SeatBooked.v1")
public record SeatBooked(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String bookingId,
        String registrationId,
        String delegateEmail,
        int seatsLeft,
        long revision) implements ObservationsMessage {

    public SeatBooked {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(bookingId, "bookingId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
        notNegative(seatsLeft, "seatsLeft");
        notNegative(revision, "revision");
    }
}
