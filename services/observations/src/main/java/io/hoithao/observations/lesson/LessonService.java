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
import io.hoithao.observations.event.ObservedEvent;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demonstration lessons: added by organisers or scheduled from the programme's DEMONSTRATION_LESSON
 * sessions, moved and cancelled with them, and the promotion of waiting observers when seats free.
 */
@Service
public class LessonService implements InitializingBean {

    /** Seats of a lesson scheduled from the programme without seats, until the organiser sets the classroom's real number. */
    static final int DEFAULT_SEATS = 8;
    static final String DEMONSTRATION_LESSON = "DEMONSTRATION_LESSON";

    private final ReactiveMongoTemplate mongo;
    private final LessonStore store;
    private final Classrooms classrooms;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    LessonService(ReactiveMongoTemplate mongo, LessonStore store, Classrooms classrooms, Publishing publishing) {
        this.mongo = mongo;
        this.store = store;
        this.classrooms = classrooms;
        this.publishing = publishing;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Lesson.class).createIndex(new Index().on("eventId", Sort.Direction.ASC).on("startsAt", Sort.Direction.ASC)
                .named("event_time")).block();
        mongo.indexOps(Lesson.class).createIndex(new Index().on("bookings.registrationId", Sort.Direction.ASC)
                .named("booked_by")).block();
    }

    public Mono<Lesson> find(String lessonId) {
        return store.find(lessonId);
    }

    public static String idOfSession(String sessionId) {
        return "les-" + sessionId;
    }

    Mono<Lesson> create(String eventId, LessonRequest request) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            return Mono.error(ProblemException.invalidField("endsAt", "must be after startsAt"));
        }
        Instant now = clock.instant();
        String hostSchool = request.hostSchool().strip();
        return mongo.findById(eventId, ObservedEvent.class)
                .filter(ObservedEvent::cancelled)
                .flatMap(cancelled -> Mono.<Lesson>error(ProblemException.conflict("event-cancelled",
                        "Event " + eventId + " was cancelled; it takes no new lessons")))
                .switchIfEmpty(Mono.defer(() -> venueOf(eventId, hostSchool).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(venueId -> {
                            Lesson lesson = new Lesson("les-" + UUID.randomUUID().toString().substring(0, 13), eventId, null,
                                    request.title().strip(), hostSchool, venueId.orElse(null), request.classroom().strip(),
                                    request.className().strip(), request.ageGroup(), request.teacher().strip(),
                                    request.activity().strip(), request.developmentalArea().strip(), request.startsAt().toInstant(),
                                    request.endsAt().toInstant(), request.seats(), LessonStatus.SCHEDULED, List.of(), List.of(),
                                    0, 0, now, now);
                            return classrooms.claim(lesson, now)
                                    .then(publishing.insert(lesson, List.of(scheduled(lesson, now))))
                                    .onErrorResume(e -> !(e instanceof ProblemException),
                                            e -> classrooms.release(lesson).then(Mono.error(e)));
                        })));
    }

    /**
     * The venue a school typed for a lesson added here names, if a lesson of the same event from the programme is
     * there (same name, folded): the two then share the classroom's timetable. Only this event's own lessons are
     * asked, so a name typed in one event never reaches the rooms of another.
     */
    private Mono<String> venueOf(String eventId, String hostSchool) {
        String folded = Units.fold(hostSchool);
        Query programmed = Query.query(Criteria.where("eventId").is(eventId).and("venueId").ne(null)).with(Sort.by("createdAt", "_id"));
        programmed.fields().include("hostSchool").include("venueId");
        return mongo.find(programmed, Document.class, Lesson.COLLECTION)
                .filter(d -> folded.equals(Units.fold(d.getString("hostSchool"))))
                .map(d -> d.getString("venueId"))
                .next();
    }

    /** Sets what the programme does not say (classroom, class, teacher...); the classroom must be free at the lesson's time. */
    Mono<Lesson> details(String lessonId, LessonDetails details) {
        Instant now = clock.instant();
        return store.find(lessonId).flatMap(current -> {
            boolean newRoom = current.classroom() == null
                    || !Classrooms.key(current).equals(Classrooms.key(withRoom(current, details.classroom())));
            Lesson target = new Lesson(current.id(), current.eventId(), current.sessionId(), current.title(), current.hostSchool(),
                    current.venueId(), details.classroom().strip(), details.className().strip(), details.ageGroup(), details.teacher().strip(),
                    details.activity().strip(), details.developmentalArea().strip(), current.startsAt(), current.endsAt(),
                    details.seats(), current.status(), current.bookings(), current.waitlist(), current.version(),
                    current.sessionRevision(), current.createdAt(), now);
            Mono<Lesson> change = store.change(lessonId, lesson -> {
                if (!lesson.bookable()) {
                    throw notBookable(lesson);
                }
                if (details.seats() < lesson.bookings().size()) {
                    throw ProblemException.conflict("seats-below-bookings", "Lesson " + lessonId + " has "
                            + lesson.bookings().size() + " booked observers; it cannot offer only " + details.seats() + " seats")
                            .with("booked", lesson.bookings().size());
                }
                Update update = new Update().set("classroom", target.classroom()).set("className", target.className())
                        .set("ageGroup", target.ageGroup()).set("teacher", target.teacher()).set("activity", target.activity())
                        .set("developmentalArea", target.developmentalArea()).set("seats", target.seats());
                return LessonStore.Decision.write(update, List.of(scheduled(target, now)), lesson);
            });
            if (!newRoom) {
                return change.flatMap(before -> promote(lessonId)).then(store.find(lessonId));
            }
            // The new room is claimed first; if the lesson then cannot change, the claim is given back.
            return classrooms.claim(target, now)
                    .then(change.onErrorResume(e -> classrooms.release(target).then(Mono.error(e))))
                    .flatMap(before -> classrooms.release(before).then(promote(lessonId)))
                    .then(store.find(lessonId));
        });
    }

    /**
     * A DEMONSTRATION_LESSON session becomes a lesson at the session's venue, in its classroom (claimed in the
     * classroom's timetable; taken by another lesson at that time, the lesson starts without one and says so) and
     * with its seats (8 if the session gave none); the teaching details are the organiser's to set here. Other
     * sessions are not ours.
     */
    public Mono<Lesson> fromSession(SessionScheduled session) {
        if (!DEMONSTRATION_LESSON.equals(session.type())) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        String id = idOfSession(session.sessionId());
        String host = session.host() != null ? session.host() : session.venue();
        int seats = session.seats() != null ? session.seats() : DEFAULT_SEATS;
        Lesson wanted = new Lesson(id, session.eventId(), session.sessionId(), session.title(), host, session.venueId(),
                session.classroom(), null,
                null, null, null, null, session.startsAt(), session.endsAt(), seats, LessonStatus.SCHEDULED, List.of(), List.of(),
                0, session.revision(), now, now);
        // Only the first delivery claims the room: a redelivery must not take back a room the lesson has left since.
        Mono<String> room = session.classroom() == null ? Mono.just("")
                : mongo.exists(Query.query(Criteria.where("_id").is(id)), Lesson.class)
                        .flatMap(exists -> exists ? Mono.just(session.classroom())
                                : classrooms.claim(wanted, now).thenReturn(session.classroom())
                                        .onErrorResume(ProblemException.class, clash -> Mono.just("")));
        return room.flatMap(classroom -> {
            Lesson lesson = classroom.isEmpty() ? withRoom(wanted, null) : wanted;
            Update update = new Update()
                    .setOnInsert("eventId", session.eventId()).setOnInsert("sessionId", session.sessionId())
                    .setOnInsert("title", session.title()).setOnInsert("hostSchool", host)
                    .setOnInsert("venueId", session.venueId())
                    .setOnInsert("startsAt", session.startsAt()).setOnInsert("endsAt", session.endsAt())
                    .setOnInsert("seats", seats).setOnInsert("status", LessonStatus.SCHEDULED)
                    .setOnInsert("bookings", List.of()).setOnInsert("waitlist", List.of())
                    .setOnInsert("version", 0L).setOnInsert("sessionRevision", session.revision())
                    .setOnInsert("createdAt", now).setOnInsert("updatedAt", now);
            if (lesson.classroom() != null) {
                update.setOnInsert("classroom", lesson.classroom());
            }
            return publishing.applyOnce(session, id, update, List.of(scheduled(lesson, now)), Lesson.class);
        });
    }

    /** The lesson follows its session's new time; emits the moved lesson, or nothing if the move is old news. */
    public Mono<Lesson> move(SessionMoved moved) {
        String id = idOfSession(moved.sessionId());
        Instant now = clock.instant();
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Lesson.class)
                .filter(Boolean::booleanValue)
                .flatMap(exists -> store.change(id, lesson -> {
                    if (lesson.sessionRevision() >= moved.revision() || !lesson.bookable()) {
                        return LessonStore.Decision.<Boolean>none(false);
                    }
                    Update update = new Update().set("sessionRevision", moved.revision());
                    if (lesson.startsAt().equals(moved.startsAt()) && lesson.endsAt().equals(moved.endsAt())) {
                        return LessonStore.Decision.write(update, true);
                    }
                    update.set("startsAt", moved.startsAt()).set("endsAt", moved.endsAt());
                    return LessonStore.Decision.write(update, List.of(new LessonMoved(UUID.randomUUID(), now,
                            lesson.eventId(), id, moved.startsAt(), moved.endsAt(), lesson.version() + 1)), true);
                }))
                .filter(Boolean::booleanValue)
                .flatMap(done -> classrooms.move(id, new Interval(moved.startsAt(), moved.endsAt()))
                        .then(moved.host() == null ? Mono.empty()
                                : place(id, moved.venueId(), moved.host(), moved.classroom(), moved.seats())))
                .then(mongo.findById(id, Lesson.class));
    }

    /**
     * The session's place or seats changed in the events service: the lesson takes them if it can (the new
     * classroom free at its time, no fewer seats than it has booked observers) and announces what it now has,
     * so that a change it could not take is undone in the session too.
     */
    private Mono<Void> place(String lessonId, String venueId, String host, String classroom, Integer seats) {
        Instant now = clock.instant();
        return store.find(lessonId).filter(Lesson::bookable).flatMap(current -> {
            int wantedSeats = seats == null ? current.seats() : seats;
            int newSeats = wantedSeats < current.bookings().size() ? current.seats() : wantedSeats;
            Lesson target = withPlace(current, host, venueId, classroom, newSeats);
            boolean sameRoom = Objects.equals(current.classroom() == null ? null : Classrooms.key(current),
                    classroom == null ? null : Classrooms.key(target));
            Mono<Boolean> room = sameRoom || classroom == null ? Mono.just(true)
                    : classrooms.claim(target, now).thenReturn(true).onErrorResume(ProblemException.class, clash -> Mono.just(false));
            return room.flatMap(claimed -> {
                Lesson decided = claimed ? target
                        : withPlace(current, current.hostSchool(), current.venueId(), current.classroom(), newSeats);
                boolean refused = !claimed || newSeats != wantedSeats;
                boolean changed = !Objects.equals(decided.hostSchool(), current.hostSchool())
                        || !Objects.equals(decided.venueId(), current.venueId())
                        || !Objects.equals(decided.classroom(), current.classroom()) || decided.seats() != current.seats();
                if (!changed && !refused) {
                    return Mono.<Void>empty();
                }
                return store.change(lessonId, lesson -> {
                            // Decided again on the lesson as written: bookings may have come meanwhile.
                            int finalSeats = decided.seats() < lesson.bookings().size() ? lesson.seats() : decided.seats();
                            Lesson placed = withPlace(lesson, decided.hostSchool(), decided.venueId(), decided.classroom(), finalSeats);
                            Update update = new Update().set("hostSchool", placed.hostSchool()).set("seats", placed.seats());
                            if (placed.venueId() == null) {
                                update.unset("venueId");
                            } else {
                                update.set("venueId", placed.venueId());
                            }
                            if (placed.classroom() == null) {
                                update.unset("classroom");
                            } else {
                                update.set("classroom", placed.classroom());
                            }
                            return LessonStore.Decision.write(update, List.of(scheduled(placed, now)), lesson);
                        })
                        .flatMap(before -> (claimed && !sameRoom ? classrooms.release(before)
                                : Mono.<Void>empty()).then(promote(lessonId)))
                        .then();
            });
        });
    }

    /**
     * Cancels a lesson and every booking and waiting place in it, in one write with all their messages.
     * Emits the lesson as it was before, so the caller can free its observers' schedules; nothing if it
     * was cancelled already or does not exist.
     */
    public Mono<Lesson> cancel(String lessonId, String reason) {
        Instant now = clock.instant();
        return mongo.exists(Query.query(Criteria.where("_id").is(lessonId)), Lesson.class)
                .filter(Boolean::booleanValue)
                .flatMap(exists -> store.change(lessonId, lesson -> {
                    if (!lesson.bookable()) {
                        return LessonStore.Decision.<Lesson>none(null);
                    }
                    long revision = lesson.version() + 1;
                    List<IntegrationMessage> messages = new ArrayList<>();
                    messages.add(new LessonCancelled(UUID.randomUUID(), now, lesson.eventId(), lessonId, reason, revision));
                    lesson.bookings().forEach(b -> messages.add(new SeatReleased(UUID.randomUUID(), now, lesson.eventId(), lessonId,
                            b.bookingId(), b.registrationId(), lesson.seats(), reason, revision)));
                    lesson.waitlist().forEach(w -> messages.add(new WaitlistLeft(UUID.randomUUID(), now, lesson.eventId(), lessonId,
                            w.registrationId(), reason)));
                    Update update = new Update().set("status", LessonStatus.CANCELLED).set("cancelledBookings", lesson.bookings())
                            .set("bookings", List.of()).set("waitlist", List.of());
                    return LessonStore.Decision.write(update, messages, lesson);
                }))
                .flatMap(before -> classrooms.release(before).thenReturn(before));
    }

    public Flux<Lesson> scheduledOf(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status").is(LessonStatus.SCHEDULED))
                .with(Sort.by("startsAt", "_id")), Lesson.class);
    }

    /** Lessons a delegate holds a seat or a waiting place in. */
    public Flux<Lesson> heldBy(String registrationId) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("bookings.registrationId").is(registrationId),
                Criteria.where("waitlist.registrationId").is(registrationId))).with(Sort.by("startsAt", "_id")), Lesson.class);
    }

    Mono<Page<LessonView>> list(String eventId, boolean withSeatsLeft, int page, int size) {
        Criteria criteria = Criteria.where("eventId").is(eventId);
        if (withSeatsLeft) {
            criteria = criteria.and("status").is(LessonStatus.SCHEDULED).andOperator(Criteria.expr(() ->
                    new Document("$lt", List.of(new Document("$size", "$bookings"), "$seats"))));
        }
        Query query = Query.query(criteria);
        return Page.of(mongo.find(Query.of(query).with(Sort.by("startsAt", "classroom", "_id")).skip((long) page * size).limit(size),
                Lesson.class).map(LessonView::of), mongo.count(query, Lesson.class), page, size);
    }

    /**
     * Gives free seats to the waiting list, first come first served, one conditional write per promotion
     * (the seat must still be free and the delegate still first in line). Emits how many were promoted.
     */
    public Mono<Integer> promote(String lessonId) {
        Instant now = clock.instant();
        return store.change(lessonId, lesson -> {
                    if (!lesson.bookable() || lesson.seatsLeft() == 0 || lesson.waitlist().isEmpty()) {
                        return LessonStore.Decision.none(0);
                    }
                    Waiting next = lesson.waitlist().get(0);
                    Booking booking = new Booking(UUID.randomUUID().toString(), next.registrationId(), next.email(),
                            next.fullName(), now, "PROMOTED", false);
                    Update update = new Update().pull("waitlist", new Document("registrationId", next.registrationId()))
                            .push("bookings", booking);
                    return LessonStore.Decision.write(update, List.of(new SeatBooked(UUID.randomUUID(), now, lesson.eventId(),
                            lessonId, booking.bookingId(), next.registrationId(), next.email(), lesson.seatsLeft() - 1,
                            lesson.version() + 1)), 1);
                })
                .flatMap(promoted -> promoted == 0 ? Mono.just(0) : promote(lessonId).map(more -> more + 1))
                .defaultIfEmpty(0);
    }

    static ProblemException notBookable(Lesson lesson) {
        return ProblemException.conflict("lesson-not-bookable", "Lesson " + lesson.id() + " is " + lesson.status())
                .with("lessonId", lesson.id()).with("status", lesson.status());
    }

    private static LessonScheduled scheduled(Lesson lesson, Instant now) {
        return new LessonScheduled(UUID.randomUUID(), now, lesson.eventId(), lesson.id(), lesson.sessionId(), lesson.title(),
                lesson.place(), lesson.startsAt(), lesson.endsAt(), lesson.seats(), lesson.hostSchool(), lesson.classroom());
    }

    private static Lesson withRoom(Lesson l, String classroom) {
        return withPlace(l, l.hostSchool(), l.venueId(), classroom, l.seats());
    }

    private static Lesson withPlace(Lesson l, String hostSchool, String venueId, String classroom, int seats) {
        return new Lesson(l.id(), l.eventId(), l.sessionId(), l.title(), hostSchool, venueId, classroom, l.className(),
                l.ageGroup(), l.teacher(), l.activity(), l.developmentalArea(), l.startsAt(), l.endsAt(), seats, l.status(),
                l.bookings(), l.waitlist(), l.version(), l.sessionRevision(), l.createdAt(), l.updatedAt());
    }
}
