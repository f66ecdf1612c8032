package io.hoithao.registrations.registration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate's registration for one event, on behalf of a unit (its messages wait in the stored document's
 * {@code outbox} until published, written and read by the platform's {@code Publishing} and relay only).
 * {@code idempotencyScope} (the event, the requester's token subject and the Idempotency-Key, see
 * {@code RegistrationService.idempotencyScope}) is unique, so a retried POST finds the registration it made the
 * first time, and only the requester who made it does; {@code checkIns} holds the ISO days the delegate was
 * checked in and {@code checkedInAt} the time of each day's first check-in. {@code email} is the owner's: the delegate whose verified token email it is sees and cancels it.
 * {@code turn} is its place in the event's order of first seat decisions (null until decided, and for
 * registrations decided before turns existed): the waiting list and its promotions follow it.
 */
@Document("registrations")
public record Registration(
        @Id String id,
        String eventId,
        String fullName,
        String email,
        String phone,
        String unit,
        String unitId,
        String position,
        DelegateCategory category,
        String note,
        RegistrationStatus status,
        String confirmationCode,
        String idempotencyScope,
        String reason,
        List<String> checkIns,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Long turn,
        Map<String, Instant> checkedInAt) {

    public List<String> checkIns() {
        return checkIns == null ? List.of() : checkIns;
    }

    /** When the delegate was first checked in, per ISO day (none for check-ins recorded before the time was kept). */
    public Map<String, Instant> checkedInAt() {
        return checkedInAt == null ? Map.of() : checkedInAt;
    }
}
