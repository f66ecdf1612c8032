package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A waiting-list registration was promoted to a confirmed seat and given its confirmation code. */
@MessageType("registrations.RegistrationPromoted.v1")
public record RegistrationPromoted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String fullName,
        String unit,
        String category,
        String confirmationCode) implements RegistrationsMessage {

    public RegistrationPromoted {
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
