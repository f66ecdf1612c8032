package io.hoithao.contracts.observations;

import static io.hoithao.contracts.Require.present;
import static io.hoithao.contracts.Require.text;

import io.hoithao.contracts.MessageType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An observer submitted the observation form (phiếu dự giờ) for a demonstration lesson, or changed it: each
 * change is told again under the same {@code formId}, and the latest one counts. {@code scores}: criterion id
 * to score (1–5) as the form holds them after the change; null in messages from before they were told.
 */
@MessageType("observations.ObservationFormSubmitted.v1")
public record ObservationFormSubmitted(
        UUID messageId,
        Instant occurredAt,
        String eventId,
        String lessonId,
        String formId,
        String registrationId,
        Map<String, Integer> scores) implements ObservationsMessage {

    /** A form told without its scores (what messages before {@code scores} said). */
    public ObservationFormSubmitted(UUID messageId, Instant occurredAt, String eventId, String lessonId, String formId,
                                    String registrationId) {
        this(messageId, occurredAt, eventId, lessonId, formId, registrationId, null);
    }

    public ObservationFormSubmitted {
        present(messageId, "messageId");
        present(occurredAt, "occurredAt");
        text(eventId, "eventId");
        text(lessonId, "lessonId");
        text(formId, "formId");
        text(registrationId, "registrationId");
        if (scores != null) {
            scores.forEach((criterion, score) -> {
                text(criterion, "scores");
                present(score, "scores." + criterion);
            });
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }
    }
}
