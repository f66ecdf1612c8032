package io.hoithao.events.schedule;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatBooked;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRejected;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.events.live.ProgrammeChange;
import io.hoithao.events.live.ProgrammeChanges;
import io.hoithao.platform.messaging.Idempotency;
import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps what the other services tell about an event, for its programme view: one document per
 * registration, demonstration lesson and paper. Each message is applied by one guarded upsert that
 * matches only if the message is new ({@link Idempotency}) and newer than what the document holds:
 * <ul>
 *   <li>a registration's or paper's state only moves forward (waitlisted → confirmed → cancelled;
 *       accepted → scheduled, by revision → rejected or withdrawn), ranked by a {@code precedence};</li>
 *   <li>a lesson's seats left come from the booking or release with the highest lesson revision; until
 *       one arrives, from the latest announced seat count (nobody booked yet). A lesson known only from a
 *       booking has no seat count, and shows none.</li>
 * </ul>
 * A duplicate or a stale message makes the filter miss an existing document; the upsert then collides
 * with its {@code _id} and is dropped, so messages may arrive twice or in any order.
 */
@Component
class ProgrammeProjections {

    static final String REGISTRATIONS = "programme_registrations";
    static final String LESSONS = "programme_lessons";
    static final String PAPERS = "programme_papers";

    /** Papers' ranks leave room below each for the revision of the message that set them. */
    private static final long RANK = 1L << 40;

    private final ReactiveMongoTemplate mongo;
    private final ProgrammeChanges changes;
    private final Clock clock;

    ProgrammeProjections(ReactiveMongoTemplate mongo, ProgrammeChanges changes, Clock clock) {
        this.mongo = mongo;
        this.changes = changes;
        this.clock = clock;
    }

    // Each of the following applies one message, and announces the change to the programme's live viewers.

    Mono<?> waitlisted(RegistrationWaitlisted m) {
        return announced(m, registration(m, m.registrationId(), "WAITLISTED", 1));
    }

    Mono<?> confirmed(RegistrationConfirmed m) {
        return announced(m, registration(m, m.registrationId(), "CONFIRMED", 2));
    }

    Mono<?> promoted(RegistrationPromoted m) {
        return announced(m, registration(m, m.registrationId(), "CONFIRMED", 2));
    }

    Mono<?> cancelled(RegistrationCancelled m) {
        return announced(m, registration(m, m.registrationId(), "CANCELLED", 3));
    }

    Mono<?> lessonScheduled(LessonScheduled m) {
        return announced(m, lesson(m));
    }

    Mono<?> seatBooked(SeatBooked m) {
        return announced(m, seats(m, m.lessonId(), m.seatsLeft(), m.revision()));
    }

    Mono<?> seatReleased(SeatReleased m) {
        return announced(m, seats(m, m.lessonId(), m.seatsLeft(), m.revision()));
    }

    Mono<?> lessonMoved(LessonMoved m) {
        return announced(m, lessonChange(m, m.lessonId(), m.revision(),
                new Update().set("startsAt", m.startsAt()).set("endsAt", m.endsAt())));
    }

    Mono<?> lessonCancelled(LessonCancelled m) {
        return announced(m, lessonChange(m, m.lessonId(), m.revision(),
                new Update().set("scheduled", false).set("cancelled", true)));
    }

    Mono<?> paperAccepted(PaperAccepted m) {
        return announced(m, paper(m, m.paperId(), RANK, new Update().set("status", "ACCEPTED")
                .set("title", m.title()).set("unit", m.unit()).set("presenters", m.presenters())));
    }

    Mono<?> paperScheduled(PaperScheduled m) {
        return announced(m, paper(m, m.paperId(), 2 * RANK + m.revision(), new Update().set("status", "SCHEDULED")
                .set("title", m.title()).set("unit", m.unit()).set("presenters", m.presenters())
                .set("sessionId", m.sessionId()).set("position", m.position()).set("minutes", m.minutes())));
    }

    Mono<?> paperUnscheduled(PaperUnscheduled m) {
        // Back to accepted and unplaced; it competes with placements by the programme's revision.
        return announced(m, paper(m, m.paperId(), 2 * RANK + m.revision(), new Update().set("status", "ACCEPTED")
                .unset("sessionId").unset("position").unset("minutes")));
    }

    Mono<?> paperRejected(PaperRejected m) {
        return announced(m, paper(m, m.paperId(), 3 * RANK, new Update().set("status", "REJECTED")));
    }

    Mono<?> paperWithdrawn(PaperWithdrawn m) {
        return announced(m, paper(m, m.paperId(), 3 * RANK, new Update().set("status", "WITHDRAWN")));
    }

    private Mono<?> announced(IntegrationMessage message, Mono<Document> applied) {
        return applied.doOnNext(document -> changes.announce(new ProgrammeChange(message.eventId(),
                message.getClass().getSimpleName(), String.valueOf(document.get("_id")), clock.instant())));
    }

    private Mono<Document> registration(IntegrationMessage message, String registrationId, String status, int precedence) {
        return guardedUpsert(REGISTRATIONS, Criteria.where("_id").is(registrationId).and("precedence").lt(precedence),
                message, new Update().set("eventId", message.eventId()).set("status", status).set("precedence", precedence));
    }

    private Mono<Document> lesson(LessonScheduled m) {
        Update update = new Update()
                .set("eventId", m.eventId())
                .set("scheduled", true)
                .set("sessionId", m.sessionId())
                .set("title", m.title())
                .set("classroom", m.classroom())
                .set("startsAt", m.startsAt())
                .set("endsAt", m.endsAt())
                .set("seats", m.seats())
                // Bookings that arrived first already set the seats left; the initial count is only a default.
                .setOnInsert("seatsLeft", m.seats())
                .setOnInsert("seatsRevision", -1L);
        // A lesson announced again (its seats changed in the observations service) that no booking or release
        // has told about still has all its seats left: the view follows the new count instead of keeping the old.
        return guardedUpsert(LESSONS, Criteria.where("_id").is(m.lessonId()), m, update)
                .flatMap(document -> mongo.updateFirst(Query.query(Criteria.where("_id").is(m.lessonId())
                                        .and("seatsRevision").is(-1L)), new Update().set("seatsLeft", m.seats()), LESSONS)
                        .thenReturn(document));
    }

    private Mono<Document> seats(IntegrationMessage message, String lessonId, int seatsLeft, long revision) {
        Update update = new Update()
                .set("eventId", message.eventId())
                .set("seatsLeft", seatsLeft)
                .set("seatsRevision", revision)
                .setOnInsert("scheduled", false);
        return guardedUpsert(LESSONS, Criteria.where("_id").is(lessonId).and("seatsRevision").lt(revision), message, update);
    }

    /** A change of a lesson itself (times, cancellation), kept only if newer than the last one applied. */
    private Mono<Document> lessonChange(IntegrationMessage message, String lessonId, long revision, Update update) {
        Criteria newer = Criteria.where("_id").is(lessonId)
                .orOperator(Criteria.where("lessonRevision").lt(revision), Criteria.where("lessonRevision").exists(false));
        return guardedUpsert(LESSONS, newer, message, update.set("eventId", message.eventId()).set("lessonRevision", revision));
    }

    private Mono<Document> paper(IntegrationMessage message, String paperId, long precedence, Update update) {
        return guardedUpsert(PAPERS, Criteria.where("_id").is(paperId).and("precedence").lt(precedence), message,
                update.set("eventId", message.eventId()).set("precedence", precedence));
    }

    private Mono<Document> guardedUpsert(String collection, Criteria criteria, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, Document.class, collection, criteria, message, update);
    }
}
