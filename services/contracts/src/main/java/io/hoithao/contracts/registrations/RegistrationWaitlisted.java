package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A delegate's registration was put on the waiting list because the event (or the unit's quota) is full. */
@MessageType("registrations.RegistrationWaitlisted.v1")
public record RegistrationWaitlisted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String fullName,
        String unit,
        String category) implements RegistrationsMessage {

    public RegistrationWaitlisted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
        text(fullName, "fullName");
        text(unit, "unit");
        text(category, "category");
    }
}
