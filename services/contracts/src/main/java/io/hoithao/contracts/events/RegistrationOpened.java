package io.hoithao.contracts.events;

import static io.hoithao.contracts.Require.notNegative;
import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/**
 * Registration for an event opened. Carries what registrations needs to accept delegates:
 * the title shown to them, the capacity and when registration closes ({@code closesAt} may be null: open until closed).
 */
@MessageType("events.RegistrationOpened.v1")
public record RegistrationOpened(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String title,
        int capacity,
        Instant closesAt) implements EventsMessage {

    public RegistrationOpened {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(title, "title");
        notNegative(capacity, "capacity");
    }
}
