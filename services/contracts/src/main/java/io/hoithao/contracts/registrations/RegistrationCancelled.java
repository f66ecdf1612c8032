package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** A registration was cancelled (by the delegate, the organiser or the event's cancellation); {@code wasConfirmed} says whether it held a seat, {@code reason} may be null. */
@MessageType("registrations.RegistrationCancelled.v1")
public record RegistrationCancelled(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        String delegateEmail,
        String reason,
        boolean wasConfirmed) implements RegistrationsMessage {

    public RegistrationCancelled {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(registrationId, "registrationId");
        text(delegateEmail, "delegateEmail");
    }
}
