package io.hoithao.registrations.registration;

/**
 * Where a registration stands. PENDING lasts only while its seat is being decided (a crash there is
 * repaired by {@link RegistrationRepair}); AWAITING_APPROVAL holds no seat until an organiser decides.
 */
public enum RegistrationStatus {
    PENDING,
    AWAITING_APPROVAL,
    CONFIRMED,
    WAITLISTED,
    REJECTED,
    CANCELLED;

    boolean active() {
        return this != REJECTED && this != CANCELLED;
    }
}
