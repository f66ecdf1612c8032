package io.hoithao.registrations.registration;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationPendingApproval;
import io.hoithao.contracts.registrations.RegistrationPromoted;
import io.hoithao.contracts.registrations.RegistrationRejected;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.EventProjection;
import io.hoithao.registrations.event.OpenEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers delegates and moves registrations through their life. Every change is one conditional
 * update of one document with its messages in that document's outbox; the seat decision is one
 * conditional update of the event's document ({@link Seats}). A registration is written PENDING before
 * its seat is claimed and settled after, so a crash in between leaves a state {@link RegistrationRepair}
 * can finish: the seat list says whether the claim happened.
 */
@Service
public class RegistrationService implements InitializingBean {

    static final String COLLECTION = "registrations";
    static final String NOT_OPEN = "registration-not-open";
    static final String DUPLICATE = "duplicate-registration";
    static final String KEY_REUSED = "idempotency-key-reused";
    static final String INVALID_TRANSITION = "invalid-transition";

    private static final int PROMOTION_BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Seats seats;
    private final EventProjection events;
    private final Clock clock = Clock.systemUTC();

    RegistrationService(ReactiveMongoTemplate mongo, OutboxRelay relay, Seats seats, EventProjection events) {
        this.mongo = mongo;
        this.relay = relay;
        this.seats = seats;
        this.events = events;
    }

    /** A registration as a POST answers it; {@code replayed} when an earlier request with the same Idempotency-Key made it. */
    public record Outcome(Registration registration, boolean replayed) {
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
     * Registers a delegate. {@code requester} is who asks (the token's subject): an Idempotency-Key is the
     * requester's own, so the same key sent by someone else is a new request, never a replay of theirs.
     */
    public Mono<Outcome> register(RegistrationRequest request, String idempotencyKey, String requester) {
        String scope = idempotencyKey == null ? null : idempotencyScope(request.eventId(), requester, idempotencyKey);
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        Mono<Outcome> fresh = Mono.defer(() -> registerNew(request, email, scope)).map(r -> new Outcome(r, false));
        if (scope == null) {
            return fresh;
        }
        return replay(scope, email)
                .switchIfEmpty(fresh)
                // two retries of one request racing each other: the loser answers what the winner made
                .onErrorResume(ProblemException.class, e -> DUPLICATE.equals(typeOf(e))
                        ? replay(scope, email).switchIfEmpty(Mono.error(e))
                        : Mono.error(e));
    }

    /**
     * The unique scope of an Idempotency-Key: the event, the requester and the key. The event and the requester
     * are URL-encoded, so neither holds the separator and no two (event, requester, key) share a scope.
     */
    static String idempotencyScope(String eventId, String requester, String key) {
        return URLEncoder.encode(eventId, StandardCharsets.UTF_8) + "|"
                + URLEncoder.encode(requester == null ? "" : requester, StandardCharsets.UTF_8) + "|" + key;
    }

    private Mono<Outcome> replay(String scope, String email) {
        return mongo.findOne(Query.query(Criteria.where("idempotencyScope").is(scope)), Registration.class)
                .map(existing -> {
                    if (!existing.email().equals(email)) {
                        throw new ProblemException(HttpStatus.valueOf(422), KEY_REUSED, "Idempotency key reused",
                                "This Idempotency-Key was already used for another registration of this event");
                    }
                    return new Outcome(existing, true);
                });
    }

    private Mono<Registration> registerNew(RegistrationRequest request, String email, String scope) {
        Instant now = clock.instant();
        return events.findPolicy(request.eventId())
                .filter(event -> event.acceptsRegistrations(now))
                .switchIfEmpty(Mono.error(() -> notOpen(request.eventId())))
                .flatMap(event -> {
                    Registration registration = newRegistration(request, email, scope, now,
                            event.approvalRequired() ? RegistrationStatus.AWAITING_APPROVAL : RegistrationStatus.PENDING);
                    if (event.approvalRequired()) {
                        // No seat is decided yet, so the registration is written whole with its message.
                        Registration awaiting = withOutbox(registration, new RegistrationPendingApproval(UUID.randomUUID(),
                                now, registration.eventId(), registration.id(), registration.email(),
                                registration.fullName(), registration.unit(), registration.category().name()));
                        return insert(awaiting).doOnNext(this::publish);
                    }
                    return insert(registration).flatMap(this::decide);
                });
    }

    static ProblemException notOpen(String eventId) {
        return ProblemException.conflict(NOT_OPEN, "Registration for event " + eventId + " is not open")
                .with("eventId", eventId);
    }

    private static Registration newRegistration(RegistrationRequest request, String email, String scope, Instant now,
                                                RegistrationStatus status) {
        // the unit is the directory's (RegistrationAccess decided which); its name is a copy for display
        return new Registration(UUID.randomUUID().toString(), request.eventId(), nfc(request.fullName()), email,
                PhoneNumbers.normalise(request.phone()), nfc(request.unit()), request.unitId(), blankToNull(nfc(request.position())),
                request.category(), blankToNull(request.note() == null ? null : request.note().strip()), status, null, scope,
                null, List.of(), 0, now, now, List.of(), null, null);
    }

    private static Registration withOutbox(Registration r, IntegrationMessage message) {
        return new Registration(r.id(), r.eventId(), r.fullName(), r.email(), r.phone(), r.unit(), r.unitId(), r.position(),
                r.category(), r.note(), r.status(), r.confirmationCode(), r.idempotencyScope(), r.reason(), r.checkIns(),
                r.version(), r.createdAt(), r.updatedAt(), Outbox.entries(List.of(message)), r.turn(), r.checkedInAt());
    }

    private Mono<Registration> insert(Registration registration) {
        return mongo.insert(registration)
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict(DUPLICATE,
                        registration.email() + " is already registered for event " + registration.eventId())
                        .with("email", registration.email()));
    }

    /**
     * Decides the seat of a PENDING registration: the claim succeeds (or already happened, before a crash)
     * → CONFIRMED; no seat for the event or the unit → WAITLISTED.
     */
    Mono<Registration> decide(Registration pending) {
        return seats.claimInTurn(pending.eventId(), pending.id(), pending.unitId())
                .flatMap(decision -> (decision.claimed() ? Mono.just(true) : holdsSeat(pending))
                        .flatMap(holds -> holds ? settleConfirmed(pending, decision.turn())
                                : settleWaitlisted(pending, decision.turn())))
                .switchIfEmpty(Mono.defer(() -> mongo.findById(pending.id(), Registration.class)));
    }

    Mono<Boolean> holdsSeat(Registration registration) {
        return mongo.exists(Query.query(Criteria.where("_id").is(registration.eventId())
                .and("seatHolders").is(registration.id())), OpenEvent.class);
    }

    Mono<Registration> settleConfirmed(Registration pending, long turn) {
        Instant now = clock.instant();
        String code = ConfirmationCodes.next();
        return transition(pending.id(), RegistrationStatus.PENDING, new Update()
                        .set("status", RegistrationStatus.CONFIRMED).set("confirmationCode", code).set("turn", turn),
                new RegistrationConfirmed(UUID.randomUUID(), now, pending.eventId(), pending.id(), pending.email(),
                        pending.fullName(), pending.unit(), pending.category().name(), code));
    }

    private Mono<Registration> settleWaitlisted(Registration pending, long turn) {
        return transition(pending.id(), RegistrationStatus.PENDING, new Update().set("status", RegistrationStatus.WAITLISTED)
                        .set("turn", turn),
                new RegistrationWaitlisted(UUID.randomUUID(), clock.instant(), pending.eventId(), pending.id(),
                        pending.email(), pending.fullName(), pending.unit(), pending.category().name()));
    }

    /** How the promotion of a waiting-list registration that holds a seat ended. */
    enum Promotion {
        /** This call's write made it CONFIRMED. */
        PROMOTED,
        /** A concurrent write (another promotion, the repair sweep) confirmed it first: the seat stays its own. */
        KEPT,
        /** It was cancelled meanwhile: the seat went back. */
        RELEASED
    }

    /**
     * Finishes the promotion of a waiting-list registration that holds a seat. The waiting list's promotion and
     * the repair sweep both end a promotion here, so they cannot disagree: the conditional write WAITLISTED →
     * CONFIRMED decides who promotes, and a caller whose write did not match never concludes from its own
     * failure that the seat is unwanted (a concurrent promotion may have won). It reads the registration again
     * and gives the seat back only if the registration is cancelled, rejected or gone; those states are final,
     * so what it read cannot change before the release.
     */
    Mono<Promotion> finishPromotion(Registration waiting) {
        return settlePromoted(waiting).map(promoted -> Promotion.PROMOTED)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(waiting.id(), Registration.class)
                        .map(Registration::status)
                        .defaultIfEmpty(RegistrationStatus.CANCELLED)
                        .flatMap(status -> status == RegistrationStatus.CANCELLED || status == RegistrationStatus.REJECTED
                                ? seats.release(waiting.eventId(), waiting.id(), waiting.unitId()).thenReturn(Promotion.RELEASED)
                                : Mono.just(Promotion.KEPT))));
    }

    /** A waiting-list registration that now holds a seat becomes CONFIRMED with its code. */
    private Mono<Registration> settlePromoted(Registration waiting) {
        String code = ConfirmationCodes.next();
        return transition(waiting.id(), RegistrationStatus.WAITLISTED, new Update()
                        .set("status", RegistrationStatus.CONFIRMED).set("confirmationCode", code),
                new RegistrationPromoted(UUID.randomUUID(), clock.instant(), waiting.eventId(), waiting.id(),
                        waiting.email(), waiting.fullName(), waiting.unit(), waiting.category().name(), code));
    }

    /** One conditional write: only from the expected status, with the change's message in the outbox. */
    private Mono<Registration> transition(String id, RegistrationStatus from, Update change, IntegrationMessage message) {
        Update update = Outbox.append(change.set("updatedAt", clock.instant()).inc("version", 1), message);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(from)), update,
                        FindAndModifyOptions.options().returnNew(true), Registration.class)
                .doOnNext(this::publish);
    }

    private void publish(Registration registration) {
        relay.relay(COLLECTION, registration.id()).subscribe();
    }

    public Mono<Registration> find(String id) {
        return mongo.findById(id, Registration.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Registration", id)));
    }

    public Mono<Registration> findByCode(String code) {
        String canonical = ConfirmationCodes.normalise(code);
        return mongo.findOne(Query.query(Criteria.where("confirmationCode").is(canonical)), Registration.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Confirmation code", canonical)));
    }

    public Mono<Page<RegistrationView>> list(String eventId, RegistrationStatus status, String unitId, int page, int size) {
        Criteria criteria = Criteria.where("eventId").is(eventId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (unitId != null && !unitId.isBlank()) {
            criteria = criteria.and("unitId").is(unitId.strip());
        }
        return page(criteria, page, size);
    }

    /** The registrations' copy of a unit's name follows the directory (a rename). */
    public Mono<Void> followRename(String unitId, String officialName) {
        return mongo.updateMulti(Query.query(Criteria.where("unitId").is(unitId).and("unit").ne(officialName)),
                new Update().set("unit", officialName), Registration.class).then();
    }

    /** The registrations of one unit (by its id): what a unit's contact sees of an event. */
    public Mono<Page<RegistrationView>> listOfUnit(String eventId, RegistrationStatus status, String unitId, int page, int size) {
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
    public Mono<Page<RegistrationView>> mine(String email, String eventId, int page, int size) {
        Criteria criteria = Criteria.where("email").is(email.strip().toLowerCase(Locale.ROOT));
        if (eventId != null && !eventId.isBlank()) {
            criteria = criteria.and("eventId").is(eventId);
        }
        Mono<Long> total = mongo.count(Query.query(criteria), Registration.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return Page.of(mongo.find(query, Registration.class).map(RegistrationView::of), total, page, size);
    }

    /**
     * Cancels a registration (idempotent: cancelling a cancelled one answers it unchanged). A seat it held
     * goes back and the waiting list moves up.
     */
    public Mono<Registration> cancel(String id, String reason) {
        return find(id).flatMap(current -> cancel(current, reason, 3));
    }

    private Mono<Registration> cancel(Registration current, String reason, int attempts) {
        if (current.status() == RegistrationStatus.CANCELLED) {
            return Mono.just(current);
        }
        if (current.status() == RegistrationStatus.REJECTED) {
            throw invalid(current, RegistrationStatus.CANCELLED);
        }
        boolean wasConfirmed = current.status() == RegistrationStatus.CONFIRMED;
        return transition(current.id(), current.status(), new Update().set("status", RegistrationStatus.CANCELLED)
                                .set("reason", reason),
                        new RegistrationCancelled(UUID.randomUUID(), clock.instant(), current.eventId(), current.id(),
                                current.email(), reason, wasConfirmed))
                .flatMap(cancelled -> freeSeat(cancelled).thenReturn(cancelled))
                // the status changed under us (promoted, confirmed...): cancel from the new status
                .switchIfEmpty(Mono.defer(() -> attempts <= 1
                        ? Mono.error(new ProblemException(HttpStatus.CONFLICT, "concurrent-modification", "Conflict",
                                "The registration changed while it was being cancelled; retry"))
                        : find(current.id()).flatMap(fresh -> cancel(fresh, reason, attempts - 1))));
    }

    /** Releases whatever seat a registration that no longer needs one holds, then promotes from the waiting list. */
    Mono<Void> freeSeat(Registration registration) {
        return seats.release(registration.eventId(), registration.id(), registration.unitId())
                .flatMap(released -> released ? promote(registration.eventId()).then() : Mono.empty());
    }

    public Mono<Registration> approve(String id) {
        return find(id).flatMap(current -> {
            if (current.status() != RegistrationStatus.AWAITING_APPROVAL) {
                return current.status() == RegistrationStatus.CONFIRMED || current.status() == RegistrationStatus.WAITLISTED
                        ? Mono.just(current) // approved before: approving again changes nothing
                        : Mono.error(invalid(current, RegistrationStatus.CONFIRMED));
            }
            // Approved → PENDING first: from there the seat decision (and its repair after a crash) is the usual one.
            return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").is(RegistrationStatus.AWAITING_APPROVAL)),
                            new Update().set("status", RegistrationStatus.PENDING).set("updatedAt", clock.instant()).inc("version", 1),
                            FindAndModifyOptions.options().returnNew(true), Registration.class)
                    .flatMap(this::decide)
                    .switchIfEmpty(Mono.defer(() -> find(id)));
        });
    }

    public Mono<Registration> reject(String id, String reason) {
        return find(id).flatMap(current -> {
            if (current.status() == RegistrationStatus.REJECTED) {
                return Mono.just(current);
            }
            if (current.status() != RegistrationStatus.AWAITING_APPROVAL) {
                return Mono.error(invalid(current, RegistrationStatus.REJECTED));
            }
            return transition(id, RegistrationStatus.AWAITING_APPROVAL,
                    new Update().set("status", RegistrationStatus.REJECTED).set("reason", reason),
                    new RegistrationRejected(UUID.randomUUID(), clock.instant(), current.eventId(), id, current.email(), reason))
                    .switchIfEmpty(Mono.defer(() -> find(id)));
        });
    }

    private static ProblemException invalid(Registration current, RegistrationStatus requested) {
        return ProblemException.conflict(INVALID_TRANSITION, "Registration " + current.id() + " is " + current.status()
                        + "; it cannot become " + requested)
                .with("currentState", current.status().name()).with("requestedState", requested.name());
    }

    /**
     * Gives free seats to the waiting list in turn order (the order of the first seat decisions, see
     * {@link Seats#claimInTurn}; registrations from before turns existed come first, by creation). A candidate whose unit is at its quota
     * is skipped (the next one, from another unit, may fit); it stops when the event has no seat left.
     * Emits how many were promoted.
     */
    public Mono<Long> promote(String eventId) {
        Query waiting = Query.query(Criteria.where("eventId").is(eventId).and("status").is(RegistrationStatus.WAITLISTED))
                .with(Sort.by("turn", "createdAt", "_id")).limit(PROMOTION_BATCH);
        return mongo.find(waiting, Registration.class)
                .concatMap(candidate -> seats.claim(eventId, candidate.id(), candidate.unitId())
                        .flatMap(claimed -> claimed
                                ? finishPromotion(candidate).map(end -> end == Promotion.PROMOTED ? Step.PROMOTED : Step.SKIPPED)
                                : seats.full(eventId).map(full -> full ? Step.STOP : Step.SKIPPED)))
                .takeUntil(step -> step == Step.STOP)
                .filter(step -> step == Step.PROMOTED)
                .count();
    }

    private enum Step { PROMOTED, SKIPPED, STOP }

    /** Cancels every registration of a cancelled event and tells each one; safe to run again. */
    public Mono<Long> cancelAll(String eventId, String reason) {
        Query active = Query.query(Criteria.where("eventId").is(eventId).and("status").in(
                RegistrationStatus.PENDING, RegistrationStatus.AWAITING_APPROVAL, RegistrationStatus.CONFIRMED,
                RegistrationStatus.WAITLISTED));
        String why = reason == null ? "The event was cancelled" : "The event was cancelled: " + reason;
        return mongo.find(active, Registration.class)
                .concatMap(registration -> transition(registration.id(), registration.status(),
                        new Update().set("status", RegistrationStatus.CANCELLED).set("reason", why),
                        new RegistrationCancelled(UUID.randomUUID(), clock.instant(), eventId, registration.id(),
                                registration.email(), why, registration.status() == RegistrationStatus.CONFIRMED))
                        .flatMap(cancelled -> seats.release(eventId, cancelled.id(), cancelled.unitId()).thenReturn(cancelled)))
                .count();
    }

    Flux<Registration> stalePending(Instant before) {
        return mongo.find(Query.query(Criteria.where("status").is(RegistrationStatus.PENDING).and("updatedAt").lt(before)),
                Registration.class);
    }

    private static String typeOf(ProblemException e) {
        String type = e.type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
