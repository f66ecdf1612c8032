package io.hoithao.observations.booking;

import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.observations.delegate.Observer;
import io.hoithao.observations.lesson.Booking;
import io.hoithao.observations.lesson.Decision;
import io.hoithao.observations.lesson.IntervalClaims;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonProblems;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.observations.lesson.LessonStore;
import io.hoithao.observations.lesson.LessonView;
import io.hoithao.observations.lesson.Waiting;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Observer seats. A booking is two single-document conditional writes: the delegate's schedule claims
 * the lesson's time (refused if it overlaps another held lesson), then the lesson's document takes the
 * seat (refused unless a seat is free and the delegate holds none) or, when full, a waiting place. If
 * the second write cannot happen the first is given back; a crash in between leaves a slot without a
 * seat, which {@link ScheduleRepair} removes.
 */
@Service
public class BookingService {

    /** How a booking came about, as recorded on the seat. */
    public static final String BOOKED = "BOOKED";
    public static final String ROTATION = "ROTATION";

    private final ReactiveMongoTemplate mongo;
    private final LessonService lessons;
    private final LessonStore store;
    private final Schedules schedules;
    private final Clock clock = Clock.systemUTC();

    BookingService(ReactiveMongoTemplate mongo, LessonService lessons, LessonStore store, Schedules schedules) {
        this.mongo = mongo;
        this.lessons = lessons;
        this.store = store;
        this.schedules = schedules;
    }

    public enum Status { BOOKED, WAITLISTED, FULL }

    /** The outcome of a booking request: a seat, a waiting place, or (when the caller did not want to wait) nothing. */
    public record Outcome(String lessonId, String registrationId, Status status, String bookingId, int seatsLeft,
                          Integer waitlistPosition) {
    }

    /**
     * A seat (or, if {@code waitIfFull}, a waiting place) for a confirmed delegate whose schedule is free at the
     * lesson's time. Refusals of the lesson's own ({@link Seating}) are answered as values; the checks against other
     * documents (the delegate's registration, her schedule) fail as problems.
     */
    public Mono<Decision.Result<Outcome>> book(String lessonId, String registrationId, String via, boolean waitIfFull) {
        Instant now = clock.instant();
        return lessons.find(lessonId).flatMap(lesson -> {
            Optional<Decision.Refusal> closed = Seating.refuseBooking(lesson);
            if (closed.isPresent()) {
                return Mono.<Decision.Result<Outcome>>just(new Decision.Refused<>(closed.get()));
            }
            return confirmedObserver(lesson.eventId(), registrationId).flatMap(observer -> {
                Optional<Decision.Refusal> held = Seating.refuseSecondPlace(lesson, registrationId);
                if (held.isPresent()) {
                    return Mono.<Decision.Result<Outcome>>just(new Decision.Refused<>(held.get()));
                }
                return schedules.claim(registrationId, lesson, now).flatMap(claim -> {
                    if (claim instanceof IntervalClaims.Clash clash) {
                        return Mono.error(clash(lesson, clash));
                    }
                    boolean claimedHere = claim instanceof IntervalClaims.Claimed;
                    // A place not taken gives the slot back, unless the delegate holds a place there (then it is hers).
                    return store.apply(lessonId, read -> Seating.take(read, observer, via, waitIfFull, now))
                            .flatMap(result -> claimedHere && !takesPlace(result) && !holdsPlace(result)
                                    ? schedules.release(registrationId, lessonId, now).thenReturn(result)
                                    : Mono.just(result))
                            .onErrorResume(e -> claimedHere, e -> schedules.release(registrationId, lessonId, now).then(Mono.error(e)));
                });
            });
        }).flatMap(result -> result instanceof Decision.Done<Outcome> done && done.value().status() != Status.FULL
                ? recheck(done.value()).<Decision.Result<Outcome>>map(Decision.Done::new) : Mono.just(result));
    }

    private static boolean takesPlace(Decision.Result<Outcome> result) {
        return result instanceof Decision.Done<Outcome> done && done.value().status() != Status.FULL;
    }

    private static boolean holdsPlace(Decision.Result<Outcome> result) {
        return result instanceof Decision.Refused<Outcome> refused && refused.refusal() instanceof Decision.AlreadyHeld;
    }

    /** A registration cancelled while the booking was in flight must not keep the seat it just took. */
    private Mono<Outcome> recheck(Outcome outcome) {
        return mongo.findById(outcome.registrationId(), Observer.class)
                .filter(Observer::confirmed)
                .map(observer -> outcome)
                .switchIfEmpty(Mono.defer(() -> cancel(outcome.lessonId(), outcome.registrationId(), "Registration cancelled")
                        .then(Mono.error(notConfirmed(outcome.registrationId())))));
    }

    enum Released { SEAT, WAITING_PLACE, NOTHING }

    /** Gives up a delegate's seat or waiting place, frees their schedule and promotes the waiting list. */
    public Mono<Released> cancel(String lessonId, String registrationId, String reason) {
        Instant startedAt = clock.instant();
        return store.apply(lessonId, lesson -> Seating.giveUp(lesson, registrationId, reason, startedAt))
                .map(LessonProblems::orThrow)
                .flatMap(released -> released == Released.NOTHING
                        ? Mono.just(released)
                        : schedules.release(registrationId, lessonId, startedAt)
                                .then(lessons.promote(lessonId))
                                .thenReturn(released));
    }

    /** Releases everything a delegate holds (their registration was cancelled); emits how many places were given up. */
    public Mono<Long> releaseAll(String registrationId, String reason) {
        return lessons.heldBy(registrationId)
                .concatMap(lesson -> cancel(lesson.id(), registrationId, reason))
                .filter(released -> released != Released.NOTHING)
                .count();
    }

    /** Cancels a lesson with all its bookings, and frees its observers' schedules. */
    public Mono<Lesson> cancelLesson(String lessonId, String reason) {
        Instant now = clock.instant();
        return lessons.cancel(lessonId, reason).flatMap(before -> Flux.concat(
                        Flux.fromIterable(before.bookings()).map(Booking::registrationId),
                        Flux.fromIterable(before.waitlist()).map(Waiting::registrationId))
                .concatMap(registrationId -> schedules.release(registrationId, lessonId, now))
                .then(Mono.just(before)));
    }

    public Mono<Long> cancelEvent(String eventId, String reason) {
        return lessons.scheduledOf(eventId).concatMap(lesson -> cancelLesson(lesson.id(), reason)).count();
    }

    /** The lesson follows its session, and so do its observers' schedules; clashes this causes are reported by {@link #clashes}. */
    public Mono<Lesson> follow(SessionMoved moved) {
        return lessons.move(moved).flatMap(lesson -> schedules.move(lesson.id(), lesson.interval()).thenReturn(lesson));
    }

    /** A delegate's held lessons that overlap, for every delegate of the event. */
    public Flux<ClashView> clashes(String eventId) {
        return schedules.ofEvent(eventId).flatMapIterable(entry -> Clashes.within(entry.getValue()).stream()
                .map(pair -> new ClashView(entry.getKey(), pair.first().lessonId(), pair.first().title(),
                        LessonView.local(pair.first().startsAt()), LessonView.local(pair.first().endsAt()),
                        pair.second().lessonId(), pair.second().title(), LessonView.local(pair.second().startsAt()),
                        LessonView.local(pair.second().endsAt())))
                .toList());
    }

    record ClashView(String registrationId, String lessonId, String title, java.time.OffsetDateTime startsAt,
                            java.time.OffsetDateTime endsAt, String clashingLessonId, String clashingTitle,
                            java.time.OffsetDateTime clashingStartsAt, java.time.OffsetDateTime clashingEndsAt) {
    }

    /** The time slots a delegate already holds (seats and waiting places). */
    public Mono<List<io.hoithao.observations.lesson.Slot>> scheduleOf(String registrationId) {
        return schedules.of(registrationId);
    }

    /** Marks whether booked observers attended (only those who attended may submit an observation form). */
    Mono<Decision.Result<Long>> attendance(String lessonId, List<String> registrationIds, boolean attended) {
        return lessons.find(lessonId).flatMap(lesson -> {
            Optional<Decision.Refusal> refused = Seating.refuseAttendance(lesson, registrationIds);
            if (refused.isPresent()) {
                return Mono.<Decision.Result<Long>>just(new Decision.Refused<>(refused.get()));
            }
            return store.attended(lessonId, registrationIds, attended).<Decision.Result<Long>>map(Decision.Done::new);
        });
    }

    Mono<Observer> confirmedObserver(String eventId, String registrationId) {
        return mongo.findById(registrationId, Observer.class)
                .filter(observer -> eventId.equals(observer.eventId()))
                .switchIfEmpty(Mono.error(() -> notConfirmed(registrationId)))
                .flatMap(observer -> observer.confirmed() ? Mono.just(observer)
                        : Mono.error(notConfirmed(registrationId, observer.status())));
    }

    /** A delegate this service knows but who is not confirmed: says where she stands (waitlisted, pending, cancelled). */
    static ProblemException notConfirmed(String registrationId, String status) {
        if (status == null) {
            return notConfirmed(registrationId);
        }
        String why = switch (status) {
            case "WAITLISTED" -> "is on the event's waiting list";
            case "PENDING_APPROVAL" -> "is waiting for the organisers' approval";
            default -> "is " + status.toLowerCase(java.util.Locale.ROOT);
        };
        return ProblemException.conflict("delegate-not-confirmed", "Registration " + registrationId + " " + why
                        + "; only confirmed delegates may observe lessons")
                .with("registrationId", registrationId).with("registrationStatus", status);
    }

    static ProblemException notConfirmed(String registrationId) {
        return ProblemException.conflict("delegate-not-confirmed", "Registration " + registrationId
                + " is not a confirmed registration for this event; only confirmed delegates may observe lessons")
                .with("registrationId", registrationId);
    }

    private static ProblemException clash(Lesson lesson, IntervalClaims.Clash clash) {
        return ProblemException.conflict("booking-clash", "Lesson " + lesson.id() + " (" + lesson.title()
                        + ") clashes with lesson " + clash.with().lessonId() + " (" + clash.with().title() + ") you already hold")
                .with("lessonId", lesson.id())
                .with("clashingLessonId", clash.with().lessonId())
                .with("clashingTitle", clash.with().title())
                .with("clashingStartsAt", LessonView.local(clash.with().startsAt()))
                .with("clashingEndsAt", LessonView.local(clash.with().endsAt()));
    }
}
