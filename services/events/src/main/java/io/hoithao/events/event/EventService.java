package io.hoithao.events.event;

import io.hoithao.events.event.EventRequests.ChangeCapacity;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.events.event.EventRequests.NewVenue;
import io.hoithao.events.event.EventRequests.Reschedule;
import io.hoithao.events.event.EventRequests.UpdateEvent;
import io.hoithao.events.unit.UnitHierarchy;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out the commands on events: reads what a decision needs (the caller's unit, the directory, a programme),
 * has {@link Lifecycle} decide on the event as read, and has {@link EventStore} write the decided change (one
 * version-guarded update with its messages). A refusal is answered as a value ({@link Decision.Refusal}) for the
 * handler.
 */
@Service
public class EventService {

    /** Problem type: the event is over or cancelled, so its programme no longer changes. */
    public static final String NOT_EDITABLE = EventProblems.NOT_EDITABLE;
    /** Problem type: a session would fall outside the event's days. */
    public static final String SESSION_OUTSIDE_EVENT = EventProblems.SESSION_OUTSIDE_EVENT;

    private final EventStore store;
    private final ReactiveMongoTemplate mongo;
    private final UnitHierarchy units;
    private final Clock clock;

    EventService(EventStore store, ReactiveMongoTemplate mongo, UnitHierarchy units, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    /**
     * A new draft, for a unit of the directory named by its id. An organiser creates events only for her own unit
     * (her token's {@code unit_id}, also when the body names none; another unit is 403); an administrator for any
     * unit, which she must name. The unit must exist in the directory (400 otherwise).
     */
    Mono<Event> create(CreateEvent request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            String unitId = blankToNull(request.organiserUnitId());
            if (unitId == null && !caller.isAdmin()) {
                unitId = caller.unitId();
                if (unitId == null) {
                    throw ProblemException.forbidden("Your access token names no confirmed unit (unit_id), so you create"
                            + " no events; an administrator or an organiser above your unit sets it");
                }
            }
            if (unitId == null) {
                return byOfficialName(request.organiserUnit()).flatMap(unit -> createDraft(request, unit, caller));
            }
            if (!caller.organisesUnit(unitId)) {
                throw ProblemException.forbidden("An organiser creates events only for her own unit ("
                        + (caller.unitId() == null ? "none in your access token" : caller.unitId()) + "), not for " + unitId);
            }
            return unit(unitId).flatMap(unit -> createDraft(request, unit, caller));
        });
    }

    /** An administrator's older client names the unit: exactly one unit of the directory must have that official name. */
    private Mono<UnitHierarchy.Known> byOfficialName(String name) {
        String required = "is required: the id of the organising unit in the directory (GET /api/events/units)";
        if (name == null || name.isBlank()) {
            return Mono.error(ProblemException.invalidField("organiserUnitId", required));
        }
        return units.officiallyNamed(name).switchIfEmpty(Mono.error(() -> ProblemException.invalidField("organiserUnitId",
                required + "; no single unit has the official name " + name.strip())));
    }

    /** The unit of the directory with this id, or 400 naming the field. */
    private Mono<UnitHierarchy.Known> unit(String unitId) {
        return units.find(unitId).switchIfEmpty(Mono.error(() -> ProblemException.invalidField("organiserUnitId",
                "no unit of the directory has the id " + unitId)));
    }

    private Mono<Event> createDraft(CreateEvent request, UnitHierarchy.Known unit, Caller caller) {
        Optional<Decision.Refusal> refused = Lifecycle.refuseDraft(request);
        if (refused.isPresent()) {
            return Mono.error(EventProblems.problem(refused.get()));
        }
        Event event = Lifecycle.draft(request, unit, clock.instant());
        return mayJoin(event.programmeId(), caller).then(store.insert(event));
    }

    public Mono<Event> find(String id, Caller caller) {
        return store.find(id, caller);
    }

    /** The events matching the filter that the caller may see: no drafts but their own unit's (all for an administrator). */
    Flux<Event> list(EventFilter filter, Caller caller, int page, int size) {
        return mongo.find(filter.query(EventAccess.visibleCriteria(caller))
                .with(PageRequest.of(page, size, Sort.by("startDate", "_id"))), Event.class);
    }

    Mono<Long> count(EventFilter filter, Caller caller) {
        return mongo.count(filter.query(EventAccess.visibleCriteria(caller)), Event.class);
    }

    /**
     * Changes the descriptive details. Moving the event to another unit of the directory ({@code organiserUnitId})
     * is for administrators, and only before it is published (afterwards the other services know it by its unit);
     * naming the event's own unit again changes nothing. A {@code programmeId} puts the event in that programme,
     * by the rule of creation, and an empty one takes it out.
     */
    Mono<Decision.Result> update(String id, UpdateEvent request, Caller caller) {
        String joining = Lifecycle.programmeJoined(request);
        String movingTo = blankToNull(request.organiserUnitId());
        // The programme is checked against the event's managers first (404/403 as for any change), and the
        // write is guarded by the version as usual; the programme's unit never changes, so the check holds.
        Mono<Void> joinable = joining == null ? Mono.empty()
                : store.find(id).map(event -> EventAccess.requireManager(event, caller)).then(mayJoin(joining, caller));
        Mono<Optional<UnitHierarchy.Known>> target = movingTo == null ? Mono.just(Optional.empty())
                : store.find(id).map(event -> EventAccess.requireManager(event, caller))
                        .flatMap(event -> event.organiserUnitId() != null && event.organiserUnitId().equals(movingTo)
                                ? Mono.just(Optional.<UnitHierarchy.Known>empty())
                                : Mono.fromRunnable(() -> requireMover(event, caller)).then(unit(movingTo)).map(Optional::of));
        return joinable.then(target).flatMap(moveTo -> store.apply(id, caller, event ->
                Lifecycle.update(event, request, moveTo.orElse(null), caller.isAdmin(), clock.instant())));
    }

    /** Only an administrator moves an event to another unit (asked before the directory is, for the answer's order). */
    private static void requireMover(Event event, Caller caller) {
        if (!caller.isAdmin()) {
            throw EventProblems.problem(new Decision.MoveForbidden(event.id()));
        }
    }

    /** The venue is added by the version-guarded write, so two organisers adding at once cannot pass the limit. */
    Mono<Decision.Result> addVenue(String id, NewVenue request, Caller caller) {
        return store.apply(id, caller, event -> Lifecycle.addVenue(event, request));
    }

    Mono<Decision.Result> changeCapacity(String id, ChangeCapacity request, Caller caller) {
        return store.apply(id, caller, event -> Lifecycle.changeCapacity(event, request.capacity(), clock.instant()));
    }

    /** Moves the event to other days (or another time zone), its sessions with it ({@link Lifecycle#reschedule}). */
    Mono<Decision.Result> reschedule(String id, Reschedule request, Caller caller) {
        Optional<Decision.Refusal> days = Lifecycle.refuseDays(request.startDate(), request.endDate());
        if (days.isPresent()) {
            return Mono.just(days.get());
        }
        return store.apply(id, caller, event -> Lifecycle.reschedule(event, request, clock.instant()));
    }

    Mono<Decision.Result> publish(String id, Caller caller) {
        return transition(id, caller, Lifecycle::publish);
    }

    Mono<Decision.Result> openRegistration(String id, Instant requestedClosesAt, Caller caller) {
        Instant requestedAt = clock.instant();
        Optional<Decision.Refusal> closing = Lifecycle.refuseClosing(requestedClosesAt, requestedAt);
        if (closing.isPresent()) {
            return Mono.just(closing.get());
        }
        return transition(id, caller, (event, now) -> Lifecycle.openRegistration(event, requestedClosesAt, requestedAt, now));
    }

    Mono<Decision.Result> closeRegistration(String id, Caller caller) {
        return transition(id, caller, Lifecycle::closeRegistration);
    }

    Mono<Decision.Result> start(String id, Caller caller) {
        return transition(id, caller, Lifecycle::start);
    }

    Mono<Decision.Result> complete(String id, Caller caller) {
        return transition(id, caller, Lifecycle::complete);
    }

    Mono<Decision.Result> cancel(String id, String reason, Caller caller) {
        return transition(id, caller, (event, now) -> Lifecycle.cancel(event, reason, now));
    }

    private Mono<Decision.Result> transition(String id, Caller caller, BiFunction<Event, Instant, Decision> decision) {
        return store.apply(id, caller, event -> decision.apply(event, clock.instant()));
    }

    /**
     * For the other features' refusals of a change to an event's programme ({@link EventStatus#editable}): the problem
     * that says the event is over or cancelled, as the event's own changes answer it.
     */
    public static ProblemException notEditable(String eventId, EventStatus status) {
        return EventProblems.problem(new Decision.NotEditable(eventId, status, Decision.Aspect.PROGRAMME));
    }

    /**
     * The programme exists, and the caller may put her unit's event in it: an administrator any; an
     * organiser the programme her own unit keeps, or one kept by a unit above hers in the directory (a
     * school's event in its district office's programme), units compared by id. A programme without a unit
     * takes events from administrators only.
     */
    private Mono<Void> mayJoin(String programmeId, Caller caller) {
        if (programmeId == null) {
            return Mono.empty();
        }
        return mongo.findById(programmeId, org.bson.Document.class, "programmes")
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("programmeId", "no programme " + programmeId)))
                .flatMap(programme -> {
                    String keeperId = programme.getString("organiserUnitId");
                    String keeper = programme.getString("organiserUnit");
                    if (caller.isAdmin() || keeperId != null && caller.organisesUnit(keeperId)) {
                        return Mono.<Void>empty();
                    }
                    if (keeperId == null) {
                        return Mono.error(ProblemException.forbidden("Programme " + programmeId
                                + " is kept by the administrators; only an administrator may add events to it"));
                    }
                    if (!caller.has(Role.ORGANISER) || caller.unitId() == null) {
                        return Mono.error(ProblemException.forbidden("Programme " + programmeId + " is kept by " + keeper
                                + "; only its organisers, the organisers of a unit below it, or an administrator may add events to it"));
                    }
                    return units.isBelow(caller.unitId(), keeperId).flatMap(below -> below ? Mono.<Void>empty()
                            : Mono.error(ProblemException.forbidden("Programme " + programmeId + " is kept by " + keeper
                                    + ", and your unit (" + caller.unitId() + ") is not below it in the directory of units; an"
                                    + " organiser adds her unit's events only to programmes of her own unit or of a unit above it")));
                });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
