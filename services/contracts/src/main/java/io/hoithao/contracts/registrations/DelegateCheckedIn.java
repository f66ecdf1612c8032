package io.hoithao.contracts.registrations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A confirmed delegate was checked in (điểm danh) on one day of the event. */
@MessageType("registrations.DelegateCheckedIn.v1")
public record DelegateCheckedIn(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String registrationId,
        LocalDate day) implements RegistrationsMessage {

    public DelegateCheckedIn {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(registrationId, "registrationId");
        present(day, "day");
    }
}
