package io.hoithao.registrations.registration;

import io.hoithao.platform.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A delegate's registration for one event, on behalf of a unit, with the outbox of its messages. */
@Document("registrations")
public record Registration(
        @Id String id,
        String eventId,
        String fullName,
        String email,
        String phone,
        String unit,
        String position,
        DelegateCategory category,
        String note,
        RegistrationStatus status,
        String confirmationCode,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<OutboxEntry> outbox) {
}
