package io.hoithao.registrations.registration;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.units.UnitNameCopies;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
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
 * Reads registrations and writes them. Every write is one conditional update of one registration's document with
 * the change's messages, through the platform's {@link Publishing} ({@link #write}); a decided change ({@link Decision.Change}) matches only while the registration is still in
 * the status it was decided on, so of two concurrent changes one wins and the other finds nothing.
 */
@Component
public class RegistrationStore implements InitializingBean {

    static final String COLLECTION = "registrations";

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock = Clock.systemUTC();

    RegistrationStore(ReactiveMongoTemplate mongo, Publishing publishing) {
        this.mongo = mongo;
        this.publishing = publishing;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(Registration.class);
        indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).on("email", Sort.Direction.ASC)
                .unique().named("one_registration_per_email")).block();
        indexes.createIndex(new Index().on("confirmationCode", Sort.Direction.ASC)
                .unique().sparse().named("confirmation_code")).block();
        indexes.createIndex(new Index().on("idempotencyScope", Sort.Direction.ASC)
                .unique().sparse().named("idempotency_key_per_event")).block();
        indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("turn", Sort.Direction.ASC).named("waiting_list_turns")).block();
        indexes.createIndex(new Index().on("email", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("registrations_of_a_delegate")).block();
    }

    /**
     * Inserts a new registration whole, its messages in its outbox; the same email twice for one event (or an
     * Idempotency-Key's scope twice) is 409 {@code duplicate-registration}.
     */
    Mono<Registration> insert(Lifecycle.Registered registered) {
        Registration registration = registered.registration();
        return publishing.insert(registration, registered.messages(), COLLECTION)
                .onErrorMap(DuplicateKeyException.class, e -> RegistrationProblems.duplicate(registration));
    }

    /** Writes a decided change; empty when the registration is no longer in the status it was decided on. */
    Mono<Registration> apply(Decision.Change change) {
        Update update = new Update().set("status", change.to());
        change.fields().forEach(update::set);
        return write(Query.query(Criteria.where("_id").is(change.registrationId()).and("status").is(change.from())),
                update, change.messages(), clock.instant());
    }

    /**
     * Records the check-in of a delegate on a day (ISO), with the time of the day's first check-in and the
     * message: only while the registration's status checks in ({@link RegistrationStatus#checksIn}) and the day is
     * not recorded yet, so a second scan records nothing. Empty when the write did not match.
     */
    public Mono<Registration> recordCheckIn(String registrationId, String day, Instant at, IntegrationMessage message) {
        // the time goes with the day in the same conditional write, so the first scan's time is the one kept
        Query notYet = Query.query(Criteria.where("_id").is(registrationId)
                .and("status").in(RegistrationStatus.checkingIn()).and("checkIns").ne(day));
        return write(notYet, new Update().push("checkIns", day).set("checkedInAt." + day, at), List.of(message), at);
    }

    /** The one write of a registration: the change with its time and version, and its messages. */
    private Mono<Registration> write(Query guard, Update change, List<? extends IntegrationMessage> messages, Instant at) {
        return publishing.update(guard, change.set("updatedAt", at).inc("version", 1), messages, Registration.class);
    }

    /** The registration, or 404. */
    public Mono<Registration> find(String id) {
        return mongo.findById(id, Registration.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Registration", id)));
    }

    /** The registration, or nothing if there is none (for the service's own decisions). */
    Mono<Registration> findIfAny(String id) {
        return mongo.findById(id, Registration.class);
    }

    /** The registration with this confirmation code (any case, spaces, look-alike symbols), or 404. */
    public Mono<Registration> findByCode(String code) {
        String canonical = ConfirmationCodes.normalise(code);
        return mongo.findOne(Query.query(Criteria.where("confirmationCode").is(canonical)), Registration.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Confirmation code", canonical)));
    }

    /** The registration an Idempotency-Key's scope made, if any. */
    Mono<Registration> findByScope(String scope) {
        return mongo.findOne(Query.query(Criteria.where("idempotencyScope").is(scope)), Registration.class);
    }

    Mono<Page<RegistrationView>> list(String eventId, RegistrationStatus status, String unitId, int page, int size) {
        Criteria criteria = Criteria.where("eventId").is(eventId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (unitId != null && !unitId.isBlank()) {
            criteria = criteria.and("unitId").is(unitId.strip());
        }
        return page(criteria, page, size);
    }

    /** The registrations of one unit (by its id): what a unit's contact sees of an event. */
    Mono<Page<RegistrationView>> listOfUnit(String eventId, RegistrationStatus status, String unitId, int page, int size) {
        Criteria criteria = Criteria.where("eventId").is(eventId).and("unitId").is(unitId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return page(criteria, page, size);
    }

    private Mono<Page<RegistrationView>> page(Criteria criteria, int page, int size) {
        // The count has a query of its own: count(query) would honour the page's skip and limit.
        Mono<Long> total = mongo.count(Query.query(criteria), Registration.class);
        // In turn order: a waiting list reads as it will be promoted (registrations from before turns existed first).
        Query query = Query.query(criteria).with(Sort.by("turn", "createdAt", "_id")).skip((long) page * size).limit(size);
        return Page.of(mongo.find(query, Registration.class).map(RegistrationView::of), total, page, size);
    }

    /** The registrations made for this email address (a delegate's own), newest first, optionally of one event. */
    Mono<Page<RegistrationView>> mine(String email, String eventId, int page, int size) {
        Criteria criteria = Criteria.where("email").is(email.strip().toLowerCase(Locale.ROOT));
        if (eventId != null && !eventId.isBlank()) {
            criteria = criteria.and("eventId").is(eventId);
        }
        Mono<Long> total = mongo.count(Query.query(criteria), Registration.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return Page.of(mongo.find(query, Registration.class).map(RegistrationView::of), total, page, size);
    }

    /** An event's waiting registrations in the order they are promoted in (at most {@code limit}). */
    Flux<Registration> waiting(String eventId, int limit) {
        Query waiting = Query.query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.WAITLISTED))
                .with(Sort.by("turn", "createdAt", "_id")).limit(limit);
        return mongo.find(waiting, Registration.class);
    }

    /** An event's registrations that may still be cancelled. */
    Flux<Registration> cancellable(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status")
                .in(RegistrationStatus.cancellable())), Registration.class);
    }

    /** An event's confirmed registrations (its attendance). */
    public Flux<Registration> confirmed(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.CONFIRMED)),
                Registration.class);
    }

    /**
     * An event's registrations in these statuses without their outboxes, by unit, then in the order they registered
     * (as an event's documents list them).
     */
    public Flux<Registration> byUnit(String eventId, Collection<RegistrationStatus> statuses) {
        Query query = Query.query(Criteria.where("eventId").is(eventId).and("status").in(statuses))
                .with(Sort.by("unitKey", "createdAt", "_id"));
        query.fields().exclude("outbox");
        return mongo.find(query, Registration.class);
    }

    /** Registrations PENDING since before {@code before}: a seat decision a crash may have cut short. */
    Flux<Registration> stalePending(Instant before) {
        return mongo.find(Query.query(Criteria.where("status").is(RegistrationStatus.PENDING).and("updatedAt").lt(before)),
                Registration.class);
    }

    /** The registrations' copy of a unit's name follows the directory (a rename). */
    Mono<Void> followRename(String unitId, String officialName) {
        return new UnitNameCopies(Registration.class, "unitId", "unit").rename(mongo, unitId, officialName);
    }
}
