package io.hoithao.observations.lesson;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The decisions of a lesson's life, in plain Java: each takes the lesson as read and the command's facts, and
 * answers what to write and tell ({@link Decision.Change}), that nothing is to be done ({@link Decision.Done}), or
 * why not ({@link Decision.Refused}). Every change of status goes through {@link LessonStatus#canBecome}. Nothing
 * here reads or writes: {@link LessonStore} writes a change, guarded by the version it was decided on; the
 * classrooms' timetables are {@link Classrooms}'s.
 */
final class Lifecycle {

    /** Seats of a lesson scheduled from the programme without seats, until the organiser sets the classroom's real number. */
    static final int DEFAULT_SEATS = 8;
    static final String DEMONSTRATION_LESSON = "DEMONSTRATION_LESSON";

    private Lifecycle() {
    }

    /** A new lesson and what it tells when it is inserted. */
    record Added(Lesson lesson, List<IntegrationMessage> messages) {
    }

    // --- a new lesson

    /** Why a lesson an organiser adds cannot have these times, if it cannot. */
    static Optional<Decision.Refusal> refuseTimes(LessonRequest request) {
        return request.endsAt().isAfter(request.startsAt()) ? Optional.empty()
                : Optional.of(new Decision.InvalidField("endsAt", "must be after startsAt"));
    }

    /** A cancelled event takes no new lessons. */
    static Optional<Decision.Refusal> refuseNewLesson(String eventId, boolean eventCancelled) {
        return eventCancelled ? Optional.of(new Decision.EventCancelled(eventId)) : Optional.empty();
    }

    /** The lesson an organiser adds (the request's times checked by {@link #refuseTimes}), at the venue found for its school, if any. */
    static Added add(String eventId, LessonRequest request, String venueId, Instant now) {
        Lesson lesson = new Lesson("les-" + UUID.randomUUID().toString().substring(0, 13), eventId, null,
                request.title().strip(), request.hostSchool().strip(), venueId, request.classroom().strip(),
                request.className().strip(), request.ageGroup(), request.teacher().strip(),
                request.activity().strip(), request.developmentalArea().strip(), request.startsAt().toInstant(),
                request.endsAt().toInstant(), request.seats(), LessonStatus.SCHEDULED, List.of(), List.of(),
                0, 0, now, now);
        return added(lesson, now);
    }

    static String idOfSession(String sessionId) {
        return "les-" + sessionId;
    }

    /**
     * The lesson a DEMONSTRATION_LESSON session becomes: at the session's venue (its host school, else its venue's
     * name), in its classroom, with its seats ({@link #DEFAULT_SEATS} if it gave none); the teaching details are the
     * organiser's to set. Other sessions are not lessons.
     */
    static Optional<Lesson> fromSession(SessionScheduled session, Instant now) {
        if (!DEMONSTRATION_LESSON.equals(session.type())) {
            return Optional.empty();
        }
        String host = session.host() != null ? session.host() : session.venue();
        int seats = session.seats() != null ? session.seats() : DEFAULT_SEATS;
        return Optional.of(new Lesson(idOfSession(session.sessionId()), session.eventId(), session.sessionId(), session.title(),
                host, session.venueId(), session.classroom(), null, null, null, null, null, session.startsAt(), session.endsAt(),
                seats, LessonStatus.SCHEDULED, List.of(), List.of(), 0, session.revision(), now, now));
    }

    /** A new lesson as it is inserted, telling that it is scheduled. */
    static Added added(Lesson lesson, Instant now) {
        return new Added(lesson, List.of(scheduled(lesson, now)));
    }

    // --- changes of a scheduled lesson

    /** The organiser's details (classroom, class, teacher... and seats, no fewer than the booked observers); answers the lesson as read. */
    static Decision<Lesson> details(Lesson lesson, LessonDetails details, Instant now) {
        if (!lesson.bookable()) {
            return notBookable(lesson);
        }
        if (details.seats() < lesson.bookings().size()) {
            return new Decision.Refused<>(new Decision.SeatsBelowBookings(lesson.id(), lesson.bookings().size(), details.seats()));
        }
        Lesson target = withDetails(lesson, details);
        return Decision.Change.of(lesson)
                .set("classroom", target.classroom()).set("className", target.className())
                .set("ageGroup", target.ageGroup()).set("teacher", target.teacher()).set("activity", target.activity())
                .set("developmentalArea", target.developmentalArea()).set("seats", target.seats())
                .tell(List.of(scheduled(target, now)))
                .answer(lesson);
    }

    /** The lesson with the organiser's details. */
    static Lesson withDetails(Lesson l, LessonDetails details) {
        return new Lesson(l.id(), l.eventId(), l.sessionId(), l.title(), l.hostSchool(), l.venueId(), details.classroom().strip(),
                details.className().strip(), details.ageGroup(), details.teacher().strip(), details.activity().strip(),
                details.developmentalArea().strip(), l.startsAt(), l.endsAt(), details.seats(), l.status(), l.bookings(),
                l.waitlist(), l.version(), l.sessionRevision(), l.createdAt(), l.updatedAt());
    }

    /**
     * The session moved: a scheduled lesson takes its new revision, and its new time if that differs (told, with
     * the lesson's next version). Answers whether the move was taken: not when it is old news or the lesson cancelled.
     */
    static Decision<Boolean> move(Lesson lesson, SessionMoved moved, Instant now) {
        if (lesson.sessionRevision() >= moved.revision() || !lesson.bookable()) {
            return new Decision.Done<>(false);
        }
        Decision.Builder change = Decision.Change.of(lesson).set("sessionRevision", moved.revision());
        if (lesson.startsAt().equals(moved.startsAt()) && lesson.endsAt().equals(moved.endsAt())) {
            return change.answer(true);
        }
        return change.set("startsAt", moved.startsAt()).set("endsAt", moved.endsAt())
                .tell(List.of(new LessonMoved(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), moved.startsAt(),
                        moved.endsAt(), lesson.version() + 1)))
                .answer(true);
    }

    /**
     * The seats a lesson keeps when the session asks for {@code wanted}: what it asks, unless that is fewer than the
     * booked observers (then the lesson's own).
     */
    static int seatsKept(Lesson lesson, int wanted) {
        return wanted < lesson.bookings().size() ? lesson.seats() : wanted;
    }

    /**
     * The session's place decided for the lesson (host school, venue, classroom; a null one removed) and its seats,
     * decided again on the lesson as written (observers may have booked meanwhile), told as the lesson now scheduled.
     * Answers the lesson as read.
     */
    static Decision<Lesson> place(Lesson lesson, Lesson decided, Instant now) {
        Lesson placed = withPlace(lesson, decided.hostSchool(), decided.venueId(), decided.classroom(),
                seatsKept(lesson, decided.seats()));
        return Decision.Change.of(lesson)
                .set("hostSchool", placed.hostSchool()).set("seats", placed.seats())
                .set("venueId", placed.venueId()).set("classroom", placed.classroom())
                .tell(List.of(scheduled(placed, now)))
                .answer(lesson);
    }

    /**
     * Cancels a scheduled lesson with every booking and waiting place in it, telling each (the seats' release at the
     * lesson's whole number of seats). Answers the lesson as read, or nothing if it was cancelled already.
     */
    static Decision<Optional<Lesson>> cancel(Lesson lesson, String reason, Instant now) {
        if (!lesson.status().canBecome(LessonStatus.CANCELLED)) {
            return new Decision.Done<>(Optional.empty());
        }
        long revision = lesson.version() + 1;
        List<IntegrationMessage> messages = new ArrayList<>();
        messages.add(new LessonCancelled(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), reason, revision));
        lesson.bookings().forEach(b -> messages.add(new SeatReleased(UUID.randomUUID(), now, lesson.eventId(), lesson.id(),
                b.bookingId(), b.registrationId(), lesson.seats(), reason, revision)));
        lesson.waitlist().forEach(w -> messages.add(new WaitlistLeft(UUID.randomUUID(), now, lesson.eventId(), lesson.id(),
                w.registrationId(), reason)));
        return Decision.Change.of(lesson).becomes(LessonStatus.CANCELLED)
                .set("cancelledBookings", lesson.bookings()).set("bookings", List.of()).set("waitlist", List.of())
                .tell(messages)
                .answer(Optional.of(lesson));
    }

    /**
     * The first on the waiting list takes a free seat (told with the seats then left and the lesson's next version).
     * Answers how many were promoted: 1, or 0 when the lesson is not bookable, full, or nobody waits.
     */
    static Decision<Integer> promoteFirst(Lesson lesson, Instant now) {
        if (!lesson.bookable() || lesson.seatsLeft() == 0 || lesson.waitlist().isEmpty()) {
            return new Decision.Done<>(0);
        }
        Waiting next = lesson.waitlist().get(0);
        Booking booking = new Booking(UUID.randomUUID().toString(), next.registrationId(), next.email(), next.fullName(), now,
                "PROMOTED", false);
        return Decision.Change.of(lesson)
                .remove("waitlist", next.registrationId()).append("bookings", booking)
                .tell(List.of(new SeatBooked(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), booking.bookingId(),
                        next.registrationId(), next.email(), lesson.seatsLeft() - 1, lesson.version() + 1)))
                .answer(1);
    }

    /** A lesson that is not bookable refuses what would change its seats or details. */
    static <R> Decision.Refused<R> notBookable(Lesson lesson) {
        return new Decision.Refused<>(new Decision.NotBookable(lesson.id(), lesson.status()));
    }

    static LessonScheduled scheduled(Lesson lesson, Instant now) {
        return new LessonScheduled(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), lesson.sessionId(), lesson.title(),
                lesson.place(), lesson.startsAt(), lesson.endsAt(), lesson.seats(), lesson.hostSchool(), lesson.classroom());
    }

    static Lesson withRoom(Lesson l, String classroom) {
        return withPlace(l, l.hostSchool(), l.venueId(), classroom, l.seats());
    }

    static Lesson withPlace(Lesson l, String hostSchool, String venueId, String classroom, int seats) {
        return new Lesson(l.id(), l.eventId(), l.sessionId(), l.title(), hostSchool, venueId, classroom, l.className(),
                l.ageGroup(), l.teacher(), l.activity(), l.developmentalArea(), l.startsAt(), l.endsAt(), seats, l.status(),
                l.bookings(), l.waitlist(), l.version(), l.sessionRevision(), l.createdAt(), l.updatedAt());
    }
}
