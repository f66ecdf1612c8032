package io.hoithao.registrations.registration;

/** Where a registration stands. PENDING lasts only while its seat is being decided. */
public enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    WAITLISTED,
    CANCELLED
}
