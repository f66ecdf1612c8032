package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A confirmed delegate found a demonstration lesson full and joined its waiting list; it is promoted to a seat (told by {@link SeatBooked}) in the order it joined. */
@MessageType("observations.ObserverWaitlisted.v1")
public record ObserverWaitlisted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String registrationId,
        String delegateEmail) implements ObservationsMessage {

    public ObserverWaitlisted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
    }
}
