package io.hoithao.registrations.registration;

import java.time.Instant;
import java.util.List;

/**
 * A registration as the API shows it; {@code turn} is its place in the event's first-come order (see
 * {@code Seats#claimInTurn}); {@code waitlistPosition} its place on the waiting list (1 = next) while it is
 * {@code WAITLISTED}, given where one registration is read ({@code GET /{id}}, {@code /mine}), else null.
 */
record RegistrationView(
        String id,
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
        String reason,
        List<String> checkIns,
        Instant createdAt,
        Instant updatedAt,
        Long turn,
        Long waitlistPosition) {

    static RegistrationView of(Registration r) {
        return new RegistrationView(r.id(), r.eventId(), r.fullName(), r.email(), r.phone(), r.unit(), r.unitId(), r.position(),
                r.category(), r.note(), r.status(), r.confirmationCode(), r.reason(), r.checkIns(), r.createdAt(),
                r.updatedAt(), r.turn(), null);
    }

    RegistrationView withWaitlistPosition(long position) {
        return new RegistrationView(id, eventId, fullName, email, phone, unit, unitId, this.position, category, note, status,
                confirmationCode, reason, checkIns, createdAt, updatedAt, turn, position);
    }
}
