package io.hoithao.notifications.observation;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A demonstration lesson as an observation mail needs it; {@code cancelled} once it is. */
@Document("lessons")
public record Lesson(@Id String lessonId, String eventId, String title, String classroom, Instant startsAt, Instant endsAt,
                     Boolean cancelled) {
}
