package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The event is under way (registration is over, delegates are checking in); only completion or cancellation follow. */
@MessageType("events.EventStarted.v1")
public record EventStarted(
        UUID messageId,
        Instant occurredAt,
        String eventId) implements EventsMessage {

    public EventStarted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
    }
}
