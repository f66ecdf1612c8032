package io.hoithao.registrations.registration;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.Refusals;
import org.springframework.http.HttpStatus;

/** The registrations' refusals as the API answers them (application/problem+json, docs/problems.md). */
final class RegistrationProblems {

    static final String NOT_OPEN = "registration-not-open";
    static final String DUPLICATE = "duplicate-registration";
    static final String KEY_REUSED = "idempotency-key-reused";
    static final String CONCURRENT_MODIFICATION = "concurrent-modification";

    private RegistrationProblems() {
    }

    /** The registration a command ended with, or its refusal as a problem. */
    static Registration orThrow(Decision.Result result) {
        return Refusals.orThrow(result, Decision.Done.class, Decision.Done::registration, Decision.Refusal.class,
                RegistrationProblems::problem);
    }

    static ProblemException problem(Decision.Refusal refusal) {
        if (refusal instanceof Decision.InvalidTransition invalid) {
            return ProblemException.invalidTransition("Registration", invalid.registrationId(), invalid.current().name(),
                    invalid.requested().name());
        }
        if (refusal instanceof Decision.KeptChanging) {
            return new ProblemException(HttpStatus.CONFLICT, CONCURRENT_MODIFICATION, "Conflict",
                    "The registration changed while it was being cancelled; retry");
        }
        throw new IllegalStateException("Unknown refusal " + refusal);
    }

    static ProblemException notOpen(String eventId) {
        return ProblemException.conflict(NOT_OPEN, "Registration for event " + eventId + " is not open")
                .with("eventId", eventId);
    }

    static ProblemException duplicate(Registration registration) {
        return ProblemException.conflict(DUPLICATE, registration.email() + " is already registered for event "
                + registration.eventId()).with("email", registration.email());
    }

    static ProblemException keyReused() {
        return new ProblemException(HttpStatus.valueOf(422), KEY_REUSED, "Idempotency key reused",
                "This Idempotency-Key was already used for another registration of this event");
    }

    /** The problem type's last segment (the type names of docs/problems.md). */
    static String typeOf(ProblemException e) {
        String type = e.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
