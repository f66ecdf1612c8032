package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** An organiser rejected a registration that awaited approval; it never held a seat. {@code reason} may be null. */
@MessageType("registrations.RegistrationRejected.v1")
public record RegistrationRejected(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String reason) implements RegistrationsMessage {

    public RegistrationRejected {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
    }
}
