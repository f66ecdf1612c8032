package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.UUID;

/** An observer submitted the observation form (phiếu dự giờ) for a demonstration lesson. */
@MessageType("observations.ObservationFormSubmitted.v1")
public record ObservationFormSubmitted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String formId,
        String registrationId) implements ObservationsMessage {

    public ObservationFormSubmitted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(formId, "formId");
        text(registrationId, "registrationId");
    }
}
