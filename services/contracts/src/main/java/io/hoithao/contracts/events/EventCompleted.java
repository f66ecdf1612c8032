package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The event took place and is over; nothing about it changes any more. */
@MessageType("events.EventCompleted.v1")
public record EventCompleted(
        UUID messageId,
        Instant occurredAt,
        String eventId) implements EventsMessage {

    public EventCompleted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
    }
}
