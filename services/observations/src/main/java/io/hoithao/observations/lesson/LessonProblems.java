package io.hoithao.observations.lesson;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import io.hoithao.platform.web.Refusals;
import org.springframework.http.HttpStatus;

/** The refusals of commands on lessons and their seats as the API answers them (application/problem+json, README). */
public final class LessonProblems {

    static final String NOT_BOOKABLE = "lesson-not-bookable";
    static final String SEATS_BELOW_BOOKINGS = "seats-below-bookings";
    static final String ALREADY_BOOKED = "already-booked";
    static final String NOT_BOOKED = "not-booked";
    static final String EVENT_CANCELLED = "event-cancelled";

    private LessonProblems() {
    }

    /** The answer a command ended with, or its refusal as a problem. */
    @SuppressWarnings("unchecked") // a Result<R> that is done carries an R
    public static <R> R orThrow(Decision.Result<R> result) {
        return Refusals.orThrow(result, Decision.Done.class, done -> (R) done.value(), Decision.Refused.class,
                refused -> problem(refused.refusal()));
    }

    public static ProblemException problem(Decision.Refusal refusal) {
        if (refusal instanceof Decision.NotBookable notBookable) {
            return ProblemException.conflict(NOT_BOOKABLE, "Lesson " + notBookable.lessonId() + " is " + notBookable.status())
                    .with("lessonId", notBookable.lessonId()).with("status", notBookable.status());
        }
        if (refusal instanceof Decision.SeatsBelowBookings below) {
            return ProblemException.conflict(SEATS_BELOW_BOOKINGS, "Lesson " + below.lessonId() + " has " + below.booked()
                            + " booked observers; it cannot offer only " + below.seats() + " seats")
                    .with("booked", below.booked());
        }
        if (refusal instanceof Decision.AlreadyHeld held) {
            return ProblemException.conflict(ALREADY_BOOKED, "Registration " + held.registrationId() + " is already "
                    + held.held() + " at lesson " + held.lessonId()).with("lessonId", held.lessonId()).with("status", held.held());
        }
        if (refusal instanceof Decision.NotBooked notBooked) {
            return ProblemException.conflict(NOT_BOOKED, "Not booked at lesson " + notBooked.lessonId() + ": "
                    + notBooked.registrationIds()).with("registrationIds", notBooked.registrationIds());
        }
        if (refusal instanceof Decision.InvalidField invalid) {
            return ProblemException.invalidField(invalid.field(), invalid.message());
        }
        if (refusal instanceof Decision.EventCancelled cancelled) {
            return ProblemException.conflict(EVENT_CANCELLED, "Event " + cancelled.eventId()
                    + " was cancelled; it takes no new lessons");
        }
        if (refusal instanceof Decision.KeptChanging changing) {
            return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                    "Lesson " + changing.lessonId() + " is changing too fast; retry");
        }
        throw new IllegalStateException("Unknown refusal " + refusal);
    }
}
