package io.hoithao.notifications.programme;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session of an event's programme, as far as a change mail or a reminder needs it; {@code cancelled} once it is. */
@Document("sessions")
public record Session(@Id String sessionId, String eventId, String title, String venue, Instant startsAt, Instant endsAt,
                      Boolean cancelled) {
}
