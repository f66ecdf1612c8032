package io.hoithao.observations.form;

import java.time.Instant;
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
                       Instant submittedAt, Instant updatedAt) {

    static final String COLLECTION = "forms";

    static String idOf(String lessonId, String registrationId) {
        return lessonId + ":" + registrationId;
    }
}
