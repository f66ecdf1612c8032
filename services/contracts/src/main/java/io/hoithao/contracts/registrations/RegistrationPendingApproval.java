package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A delegate registered for an event that requires approval; the registration holds no seat until an organiser approves it. */
@MessageType("registrations.RegistrationPendingApproval.v1")
public record RegistrationPendingApproval(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String fullName,
        String unit,
        String category) implements RegistrationsMessage {

    public RegistrationPendingApproval {
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
