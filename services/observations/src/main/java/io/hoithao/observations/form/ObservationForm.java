package io.hoithao.observations.form;

import io.hoithao.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One observer's form for one lesson; its id ({@code lessonId:registrationId}) makes "once per observer"
 * a unique-key fact. {@code locked} is set when the event completes; edits are conditional on it.
 */
@Document(ObservationForm.COLLECTION)
record ObservationForm(@Id String id, String formId, String eventId, String lessonId, String registrationId,
                       Map<String, Integer> scores, String comments, boolean locked, long version,
                       Instant submittedAt, Instant updatedAt, List<OutboxEntry> outbox) {

    static final String COLLECTION = "forms";

    /** As answered over HTTP: the outbox is plumbing, not part of the form. */
    ObservationForm withoutOutbox() {
        return new ObservationForm(id, formId, eventId, lessonId, registrationId, scores, comments, locked, version,
                submittedAt, updatedAt, null);
    }

    static String idOf(String lessonId, String registrationId) {
        return lessonId + ":" + registrationId;
    }
}
