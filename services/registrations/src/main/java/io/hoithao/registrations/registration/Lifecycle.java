package io.hoithao.registrations.registration;

import static io.hoithao.registrations.registration.RegistrationStatus.AWAITING_APPROVAL;
import static io.hoithao.registrations.registration.RegistrationStatus.CANCELLED;
import static io.hoithao.registrations.registration.RegistrationStatus.CONFIRMED;
import static io.hoithao.registrations.registration.RegistrationStatus.PENDING;
import static io.hoithao.registrations.registration.RegistrationStatus.REJECTED;
import static io.hoithao.registrations.registration.RegistrationStatus.WAITLISTED;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decisions of a registration's life, in plain Java: each takes the registration as read and the command's
 * facts, and answers what to write and tell ({@link Decision.Change}), that nothing is to be done, or why not.
 * Nothing here reads or writes: {@link RegistrationStore} writes a change, guarded by the status it was decided on.
 */
final class Lifecycle {

    private Lifecycle() {
    }

    /** A new registration and what it tells when it is inserted. */
    record Registered(Registration registration, List<IntegrationMessage> messages) {
    }

    /**
     * A new registration: AWAITING_APPROVAL when the event wants approval (no seat is decided yet, so it is written
     * whole with its message), else PENDING until its seat is decided.
     */
    static Registered register(RegistrationRequest request, String email, String scope, boolean approvalRequired, Instant now) {
        // the unit is the directory's (RegistrationAccess decided which); its name is a copy for display
        Registration registration = new Registration(UUID.randomUUID().toString(), request.eventId(), nfc(request.fullName()),
                email, PhoneNumbers.normalise(request.phone()), nfc(request.unit()), request.unitId(),
                blankToNull(nfc(request.position())), request.category(),
                blankToNull(request.note() == null ? null : request.note().strip()),
                approvalRequired ? AWAITING_APPROVAL : PENDING, null, scope, null, List.of(), 0, now, now, null, null);
        if (!approvalRequired) {
            return new Registered(registration, List.of());
        }
        return new Registered(registration, List.of(new RegistrationPendingApproval(UUID.randomUUID(), now,
                registration.eventId(), registration.id(), registration.email(), registration.fullName(),
                registration.unit(), registration.category().name())));
    }

    /** A PENDING registration that holds its seat is CONFIRMED with its code and its turn. */
    static Decision.Change confirm(Registration pending, long turn, String code, Instant now) {
        return new Decision.Change(pending.id(), PENDING, CONFIRMED, fields("confirmationCode", code, "turn", turn),
                List.of(new RegistrationConfirmed(UUID.randomUUID(), now, pending.eventId(), pending.id(), pending.email(),
                        pending.fullName(), pending.unit(), pending.category().name(), code)));
    }

    /** A PENDING registration that found no seat (for the event or its unit) waits, in its turn. */
    static Decision.Change waitlist(Registration pending, long turn, Instant now) {
        return new Decision.Change(pending.id(), PENDING, WAITLISTED, fields("turn", turn),
                List.of(new RegistrationWaitlisted(UUID.randomUUID(), now, pending.eventId(), pending.id(),
                        pending.email(), pending.fullName(), pending.unit(), pending.category().name())));
    }

    /** A waiting registration that now holds a seat is promoted: CONFIRMED with its code. */
    static Decision.Change promote(Registration waiting, String code, Instant now) {
        return new Decision.Change(waiting.id(), WAITLISTED, CONFIRMED, fields("confirmationCode", code),
                List.of(new RegistrationPromoted(UUID.randomUUID(), now, waiting.eventId(), waiting.id(),
                        waiting.email(), waiting.fullName(), waiting.unit(), waiting.category().name(), code)));
    }

    /**
     * Approval: an awaiting registration becomes PENDING, and its seat is then decided as anyone's. One approved
     * before (CONFIRMED or WAITLISTED) is answered as it is; anything else cannot be approved.
     */
    static Decision approve(Registration current) {
        if (current.status().canBecome(PENDING)) {
            return new Decision.Change(current.id(), current.status(), PENDING, Map.of(), List.of());
        }
        if (current.status() == CONFIRMED || current.status() == WAITLISTED) {
            return new Decision.Done(current);
        }
        return new Decision.InvalidTransition(current.id(), current.status(), CONFIRMED);
    }

    /** Rejection of an awaiting registration; rejecting a rejected one again changes nothing. */
    static Decision reject(Registration current, String reason, Instant now) {
        if (current.status() == REJECTED) {
            return new Decision.Done(current);
        }
        if (!current.status().canBecome(REJECTED)) {
            return new Decision.InvalidTransition(current.id(), current.status(), REJECTED);
        }
        return new Decision.Change(current.id(), current.status(), REJECTED, fields("reason", reason),
                List.of(new RegistrationRejected(UUID.randomUUID(), now, current.eventId(), current.id(), current.email(),
                        reason)));
    }

    /** Cancellation by the delegate or an organiser; cancelling a cancelled registration changes nothing. */
    static Decision cancel(Registration current, String reason, Instant now) {
        if (current.status() == CANCELLED) {
            return new Decision.Done(current);
        }
        if (!current.status().canBecome(CANCELLED)) {
            return new Decision.InvalidTransition(current.id(), current.status(), CANCELLED);
        }
        return cancellation(current, reason, now);
    }

    /** The registration (in a status that may be cancelled) CANCELLED, telling whether it held a seat. */
    static Decision.Change cancellation(Registration current, String reason, Instant now) {
        return new Decision.Change(current.id(), current.status(), CANCELLED, fields("reason", reason),
                List.of(new RegistrationCancelled(UUID.randomUUID(), now, current.eventId(), current.id(), current.email(),
                        reason, current.status() == CONFIRMED)));
    }

    /** The reason given to the registrations of a cancelled event. */
    static String eventCancelled(String reason) {
        return reason == null ? "The event was cancelled" : "The event was cancelled: " + reason;
    }

    /** Fields and values in pairs; a value may be null (a reason left out is written as null). */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
