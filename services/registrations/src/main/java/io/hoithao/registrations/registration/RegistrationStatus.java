package io.hoithao.registrations.registration;

import io.hoithao.platform.status.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration stands, and where it may go from there ({@link #canBecome}): every change of status
 * is one of these transitions. PENDING lasts only while its seat is being decided (a crash there is
 * repaired by {@link RegistrationRepair}); AWAITING_APPROVAL holds no seat until an organiser decides, and
 * approval makes it PENDING so that its seat is decided (and repaired) as anyone's. A promotion from the
 * waiting list is WAITLISTED → CONFIRMED. REJECTED and CANCELLED are final.
 */
public enum RegistrationStatus implements Transitions<RegistrationStatus> {
    PENDING,
    AWAITING_APPROVAL,
    CONFIRMED,
    WAITLISTED,
    REJECTED,
    CANCELLED;

    /** The statuses a registration in this one may move to. */
    @Override
    public Set<RegistrationStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(CONFIRMED, WAITLISTED, CANCELLED);
            case AWAITING_APPROVAL -> EnumSet.of(PENDING, REJECTED, CANCELLED);
            case CONFIRMED -> EnumSet.of(CANCELLED);
            case WAITLISTED -> EnumSet.of(CONFIRMED, CANCELLED);
            case REJECTED, CANCELLED -> EnumSet.noneOf(RegistrationStatus.class);
        };
    }

    /** The statuses a registration may be cancelled from (by its delegate, an organiser, or the event's cancellation). */
    static Set<RegistrationStatus> cancellable() {
        return Transitions.into(RegistrationStatus.class, CANCELLED);
    }

    /** Whether its delegate may be checked in: only a confirmed one is (else 409 {@code not-confirmed}). */
    public boolean checksIn() {
        return this == CONFIRMED;
    }

    /** The statuses in which a delegate is checked in, for the check-in's conditional write. */
    static Set<RegistrationStatus> checkingIn() {
        Set<RegistrationStatus> in = EnumSet.noneOf(RegistrationStatus.class);
        for (RegistrationStatus status : values()) {
            if (status.checksIn()) {
                in.add(status);
            }
        }
        return in;
    }

    boolean active() {
        return this != REJECTED && this != CANCELLED;
    }
}
