package io.hoithao.observations.lesson;

import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demonstration lessons: added by organisers or scheduled from the programme's DEMONSTRATION_LESSON
 * sessions, moved and cancelled with them, and the promotion of waiting observers when seats free. Each change
 * is decided by {@link Lifecycle} and written by {@link LessonStore}; what is here is the order of the writes
 * around it: a classroom's timetable ({@link Classrooms}) is claimed before the lesson takes the room, and given
 * back when the lesson does not.
 */
@Service
public class LessonService {

    private final LessonStore store;
    private final Classrooms classrooms;
    private final Clock clock = Clock.systemUTC();

    LessonService(LessonStore store, Classrooms classrooms) {
        this.store = store;
        this.classrooms = classrooms;
    }

    public Mono<Lesson> find(String lessonId) {
        return store.find(lessonId);
    }

    public static String idOfSession(String sessionId) {
        return Lifecycle.idOfSession(sessionId);
    }

    /**
     * An organiser's lesson: its classroom is claimed in the room's timetable (the venue's, if a lesson of the event's
     * programme is at that school: see {@link LessonStore#venueOf}), then the lesson is inserted; a failed insert
     * gives the room back.
     */
    Mono<Decision.Result<Lesson>> create(String eventId, LessonRequest request) {
        Optional<Decision.Refusal> times = Lifecycle.refuseTimes(request);
        if (times.isPresent()) {
            return Mono.just(new Decision.Refused<>(times.get()));
        }
        Instant now = clock.instant();
        String hostSchool = request.hostSchool().strip();
        return store.eventCancelled(eventId).flatMap(cancelled -> {
            Optional<Decision.Refusal> closed = Lifecycle.refuseNewLesson(eventId, cancelled);
            if (closed.isPresent()) {
                return Mono.just(new Decision.Refused<>(closed.get()));
            }
            return store.venueOf(eventId, hostSchool).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(venueId -> {
                        Lifecycle.Added added = Lifecycle.add(eventId, request, venueId.orElse(null), now);
                        return classrooms.claim(added.lesson(), now)
                                .then(store.insert(added))
                                .<Decision.Result<Lesson>>map(Decision.Done::new)
                                .onErrorResume(e -> !(e instanceof ProblemException),
                                        e -> classrooms.release(added.lesson()).then(Mono.error(e)));
                    });
        });
    }

    /**
     * Sets what the programme does not say (classroom, class, teacher...); the classroom must be free at the lesson's
     * time. A new room is claimed first and, if the lesson then cannot change, given back; once the lesson has
     * changed, the old room is given back. More seats promote the waiting list. Answers the lesson as it now is.
     */
    Mono<Decision.Result<Lesson>> details(String lessonId, LessonDetails details) {
        Instant now = clock.instant();
        return store.find(lessonId).flatMap(current -> {
            boolean newRoom = current.classroom() == null
                    || !Classrooms.key(current).equals(Classrooms.key(Lifecycle.withRoom(current, details.classroom())));
            Mono<Decision.Result<Lesson>> change = store.apply(lessonId, lesson -> Lifecycle.details(lesson, details, now));
            if (!newRoom) {
                return change.flatMap(result -> result instanceof Decision.Done<Lesson>
                        ? promote(lessonId).then(store.find(lessonId)).map(Decision.Done::new)
                        : Mono.just(result));
            }
            Lesson target = Lifecycle.withDetails(current, details);
            return classrooms.claim(target, now)
                    .then(change.onErrorResume(e -> classrooms.release(target).then(Mono.error(e))))
                    .flatMap(result -> result instanceof Decision.Done<Lesson> done
                            ? classrooms.release(done.value()).then(promote(lessonId)).then(store.find(lessonId))
                                    .<Decision.Result<Lesson>>map(Decision.Done::new)
                            : classrooms.release(target).thenReturn(result));
        });
    }

    /**
     * A DEMONSTRATION_LESSON session becomes a lesson ({@link Lifecycle#fromSession}), in its classroom (claimed in the
     * classroom's timetable; taken by another lesson at that time, the lesson starts without one and says so). Other
     * sessions are not ours.
     */
    public Mono<Lesson> fromSession(SessionScheduled session) {
        Instant now = clock.instant();
        return Mono.justOrEmpty(Lifecycle.fromSession(session, now)).flatMap(wanted -> {
            // Only the first delivery claims the room: a redelivery must not take back a room the lesson has left since.
            Mono<String> room = session.classroom() == null ? Mono.just("")
                    : store.exists(wanted.id())
                            .flatMap(exists -> exists ? Mono.just(session.classroom())
                                    : classrooms.claim(wanted, now).thenReturn(session.classroom())
                                            .onErrorResume(ProblemException.class, clash -> Mono.just("")));
            return room.flatMap(classroom -> store.insertOnce(session,
                    Lifecycle.added(classroom.isEmpty() ? Lifecycle.withRoom(wanted, null) : wanted, now)));
        });
    }

    /** The lesson follows its session's new time; emits the moved lesson, or nothing if the move is old news. */
    public Mono<Lesson> move(SessionMoved moved) {
        String id = idOfSession(moved.sessionId());
        Instant now = clock.instant();
        return store.exists(id)
                .filter(Boolean::booleanValue)
                .flatMap(exists -> store.apply(id, lesson -> Lifecycle.move(lesson, moved, now)))
                .map(LessonProblems::orThrow)
                .filter(Boolean::booleanValue)
                .flatMap(done -> classrooms.move(id, new Interval(moved.startsAt(), moved.endsAt()))
                        .then(moved.host() == null ? Mono.empty()
                                : place(id, moved.venueId(), moved.host(), moved.classroom(), moved.seats())))
                .then(store.findIfAny(id));
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
            int newSeats = Lifecycle.seatsKept(current, wantedSeats);
            Lesson target = Lifecycle.withPlace(current, host, venueId, classroom, newSeats);
            boolean sameRoom = Objects.equals(current.classroom() == null ? null : Classrooms.key(current),
                    classroom == null ? null : Classrooms.key(target));
            Mono<Boolean> room = sameRoom || classroom == null ? Mono.just(true)
                    : classrooms.claim(target, now).thenReturn(true).onErrorResume(ProblemException.class, clash -> Mono.just(false));
            return room.flatMap(claimed -> {
                Lesson decided = claimed ? target
                        : Lifecycle.withPlace(current, current.hostSchool(), current.venueId(), current.classroom(), newSeats);
                boolean refused = !claimed || newSeats != wantedSeats;
                boolean changed = !Objects.equals(decided.hostSchool(), current.hostSchool())
                        || !Objects.equals(decided.venueId(), current.venueId())
                        || !Objects.equals(decided.classroom(), current.classroom()) || decided.seats() != current.seats();
                if (!changed && !refused) {
                    return Mono.<Void>empty();
                }
                return store.apply(lessonId, lesson -> Lifecycle.place(lesson, decided, now))
                        .map(LessonProblems::orThrow)
                        .flatMap(before -> (claimed && !sameRoom ? classrooms.release(before)
                                : Mono.<Void>empty()).then(promote(lessonId)))
                        .then();
            });
        });
    }

    /**
     * Cancels a lesson and every booking and waiting place in it, in one write with all their messages, and gives its
     * classroom back. Emits the lesson as it was before, so the caller can free its observers' schedules; nothing if
     * it was cancelled already or does not exist.
     */
    public Mono<Lesson> cancel(String lessonId, String reason) {
        Instant now = clock.instant();
        return store.exists(lessonId)
                .filter(Boolean::booleanValue)
                .flatMap(exists -> store.apply(lessonId, lesson -> Lifecycle.cancel(lesson, reason, now)))
                .map(LessonProblems::orThrow)
                .flatMap(Mono::justOrEmpty)
                .flatMap(before -> classrooms.release(before).thenReturn(before));
    }

    public Flux<Lesson> scheduledOf(String eventId) {
        return store.scheduledOf(eventId);
    }

    /** Lessons a delegate holds a seat or a waiting place in. */
    public Flux<Lesson> heldBy(String registrationId) {
        return store.heldBy(registrationId);
    }

    Mono<Page<LessonView>> list(String eventId, boolean withSeatsLeft, int page, int size) {
        return store.list(eventId, withSeatsLeft, page, size);
    }

    /**
     * Gives free seats to the waiting list, first come first served, one conditional write per promotion
     * (the seat must still be free and the delegate still first in line). Emits how many were promoted.
     */
    public Mono<Integer> promote(String lessonId) {
        Instant now = clock.instant();
        return store.apply(lessonId, lesson -> Lifecycle.promoteFirst(lesson, now))
                .map(LessonProblems::orThrow)
                .flatMap(promoted -> promoted == 0 ? Mono.just(0) : promote(lessonId).map(more -> more + 1))
                .defaultIfEmpty(0);
    }
}
