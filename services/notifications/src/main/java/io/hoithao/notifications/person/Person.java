package io.hoithao.notifications.person;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who a registration belongs to, from the registrations topic: where to write, how to greet her, and
 * where her registration stands (which tells an approval from a direct confirmation).
 */
@Document("people")
public record Person(@Id String registrationId, String eventId, String email, String fullName, String status,
                    String confirmationCode, Instant updatedAt) {
}
