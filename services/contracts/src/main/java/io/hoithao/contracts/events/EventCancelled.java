package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The organiser cancelled the event; registrations and seats lapse. {@code reason} may be null. */
@MessageType("events.EventCancelled.v1")
public record EventCancelled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String reason) implements EventsMessage {

    public EventCancelled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
    }
}
