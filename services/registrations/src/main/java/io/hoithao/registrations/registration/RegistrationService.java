package io.hoithao.registrations.registration;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.registrations.event.OpenEvent;
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
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Registers delegates. The seat decision is one conditional update of the event's seat list that
 * succeeds only while registration is open and seats remain, so concurrent registrations can never
 * overbook; a registration that finds no seat goes on the waiting list.
 */
@Service
public class RegistrationService implements InitializingBean {

    static final String COLLECTION = "registrations";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock = Clock.systemUTC();

    RegistrationService(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Registration.class).createIndex(new Index().on("eventId", Sort.Direction.ASC)
                .on("email", Sort.Direction.ASC).unique().named("one_registration_per_email")).block();
        mongo.indexOps(Registration.class).createIndex(new Index().on("confirmationCode", Sort.Direction.ASC)
                .unique().sparse().named("confirmation_code")).block();
    }

    public Mono<Registration> register(RegistrationRequest request) {
        Instant now = clock.instant();
        return mongo.findById(request.eventId(), OpenEvent.class)
                .filter(event -> event.acceptsRegistrations(now))
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict("registration-not-open",
                        "Registration for event " + request.eventId() + " is not open").with("eventId", request.eventId())))
                .flatMap(event -> insertPending(request, now)
                        .flatMap(pending -> claimSeat(event.id(), pending.id())
                                .flatMap(claimed -> claimed
                                        ? settle(pending, RegistrationStatus.CONFIRMED, ConfirmationCodes.next())
                                        : settle(pending, RegistrationStatus.WAITLISTED, null))))
                .doOnNext(registration -> relay.relay(COLLECTION, registration.id()).subscribe());
    }

    public Mono<Registration> find(String id) {
        return mongo.findById(id, Registration.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Registration", id)));
    }

    public Mono<OpenEvent> event(String eventId) {
        return mongo.findById(eventId, OpenEvent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }

    private Mono<Registration> insertPending(RegistrationRequest request, Instant now) {
        Registration pending = new Registration(UUID.randomUUID().toString(), request.eventId(), request.fullName().strip(),
                request.email().strip().toLowerCase(Locale.ROOT), request.phone(), request.unit().strip(), request.position(),
                request.category(), request.note(), RegistrationStatus.PENDING, null, 0, now, now, List.of());
        return mongo.insert(pending)
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("duplicate-registration",
                        pending.email() + " is already registered for event " + pending.eventId()).with("email", pending.email()));
    }

    /** Takes a seat if one is left: the filter and the push are one atomic operation on the event document. */
    private Mono<Boolean> claimSeat(String eventId, String registrationId) {
        Query available = Query.query(Criteria.where("_id").is(eventId)
                .and("registrationOpen").is(true)
                .and("cancelled").is(false)
                .and("seatHolders").ne(registrationId)
                .andOperator(Criteria.expr(() -> new org.bson.Document("$lt",
                        List.of(new org.bson.Document("$size", "$seatHolders"), "$capacity")))));
        return mongo.findAndModify(available, new Update().push("seatHolders", registrationId),
                        FindAndModifyOptions.options().returnNew(true), OpenEvent.class)
                .map(event -> true)
                .defaultIfEmpty(false);
    }

    private Mono<Registration> settle(Registration pending, RegistrationStatus status, String code) {
        Instant now = clock.instant();
        IntegrationMessage message = status == RegistrationStatus.CONFIRMED
                ? new RegistrationConfirmed(UUID.randomUUID(), now, pending.eventId(), pending.id(), pending.email(),
                        pending.fullName(), pending.unit(), pending.category().name(), code)
                : new RegistrationWaitlisted(UUID.randomUUID(), now, pending.eventId(), pending.id(), pending.email(),
                        pending.fullName(), pending.unit(), pending.category().name());
        Update update = Outbox.append(new Update()
                .set("status", status)
                .set("confirmationCode", code)
                .set("updatedAt", now)
                .inc("version", 1), message);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(pending.id()).and("status").is(RegistrationStatus.PENDING)),
                update, FindAndModifyOptions.options().returnNew(true), Registration.class);
    }
}
