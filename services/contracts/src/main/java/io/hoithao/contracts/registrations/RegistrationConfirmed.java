package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A delegate holds a confirmed seat at an event (directly, after approval, or promoted from the waiting list). */
@MessageType("registrations.RegistrationConfirmed.v1")
public record RegistrationConfirmed(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String fullName,
        String unit,
        String category,
        String confirmationCode) implements RegistrationsMessage {

    public RegistrationConfirmed {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
        text(fullName, "fullName");
        text(unit, "unit");
        text(category, "category");
        text(confirmationCode, "confirmationCode");
    }
}
