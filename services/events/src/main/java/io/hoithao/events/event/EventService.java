package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creates events and moves them through their lifecycle. Every change is one conditional write of
 * the event's document, guarded by the version read, that also appends the change's messages to
 * the document's outbox; a concurrent change makes the guard fail and the command is re-evaluated.
 */
@Service
public class EventService {

    static final String COLLECTION = "events";
    static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    EventService(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = Clock.systemUTC();
    }

    public Mono<Event> create(CreateEvent request) {
        if (request.endDate().isBefore(request.startDate())) {
            return Mono.error(ProblemException.invalidField("endDate", "must not be before startDate"));
        }
        String zone = request.timeZone() == null || request.timeZone().isBlank() ? DEFAULT_ZONE : request.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            return Mono.error(ProblemException.invalidField("timeZone", "must be a time zone id such as " + DEFAULT_ZONE));
        }
        Instant now = clock.instant();
        Event event = new Event(UUID.randomUUID().toString(), request.title().strip(), request.description(),
                request.kind(), request.level(), request.organiserUnit().strip(), request.startDate(), request.endDate(),
                zone, request.capacity(), null, EventStatus.DRAFT, 0, now, now, List.of());
        return mongo.insert(event);
    }

    public Mono<Event> find(String id) {
        return mongo.findById(id, Event.class).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", id)));
    }

    public Flux<Event> list(EventStatus status, int page, int size) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.find(query.with(PageRequest.of(page, size, Sort.by("startDate", "_id"))), Event.class);
    }

    public Mono<Long> count(EventStatus status) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.count(query, Event.class);
    }

    public Mono<Event> publish(String id) {
        return transition(id, EventStatus.PUBLISHED, Update::new, event -> List.of(new EventPublished(
                UUID.randomUUID(), clock.instant(), event.id(), event.title(), event.kind().name(), event.level().name(),
                event.organiserUnit(), event.startDate(), event.endDate(), event.timeZone(), event.capacity())));
    }

    public Mono<Event> openRegistration(String id, Instant closesAt) {
        if (closesAt != null && !closesAt.isAfter(clock.instant())) {
            return Mono.error(ProblemException.invalidField("closesAt", "must be in the future"));
        }
        return transition(id, EventStatus.REGISTRATION_OPEN, () -> new Update().set("registrationClosesAt", closesAt),
                event -> List.of(new RegistrationOpened(UUID.randomUUID(), clock.instant(), event.id(), event.title(),
                        event.capacity(), closesAt)));
    }

    public Mono<Event> closeRegistration(String id) {
        return transition(id, EventStatus.REGISTRATION_CLOSED, Update::new,
                event -> List.of(new RegistrationClosed(UUID.randomUUID(), clock.instant(), event.id())));
    }

    public Mono<Event> cancel(String id, String reason) {
        return transition(id, EventStatus.CANCELLED, Update::new,
                event -> List.of(new EventCancelled(UUID.randomUUID(), clock.instant(), event.id(), reason)));
    }

    private Mono<Event> transition(String id, EventStatus target, Supplier<Update> changes,
                                   Function<Event, List<? extends IntegrationMessage>> messages) {
        return find(id)
                .flatMap(event -> {
                    if (!EventStatus.allowedBefore(target).contains(event.status())) {
                        return Mono.error(ProblemException.conflict("invalid-transition",
                                        "Event " + id + " is " + event.status() + "; it cannot become " + target)
                                .with("currentState", event.status())
                                .with("requestedState", target));
                    }
                    Query guard = Query.query(Criteria.where("_id").is(id).and("version").is(event.version()));
                    Update update = Outbox.append(changes.get()
                            .set("status", target)
                            .set("updatedAt", clock.instant())
                            .inc("version", 1), messages.apply(event));
                    return mongo.findAndModify(guard, update, FindAndModifyOptions.options().returnNew(true), Event.class)
                            .switchIfEmpty(Mono.error(ConcurrentChange::new));
                })
                .retryWhen(Retry.max(5).filter(ConcurrentChange.class::isInstance))
                .doOnNext(event -> relay.relay(COLLECTION, event.id()).subscribe());
    }

    /** The version changed between reading and writing; the command is evaluated again on fresh state. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("concurrent change", null, false, false);
        }
    }
}
