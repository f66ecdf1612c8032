package io.hoithao.observations.booking;

import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.observations.ObserverWaitlisted;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.observations.WaitlistLeft;
import io.hoithao.observations.delegate.Observer;
import io.hoithao.observations.lesson.Booking;
import io.hoithao.observations.lesson.IntervalClaims;
import io.hoithao.observations.lesson.Lesson;
import io.hoithao.observations.lesson.LessonService;
import io.hoithao.observations.lesson.LessonStore;
import io.hoithao.observations.lesson.LessonStore.Decision;
import io.hoithao.observations.lesson.LessonView;
import io.hoithao.observations.lesson.Waiting;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    public Mono<Outcome> book(String lessonId, String registrationId, String via, boolean waitIfFull) {
        Instant now = clock.instant();
        return lessons.find(lessonId).flatMap(lesson -> {
            if (!lesson.bookable()) {
                return Mono.error(notBookable(lesson));
            }
            return confirmedObserver(lesson.eventId(), registrationId).flatMap(observer -> {
                if (lesson.holds(registrationId)) {
                    return Mono.error(alreadyHeld(lesson, registrationId));
                }
                return schedules.claim(registrationId, lesson, now).flatMap(claim -> {
                    if (claim instanceof IntervalClaims.Clash clash) {
                        return Mono.error(clash(lesson, clash));
                    }
                    boolean claimedHere = claim instanceof IntervalClaims.Claimed;
                    return place(lessonId, observer, via, waitIfFull, now)
                            .flatMap(outcome -> outcome.status() == Status.FULL && claimedHere
                                    ? schedules.release(registrationId, lessonId, now).thenReturn(outcome)
                                    : Mono.just(outcome))
                            .onErrorResume(e -> claimedHere && !isAlreadyHeld(e),
                                    e -> schedules.release(registrationId, lessonId, now).then(Mono.error(e)));
                });
            });
        }).flatMap(outcome -> outcome.status() == Status.FULL ? Mono.just(outcome) : recheck(outcome, now));
    }

    /** The one atomic seat decision: a seat while $size(bookings) < seats and the delegate holds none, else a waiting place. */
    private Mono<Outcome> place(String lessonId, Observer observer, String via, boolean waitIfFull, Instant now) {
        String registrationId = observer.registrationId();
        return store.change(lessonId, lesson -> {
            if (!lesson.bookable()) {
                throw notBookable(lesson);
            }
            if (lesson.holds(registrationId)) {
                throw alreadyHeld(lesson, registrationId);
            }
            Criteria notHeld = Criteria.where("status").is(lesson.status())
                    .and("bookings.registrationId").ne(registrationId)
                    .and("waitlist.registrationId").ne(registrationId);
            if (lesson.seatsLeft() > 0) {
                Booking booking = new Booking(UUID.randomUUID().toString(), registrationId, observer.email(),
                        observer.fullName(), now, via, false);
                Update update = new Update().push("bookings", booking);
                SeatBooked booked = new SeatBooked(UUID.randomUUID(), now, lesson.eventId(), lessonId, booking.bookingId(),
                        registrationId, observer.email(), lesson.seatsLeft() - 1, lesson.version() + 1);
                // The version makes the message's figures exact; the seat condition is spelled out as well.
                Criteria guard = notHeld.and("version").is(lesson.version())
                        .andOperator(Criteria.expr(() -> new Document("$lt", List.of(new Document("$size", "$bookings"), "$seats"))));
                return new Decision<>(update, List.of(booked), guard, new Outcome(lessonId, registrationId, Status.BOOKED, booking.bookingId(),
                        lesson.seatsLeft() - 1, null));
            }
            if (!waitIfFull) {
                return Decision.none(new Outcome(lessonId, registrationId, Status.FULL, null, 0, null));
            }
            Update update = new Update().push("waitlist", new Waiting(registrationId, observer.email(), observer.fullName(), now));
            ObserverWaitlisted waitlisted = new ObserverWaitlisted(UUID.randomUUID(), now, lesson.eventId(), lessonId, registrationId,
                    observer.email());
            // No version here: joining the queue of a full lesson does not depend on who else joins, so a
            // burst of latecomers does not retry against each other. It must still be full.
            Criteria guard = notHeld.andOperator(Criteria.expr(() ->
                    new Document("$gte", List.of(new Document("$size", "$bookings"), "$seats"))));
            return new Decision<>(update, List.of(waitlisted), guard, new Outcome(lessonId, registrationId, Status.WAITLISTED, null, 0,
                    lesson.waitlist().size() + 1));
        });
    }

    /** A registration cancelled while the booking was in flight must not keep the seat it just took. */
    private Mono<Outcome> recheck(Outcome outcome, Instant startedAt) {
        return mongo.findById(outcome.registrationId(), Observer.class)
                .filter(Observer::confirmed)
                .map(observer -> outcome)
                .switchIfEmpty(Mono.defer(() -> cancel(outcome.lessonId(), outcome.registrationId(), "Registration cancelled")
                        .then(Mono.error(notConfirmed(outcome.registrationId())))));
    }

    public enum Released { SEAT, WAITING_PLACE, NOTHING }

    /** Gives up a delegate's seat or waiting place, frees their schedule and promotes the waiting list. */
    public Mono<Released> cancel(String lessonId, String registrationId, String reason) {
        Instant startedAt = clock.instant();
        return store.change(lessonId, lesson -> {
                    long revision = lesson.version() + 1;
                    var booking = lesson.booking(registrationId);
                    if (booking.isPresent()) {
                        Update update = new Update().pull("bookings", new Document("registrationId", registrationId));
                        return Decision.write(update, List.of(new SeatReleased(UUID.randomUUID(), startedAt, lesson.eventId(),
                                lessonId, booking.get().bookingId(), registrationId, lesson.seatsLeft() + 1, reason, revision)), Released.SEAT);
                    }
                    if (lesson.waiting(registrationId).isPresent()) {
                        Update update = new Update().pull("waitlist", new Document("registrationId", registrationId));
                        return Decision.write(update, List.of(new WaitlistLeft(UUID.randomUUID(), startedAt, lesson.eventId(),
                                lessonId, registrationId, reason)), Released.WAITING_PLACE);
                    }
                    return Decision.none(Released.NOTHING);
                })
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

    public record ClashView(String registrationId, String lessonId, String title, java.time.OffsetDateTime startsAt,
                            java.time.OffsetDateTime endsAt, String clashingLessonId, String clashingTitle,
                            java.time.OffsetDateTime clashingStartsAt, java.time.OffsetDateTime clashingEndsAt) {
    }

    /** The time slots a delegate already holds (seats and waiting places). */
    public Mono<List<io.hoithao.observations.lesson.Slot>> scheduleOf(String registrationId) {
        return schedules.of(registrationId);
    }

    /** Marks whether booked observers attended (only those who attended may submit an observation form). */
    Mono<Long> attendance(String lessonId, List<String> registrationIds, boolean attended) {
        return lessons.find(lessonId).flatMap(lesson -> {
            List<String> unknown = registrationIds.stream().filter(r -> lesson.booking(r).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                return Mono.error(ProblemException.conflict("not-booked", "Not booked at lesson " + lessonId + ": " + unknown)
                        .with("registrationIds", unknown));
            }
            return Flux.fromIterable(registrationIds)
                    .concatMap(r -> mongo.updateFirst(Query.query(Criteria.where("_id").is(lessonId).and("bookings.registrationId").is(r)),
                            new Update().set("bookings.$.attended", attended), Lesson.class))
                    .map(result -> result.getModifiedCount())
                    .reduce(0L, Long::sum);
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

    static ProblemException notBookable(Lesson lesson) {
        return ProblemException.conflict("lesson-not-bookable", "Lesson " + lesson.id() + " is " + lesson.status())
                .with("lessonId", lesson.id()).with("status", lesson.status());
    }

    private static ProblemException alreadyHeld(Lesson lesson, String registrationId) {
        String held = lesson.booking(registrationId).isPresent() ? "BOOKED" : "WAITLISTED";
        return ProblemException.conflict("already-booked", "Registration " + registrationId + " is already " + held
                + " at lesson " + lesson.id()).with("lessonId", lesson.id()).with("status", held);
    }

    private static boolean isAlreadyHeld(Throwable e) {
        return e instanceof ProblemException p && p.type().toString().endsWith("/already-booked");
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
