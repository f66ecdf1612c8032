package io.hoithao.observations.delegate;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate who may observe lessons at an event: learnt from the registrations service's messages.
 * Only a delegate whose registration is confirmed may book an observer seat; waitlisted and pending
 * delegates are known too ({@code status} {@code WAITLISTED}, {@code PENDING_APPROVAL}; then
 * {@code CONFIRMED} or {@code CANCELLED}), so that they are told exactly why they may not book yet.
 */
@Document("observers")
public record Observer(
        @Id String registrationId,
        String eventId,
        String email,
        String fullName,
        String unit,
        boolean confirmed,
        Instant updatedAt,
        String status) {
}
