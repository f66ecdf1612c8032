package io.hoithao.events.event;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.EventStarted;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.events.event.EventRequests.ChangeCapacity;
import io.hoithao.events.event.EventRequests.CreateEvent;
import io.hoithao.events.event.EventRequests.NewOfficial;
import io.hoithao.events.event.EventRequests.NewVenue;
import io.hoithao.events.event.EventRequests.Reschedule;
import io.hoithao.events.event.EventRequests.UpdateEvent;
import io.hoithao.events.session.Session;
import io.hoithao.events.session.SessionStatus;
import io.hoithao.events.unit.UnitHierarchy;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates events, changes their details and moves them through their lifecycle. Every change is one
 * version-guarded write of the event's document that also appends the change's messages to its outbox
 * ({@link EventStore}).
 */
@Service
public class EventService {

    public static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";
    /** Problem type: the event is over or cancelled, so its programme no longer changes. */
    public static final String NOT_EDITABLE = "event-not-editable";
    /** Problem type: a session would fall outside the event's days. */
    public static final String SESSION_OUTSIDE_EVENT = "session-outside-event";

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
    public Mono<Event> create(CreateEvent request, Caller caller) {
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
        ProblemException days = daysProblem(request.startDate(), request.endDate());
        if (days != null) {
            return Mono.error(days);
        }
        String zone;
        try {
            zone = zone(request.timeZone());
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        ProblemException window = windowProblem(request.registrationOpensAt(), request.registrationClosesAt());
        if (window != null) {
            return Mono.error(window);
        }
        Instant now = clock.instant();
        List<Venue> venues = request.venues() == null ? List.of() : request.venues().stream().map(EventService::venue).toList();
        Event event = new Event(UUID.randomUUID().toString(), blankToNull(request.programmeId()), request.title().strip(),
                request.description(), request.kind(), request.level(), unit.id(), unit.officialName(),
                request.startDate(), request.endDate(), zone, request.capacity(), request.registrationOpensAt(),
                request.registrationClosesAt(), venues, officials(request.officials()), List.of(), EventStatus.DRAFT, null, 0,
                searchTerms(request.title(), request.description(), unit.officialName(), venues),
                now, now);
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
    public Mono<Event> update(String id, UpdateEvent request, Caller caller) {
        String joining = request.programmeId() == null ? null : blankToNull(request.programmeId());
        String movingTo = blankToNull(request.organiserUnitId());
        // The programme is checked against the event's managers first (404/403 as for any change), and the
        // write is guarded by the version as usual; the programme's unit never changes, so the check holds.
        Mono<Void> joinable = joining == null ? Mono.empty()
                : store.find(id).map(event -> EventAccess.requireManager(event, caller)).then(mayJoin(joining, caller));
        Mono<java.util.Optional<UnitHierarchy.Known>> target = movingTo == null ? Mono.just(java.util.Optional.empty())
                : store.find(id).map(event -> EventAccess.requireManager(event, caller))
                        .flatMap(event -> event.organiserUnitId() != null && event.organiserUnitId().equals(movingTo)
                                ? Mono.just(java.util.Optional.<UnitHierarchy.Known>empty())
                                : Mono.fromRunnable(() -> requireMover(event, caller)).then(unit(movingTo)).map(java.util.Optional::of));
        return joinable.then(target).flatMap(moveTo -> store.change(id, caller, event -> {
            UnitHierarchy.Known to = moveTo.filter(unit -> !unit.id().equals(event.organiserUnitId())).orElse(null);
            if (to != null) {
                requireMover(event, caller);
            }
            requireEditable(event);
            if (to != null && !event.neverPublished()) {
                // The other services learnt the unit from EventPublished and authorize its organisers by it.
                throw ProblemException.conflict(NOT_EDITABLE, "Event " + id + " is published, so its unit cannot change any more;"
                        + " cancel it and create it under the other unit").with("currentState", event.status());
            }
            Instant opens = request.registrationOpensAt() != null ? request.registrationOpensAt() : event.registrationOpensAt();
            Instant closes = request.registrationClosesAt() != null ? request.registrationClosesAt() : event.registrationClosesAt();
            ProblemException window = windowProblem(opens, closes);
            if (window != null) {
                throw window;
            }
            String title = request.title() != null ? request.title().strip() : event.title();
            String description = request.description() != null ? request.description() : event.description();
            String organiser = to != null ? to.officialName() : event.organiserUnit();
            Update update = new Update()
                    .set("title", title)
                    .set("description", description)
                    .set("registrationOpensAt", opens)
                    .set("registrationClosesAt", closes)
                    .set("searchTerms", searchTerms(title, description, organiser, event.venues()));
            if (to != null) {
                // only a move writes the unit: the name is a copy the directory's renames keep current
                update.set("organiserUnitId", to.id()).set("organiserUnit", to.officialName());
            }
            if (request.officials() != null) {
                update.set("officials", officials(request.officials()));
            }
            if (request.programmeId() != null) {
                update.set("programmeId", joining);
            }
            // The other services learnt the programme from EventPublished: a later change is told (a draft's is not).
            boolean programmeChanged = request.programmeId() != null && !event.neverPublished()
                    && !java.util.Objects.equals(event.programmeId(), joining);
            return new EventStore.Change(update, programmeChanged
                    ? List.of(new EventProgrammeChanged(UUID.randomUUID(), clock.instant(), id, joining, event.version() + 1))
                    : List.of(), null);
        }));
    }

    /** Only an administrator moves an event to another unit. */
    private static void requireMover(Event event, Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only an administrator may move event " + event.id() + " to another unit")
                    .with("eventId", event.id());
        }
    }

    /**
     * The days of an event run from the first to the last, at most {@link EventLimits#DAYS} of them: the public
     * programme and the other services' seat and check-in reads walk them one by one.
     */
    static ProblemException daysProblem(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return ProblemException.invalidField("endDate", "must not be before startDate");
        }
        if (ChronoUnit.DAYS.between(first, last) >= EventLimits.DAYS) {
            return ProblemException.invalidField("endDate", "must be at most " + (EventLimits.DAYS - 1)
                    + " days after startDate (an event lasts at most " + EventLimits.DAYS + " days); was "
                    + first + " to " + last);
        }
        return null;
    }

    /** The venue is added by the version-guarded write, so two organisers adding at once cannot pass the limit. */
    public Mono<Event> addVenue(String id, NewVenue request, Caller caller) {
        return store.change(id, caller, event -> {
            requireEditable(event);
            if (event.venues().size() >= EventLimits.VENUES) {
                throw ProblemException.limitExceeded("venues", EventLimits.VENUES, "Event " + id + " already has "
                        + event.venues().size() + " venues, the most an event may have (" + EventLimits.VENUES + ")");
            }
            Venue venue = venue(request);
            List<Venue> venues = new ArrayList<>(event.venues());
            venues.add(venue);
            return new EventStore.Change(new Update().push("venues", venue)
                    .set("searchTerms", searchTerms(event.title(), event.description(), event.organiserUnit(), venues)),
                    List.of(), venue.id());
        });
    }

    public Mono<Event> changeCapacity(String id, ChangeCapacity request, Caller caller) {
        return store.change(id, caller, event -> {
            requireEditable(event);
            return new EventStore.Change(new Update().set("capacity", request.capacity()),
                    List.of(new CapacityChanged(UUID.randomUUID(), clock.instant(), id, request.capacity(),
                            event.capacity(), event.version() + 1)), null);
        });
    }

    /**
     * Moves the event to other days (or another time zone). Sessions keep their offset from the first
     * day and their local times, each one that moves is told with its own message; a session that would
     * fall after the new last day makes the reschedule fail, naming it, rather than vanish silently.
     */
    public Mono<Event> reschedule(String id, Reschedule request, Caller caller) {
        ProblemException days = daysProblem(request.startDate(), request.endDate());
        if (days != null) {
            return Mono.error(days);
        }
        return store.change(id, caller, event -> {
            if (!event.status().reschedulable()) {
                throw ProblemException.conflict(NOT_EDITABLE, "Event " + id + " is " + event.status()
                        + "; it can no longer move to other days").with("currentState", event.status());
            }
            String zone = request.timeZone() == null || request.timeZone().isBlank() ? event.timeZone() : zone(request.timeZone());
            long shift = ChronoUnit.DAYS.between(event.startDate(), request.startDate());
            List<Session> moved = event.sessions().stream().map(s -> s.onDate(s.date().plusDays(shift))).toList();
            List<Map<String, Object>> stranded = moved.stream()
                    .filter(s -> s.status() == SessionStatus.SCHEDULED && s.date().isAfter(request.endDate()))
                    .map(s -> Map.<String, Object>of("id", s.id(), "title", s.title(), "date", s.date()))
                    .toList();
            if (!stranded.isEmpty()) {
                throw ProblemException.conflict(SESSION_OUTSIDE_EVENT, stranded.size()
                                + " session(s) would fall after the new last day " + request.endDate()
                                + "; move or cancel them first")
                        .with("sessions", stranded);
            }
            long revision = event.version() + 1;
            Instant now = clock.instant();
            List<IntegrationMessage> messages = new ArrayList<>();
            messages.add(new EventRescheduled(UUID.randomUUID(), now, id, request.startDate(), request.endDate(), zone, revision));
            ZoneId oldZone = event.zone();
            ZoneId newZone = ZoneId.of(zone);
            for (int i = 0; i < moved.size(); i++) {
                Session before = event.sessions().get(i);
                Session after = moved.get(i);
                boolean changed = !before.startsAt(oldZone).equals(after.startsAt(newZone))
                        || !before.endsAt(oldZone).equals(after.endsAt(newZone));
                if (after.status() == SessionStatus.SCHEDULED && changed) {
                    Venue venue = event.venue(after.venueId()).orElseThrow();
                    messages.add(new SessionMoved(UUID.randomUUID(), now, id, after.id(), venue.name(),
                            after.startsAt(newZone), after.endsAt(newZone), revision));
                }
            }
            Update update = new Update().set("startDate", request.startDate()).set("endDate", request.endDate())
                    .set("timeZone", zone).set("sessions", moved);
            return new EventStore.Change(update, messages, null);
        });
    }

    /**
     * Publishes the event, telling the other services the organising unit's id in the directory (who manages the
     * event there) and its current official name.
     */
    public Mono<Event> publish(String id, Caller caller) {
        return transition(id, caller, EventStatus.PUBLISHED, event -> new Update(), event -> new EventPublished(
                UUID.randomUUID(), clock.instant(), event.id(), event.title(), event.kind().name(), event.level().name(),
                event.organiserUnit(), event.startDate(), event.endDate(), event.timeZone(), event.capacity(),
                event.organiserUnitId(), event.programmeId()));
    }

    public Mono<Event> openRegistration(String id, Instant requestedClosesAt, Caller caller) {
        Instant now = clock.instant();
        if (requestedClosesAt != null && !requestedClosesAt.isAfter(now)) {
            return Mono.error(ProblemException.invalidField("closesAt", "must be in the future"));
        }
        return transition(id, caller, EventStatus.REGISTRATION_OPEN,
                event -> new Update().set("registrationClosesAt", closesAt(event, requestedClosesAt, now)),
                event -> new RegistrationOpened(UUID.randomUUID(), clock.instant(), event.id(), event.title(),
                        event.capacity(), closesAt(event, requestedClosesAt, now)));
    }

    public Mono<Event> closeRegistration(String id, Caller caller) {
        return transition(id, caller, EventStatus.REGISTRATION_CLOSED, event -> new Update(),
                event -> new RegistrationClosed(UUID.randomUUID(), clock.instant(), event.id()));
    }

    public Mono<Event> start(String id, Caller caller) {
        return transition(id, caller, EventStatus.IN_PROGRESS, event -> new Update(),
                event -> new EventStarted(UUID.randomUUID(), clock.instant(), event.id()));
    }

    public Mono<Event> complete(String id, Caller caller) {
        return transition(id, caller, EventStatus.COMPLETED, event -> new Update(),
                event -> new EventCompleted(UUID.randomUUID(), clock.instant(), event.id()));
    }

    public Mono<Event> cancel(String id, String reason, Caller caller) {
        return transition(id, caller, EventStatus.CANCELLED, event -> new Update().set("cancelledFrom", event.status()),
                event -> new EventCancelled(UUID.randomUUID(), clock.instant(), event.id(), reason));
    }

    /** A requested closing time wins; else the event's window if it is still ahead; else open until closed by hand. */
    private static Instant closesAt(Event event, Instant requested, Instant now) {
        if (requested != null) {
            return requested;
        }
        Instant planned = event.registrationClosesAt();
        return planned != null && planned.isAfter(now) ? planned : null;
    }

    private Mono<Event> transition(String id, Caller caller, EventStatus target, Function<Event, Update> changes,
                                   Function<Event, IntegrationMessage> message) {
        return store.change(id, caller, event -> {
            if (!event.status().canBecome(target)) {
                throw ProblemException.conflict("invalid-transition",
                                "Event " + id + " is " + event.status() + "; it cannot become " + target)
                        .with("currentState", event.status())
                        .with("requestedState", target);
            }
            return new EventStore.Change(changes.apply(event).set("status", target), List.of(message.apply(event)), null);
        });
    }

    public static void requireEditable(Event event) {
        if (!event.status().editable()) {
            throw ProblemException.conflict(NOT_EDITABLE, "Event " + event.id() + " is " + event.status()
                    + "; its programme can no longer change").with("currentState", event.status());
        }
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

    private static String zone(String requested) {
        String zone = requested == null || requested.isBlank() ? DEFAULT_ZONE : requested.strip();
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be a time zone id such as " + DEFAULT_ZONE);
        }
    }

    private static ProblemException windowProblem(Instant opens, Instant closes) {
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            return ProblemException.invalidField("registrationClosesAt", "must be after registrationOpensAt");
        }
        return null;
    }

    private static Venue venue(NewVenue request) {
        return new Venue(UUID.randomUUID().toString(), request.name().strip(), request.kind(), request.address(),
                request.classrooms() == null ? List.of() : request.classrooms().stream().map(String::strip).distinct().toList());
    }

    private static List<Official> officials(List<NewOfficial> requests) {
        return requests == null ? List.of()
                : requests.stream().map(o -> new Official(o.name().strip(), o.position(), o.unit(), o.role())).toList();
    }

    static List<String> searchTerms(String title, String description, String organiser, List<Venue> venues) {
        List<String> texts = new ArrayList<>(List.of(title, description == null ? "" : description, organiser));
        venues.forEach(v -> {
            texts.add(v.name());
            texts.add(v.address());
        });
        return SearchText.terms(texts.toArray(String[]::new));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
