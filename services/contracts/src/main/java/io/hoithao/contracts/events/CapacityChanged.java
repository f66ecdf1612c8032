package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** The organiser changed how many delegates the event admits; {@code revision} is the event's version after the change. */
@MessageType("events.CapacityChanged.v1")
public record CapacityChanged(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        int capacity,
        int previousCapacity,
        long revision) implements EventsMessage {

    public CapacityChanged {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        notNegative(capacity, "capacity");
        notNegative(previousCapacity, "previousCapacity");
        notNegative(revision, "revision");
    }
}
