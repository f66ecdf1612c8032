package io.hoithao.observations.lesson;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.observations.event.ObservedEvent;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads lessons and writes them. A decided change ({@link #apply}) is one conditional write: read the lesson,
 * decide, then write only if the lesson is still as read (its {@code version}, or a decision's own {@link
 * Decision.Guard}), with the change's messages in the same update through the platform's {@link Publishing};
 * decide again on a fresh read when someone else changed it first. The messages carry exact figures (seats left,
 * revision) because the decision was taken on exactly the state the write replaces.
 */
@Component
public class LessonStore implements InitializingBean {

    private static final int ATTEMPTS = 60;

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    LessonStore(ReactiveMongoTemplate mongo, Publishing publishing) {
        this.mongo = mongo;
        this.publishing = publishing;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Lesson.class).createIndex(new Index().on("eventId", Sort.Direction.ASC).on("startsAt", Sort.Direction.ASC)
                .named("event_time")).block();
        mongo.indexOps(Lesson.class).createIndex(new Index().on("bookings.registrationId", Sort.Direction.ASC)
                .named("booked_by")).block();
    }

    /** The lesson, or 404. */
    public Mono<Lesson> find(String lessonId) {
        return mongo.findById(lessonId, Lesson.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Lesson", lessonId)));
    }

    /** The lesson, or nothing if there is none (for the service's own decisions). */
    Mono<Lesson> findIfAny(String lessonId) {
        return mongo.findById(lessonId, Lesson.class);
    }

    Mono<Boolean> exists(String lessonId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(lessonId)), Lesson.class);
    }

    /**
     * Has {@code decide} decide on the current lesson and writes a decided change as one conditional update: its
     * status (only along {@link LessonStatus#canBecome}, which {@link Decision.Change} holds to), its fields (a null
     * one removed), what it removes from and appends to its lists, {@code updatedAt} and {@code version + 1}, with
     * its messages. A lesson that changed meanwhile is read and decided on again; one that keeps changing is
     * refused ({@link Decision.KeptChanging}). Nothing to write, or a refusal, is answered as it is.
     */
    public <R> Mono<Decision.Result<R>> apply(String lessonId, Function<Lesson, Decision<R>> decide) {
        return attempt(lessonId, decide, ATTEMPTS);
    }

    private <R> Mono<Decision.Result<R>> attempt(String lessonId, Function<Lesson, Decision<R>> decide, int attemptsLeft) {
        return find(lessonId).flatMap(lesson -> {
            Decision<R> decision = decide.apply(lesson);
            if (decision instanceof Decision.Done<R> done) {
                return Mono.just(done);
            }
            if (decision instanceof Decision.Refused<R> refused) {
                return Mono.just(refused);
            }
            Decision.Change<R> change = (Decision.Change<R>) decision;
            return publishing.update(Query.query(guard(lesson, change.guard())), update(change), change.messages(), Lesson.class)
                    .<Decision.Result<R>>map(written -> new Decision.Done<>(change.result()))
                    .switchIfEmpty(Mono.defer(() -> {
                        if (attemptsLeft <= 1) {
                            return Mono.just(new Decision.Refused<>(new Decision.KeptChanging(lessonId)));
                        }
                        // Someone changed the lesson between our read and our write: decide again on its new state.
                        Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5 + 2 * (ATTEMPTS - attemptsLeft)));
                        return Mono.delay(pause).then(attempt(lessonId, decide, attemptsLeft - 1));
                    }));
        });
    }

    private static Criteria guard(Lesson read, Decision.Guard guard) {
        Criteria lesson = Criteria.where("_id").is(read.id());
        if (guard instanceof Decision.Guard.SeatFreeFor seat) {
            // The version makes the message's figures exact; the seat condition is spelled out as well.
            return lesson.andOperator(notHeld(read, seat.registrationId()).and("version").is(read.version())
                    .andOperator(Criteria.expr(() -> new Document("$lt", List.of(new Document("$size", "$bookings"), "$seats")))));
        }
        if (guard instanceof Decision.Guard.StillFullFor full) {
            return lesson.andOperator(notHeld(read, full.registrationId()).andOperator(Criteria.expr(() ->
                    new Document("$gte", List.of(new Document("$size", "$bookings"), "$seats")))));
        }
        return lesson.and("version").is(read.version());
    }

    private static Criteria notHeld(Lesson read, String registrationId) {
        return Criteria.where("status").is(read.status())
                .and("bookings.registrationId").ne(registrationId)
                .and("waitlist.registrationId").ne(registrationId);
    }

    private Update update(Decision.Change<?> change) {
        Update update = new Update();
        if (change.to() != null) {
            update.set("status", change.to());
        }
        change.fields().forEach((field, value) -> {
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        });
        change.removed().forEach((list, registrationId) -> update.pull(list, new Document("registrationId", registrationId)));
        change.appended().forEach(update::push);
        return update.inc("version", 1).set("updatedAt", clock.instant());
    }

    /** Inserts a new lesson whole, with its messages. */
    Mono<Lesson> insert(Lifecycle.Added added) {
        return publishing.insert(added.lesson(), added.messages());
    }

    /**
     * Inserts the lesson a consumed message makes, at most once: a redelivery, or a lesson that exists already,
     * keeps the lesson as it is (only what a new one starts with is written, none of what has changed since).
     */
    Mono<Lesson> insertOnce(IntegrationMessage consumed, Lifecycle.Added added) {
        Lesson lesson = added.lesson();
        Update update = new Update()
                .setOnInsert("eventId", lesson.eventId()).setOnInsert("sessionId", lesson.sessionId())
                .setOnInsert("title", lesson.title()).setOnInsert("hostSchool", lesson.hostSchool())
                .setOnInsert("venueId", lesson.venueId())
                .setOnInsert("startsAt", lesson.startsAt()).setOnInsert("endsAt", lesson.endsAt())
                .setOnInsert("seats", lesson.seats()).setOnInsert("status", lesson.status())
                .setOnInsert("bookings", List.of()).setOnInsert("waitlist", List.of())
                .setOnInsert("version", 0L).setOnInsert("sessionRevision", lesson.sessionRevision())
                .setOnInsert("createdAt", lesson.createdAt()).setOnInsert("updatedAt", lesson.updatedAt());
        if (lesson.classroom() != null) {
            update.setOnInsert("classroom", lesson.classroom());
        }
        return publishing.applyOnce(consumed, lesson.id(), update, added.messages(), Lesson.class);
    }

    /** Whether the event is known here as cancelled. */
    Mono<Boolean> eventCancelled(String eventId) {
        return mongo.findById(eventId, ObservedEvent.class).map(ObservedEvent::cancelled).defaultIfEmpty(false);
    }

    /**
     * The venue of a lesson of the same event from the programme at the school typed (same name, folded), if any.
     * Only this event's own lessons are asked, so a name typed in one event never reaches the rooms of another.
     */
    Mono<String> venueOf(String eventId, String hostSchool) {
        String folded = Units.fold(hostSchool);
        Query programmed = Query.query(Criteria.where("eventId").is(eventId).and("venueId").ne(null)).with(Sort.by("createdAt", "_id"));
        programmed.fields().include("hostSchool").include("venueId");
        return mongo.find(programmed, Document.class, Lesson.COLLECTION)
                .filter(d -> folded.equals(Units.fold(d.getString("hostSchool"))))
                .map(d -> d.getString("venueId"))
                .next();
    }

    /** Marks whether these booked observers attended; emits how many seats changed. */
    public Mono<Long> attended(String lessonId, List<String> registrationIds, boolean attended) {
        return Flux.fromIterable(registrationIds)
                .concatMap(r -> mongo.updateFirst(Query.query(Criteria.where("_id").is(lessonId).and("bookings.registrationId").is(r)),
                        new Update().set("bookings.$.attended", attended), Lesson.class))
                .map(result -> result.getModifiedCount())
                .reduce(0L, Long::sum);
    }

    Flux<Lesson> scheduledOf(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status").is(LessonStatus.SCHEDULED))
                .with(Sort.by("startsAt", "_id")), Lesson.class);
    }

    Flux<Lesson> heldBy(String registrationId) {
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
}
