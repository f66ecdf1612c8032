package io.hoithao.observations.delegate;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate who may observe lessons at an event: learnt from the registrations service's messages.
 * Only a delegate whose registration is confirmed may book an observer seat.
 */
@Document("observers")
public record Observer(
        @Id String registrationId,
        String eventId,
        String email,
        String fullName,
        String unit,
        boolean confirmed,
        Instant updatedAt) {
}
