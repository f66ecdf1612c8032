package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** Registration for the event closed: no new delegates are accepted. */
@MessageType("events.RegistrationClosed.v1")
public record RegistrationClosed(
        UUID messageId,
        Instant occurredAt,
        String eventId) implements EventsMessage {

    public RegistrationClosed {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
    }
}
