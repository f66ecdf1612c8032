package io.hoithao.observations.booking;

import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.observations.booking.BookingService.Outcome;
import io.hoithao.observations.booking.BookingService.Released;
import io.hoithao.observations.booking.BookingService.Status;
import io.hoithao.observations.delegate.Observer;
import io.hoithao.observations.lesson.Booking;
import io.hoithao.observations.lesson.Decision;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.Waiting;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The decisions on a lesson's observer seats, in plain Java: each takes the lesson as read and answers what to
 * write and tell, that nothing is to be done, or why not ({@link Decision}). Nothing here reads or writes; the
 * lesson's store writes a change by one conditional write, and the delegates' schedules are {@link Schedules}'s.
 */
final class Seating {

    private Seating() {
    }

    /** A lesson that is not bookable takes no booking. */
    static Optional<Decision.Refusal> refuseBooking(Lesson lesson) {
        return lesson.bookable() ? Optional.empty() : Optional.of(new Decision.NotBookable(lesson.id(), lesson.status()));
    }

    /** A delegate holds one place in a lesson at most: a seat, or a place on its waiting list. */
    static Optional<Decision.Refusal> refuseSecondPlace(Lesson lesson, String registrationId) {
        if (!lesson.holds(registrationId)) {
            return Optional.empty();
        }
        String held = lesson.booking(registrationId).isPresent() ? "BOOKED" : "WAITLISTED";
        return Optional.of(new Decision.AlreadyHeld(lesson.id(), registrationId, held));
    }

    /**
     * The one seat decision: a seat while one is free (told with the seats then left and the lesson's next version,
     * and written only while the lesson is as read and a seat is free); else, if the delegate will wait, a place on
     * the waiting list (written while the lesson is still full, whoever else joins); else nothing ({@link Status#FULL}).
     */
    static Decision<Outcome> take(Lesson lesson, Observer observer, String via, boolean waitIfFull, Instant now) {
        String registrationId = observer.registrationId();
        Optional<Decision.Refusal> refused = refuseBooking(lesson).or(() -> refuseSecondPlace(lesson, registrationId));
        if (refused.isPresent()) {
            return new Decision.Refused<>(refused.get());
        }
        if (lesson.seatsLeft() > 0) {
            Booking booking = new Booking(UUID.randomUUID().toString(), registrationId, observer.email(), observer.fullName(),
                    now, via, false);
            return Decision.Change.of(lesson)
                    .append("bookings", booking)
                    .guard(new Decision.Guard.SeatFreeFor(registrationId))
                    .tell(List.of(new SeatBooked(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), booking.bookingId(),
                            registrationId, observer.email(), lesson.seatsLeft() - 1, lesson.version() + 1)))
                    .answer(new Outcome(lesson.id(), registrationId, Status.BOOKED, booking.bookingId(), lesson.seatsLeft() - 1, null));
        }
        if (!waitIfFull) {
            return new Decision.Done<>(new Outcome(lesson.id(), registrationId, Status.FULL, null, 0, null));
        }
        return Decision.Change.of(lesson)
                .append("waitlist", new Waiting(registrationId, observer.email(), observer.fullName(), now))
                .guard(new Decision.Guard.StillFullFor(registrationId))
                .tell(List.of(new ObserverWaitlisted(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), registrationId,
                        observer.email())))
                .answer(new Outcome(lesson.id(), registrationId, Status.WAITLISTED, null, 0, lesson.waitlist().size() + 1));
    }

    /**
     * The delegate gives up her seat (told with the seats then left and the lesson's next version) or her waiting
     * place; nothing if she holds neither.
     */
    static Decision<Released> giveUp(Lesson lesson, String registrationId, String reason, Instant now) {
        var booking = lesson.booking(registrationId);
        if (booking.isPresent()) {
            return Decision.Change.of(lesson)
                    .remove("bookings", registrationId)
                    .tell(List.of(new SeatReleased(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), booking.get().bookingId(),
                            registrationId, lesson.seatsLeft() + 1, reason, lesson.version() + 1)))
                    .answer(Released.SEAT);
        }
        if (lesson.waiting(registrationId).isPresent()) {
            return Decision.Change.of(lesson)
                    .remove("waitlist", registrationId)
                    .tell(List.of(new WaitlistLeft(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), registrationId, reason)))
                    .answer(Released.WAITING_PLACE);
        }
        return new Decision.Done<>(Released.NOTHING);
    }

    /** Attendance is marked for booked observers only. */
    static Optional<Decision.Refusal> refuseAttendance(Lesson lesson, List<String> registrationIds) {
        List<String> unknown = registrationIds.stream().filter(r -> lesson.booking(r).isEmpty()).toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of(new Decision.NotBooked(lesson.id(), unknown));
    }
}
