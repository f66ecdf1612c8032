package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.delegate.Delegate;
import io.hoithao.presentations.delegate.Delegates;
import io.hoithao.presentations.event.ConferenceEvent;
import io.hoithao.presentations.event.ConferenceEvent.CallForPapers;
import io.hoithao.presentations.event.EventAccess;
import io.hoithao.presentations.placement.Placements;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
class PaperService {

    private final ReactiveMongoTemplate mongo;
    private final PaperStore papers;
    private final Delegates delegates;
    private final Placements placements;
    private final PaperAccess access;
    private final EventAccess events;
    private final KnownUnits units;
    private final Clock clock;

    PaperService(ReactiveMongoTemplate mongo, PaperStore papers, Delegates delegates, Placements placements,
                 PaperAccess access, EventAccess events, KnownUnits units, Clock clock) {
        this.mongo = mongo;
        this.papers = papers;
        this.delegates = delegates;
        this.placements = placements;
        this.access = access;
        this.events = events;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The caller submits a paper as a confirmed delegate of the event: their registration is found by
     * the email of their token; the owner, status and everything but the paper's content come from here.
     * The paper's unit is the submitter's own (see {@link #unitOf}), not the body's: only the event's
     * managers name another.
     */
    Mono<Paper> submit(String eventId, Caller caller, PaperRequest request) {
        Instant now = clock.instant();
        return mongo.findById(eventId, ConferenceEvent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)))
                .flatMap(event -> {
                    CallForPapers call = openCall(event, now);
                    checkAgainstCall(call, request);
                    return delegates.confirmed(eventId, caller);
                })
                .zipWith(Mono.defer(() -> events.organiser(eventId)))
                .flatMap(found -> unitOf(caller, EventAccess.manages(found.getT2(), caller), request)
                        .map(unit -> Map.entry(found.getT1(), unit)))
                .flatMap(chosen -> {
                    Delegate delegate = chosen.getKey();
                    KnownUnits.KnownUnit unit = chosen.getValue();
                    String paperId = UUID.randomUUID().toString();
                    PaperSubmitted message = new PaperSubmitted(UUID.randomUUID(), now, eventId, paperId,
                            request.title().trim(), unit.officialName(), trimmed(request.presenters()), request.requestedMinutes(),
                            delegate.email());
                    Paper paper = new Paper(paperId, eventId, request.title().trim(), request.abstractText().trim(),
                            trimmed(request.presenters()), unit.officialName(), unit.id(), request.requestedMinutes(),
                            blankToNull(request.topic()),
                            new Paper.Submitter(delegate.registrationId(), delegate.email(), delegate.fullName()),
                            PaperStatus.SUBMITTED, 0, now, now, List.of(), null, List.of());
                    return papers.insert(paper, List.of(message));
                });
    }

    /**
     * The unit a paper is submitted for, with its current name: the one the event's managers name by id (a unit of
     * the directory), else the submitter's confirmed unit (the {@code unit_id} of her token, the identity service's
     * word). Never one a delegate names; a delegate without a confirmed unit is refused (403 {@code no-confirmed-unit}).
     */
    Mono<KnownUnits.KnownUnit> unitOf(Caller caller, boolean manages, PaperRequest request) {
        Optional<Mono<KnownUnits.KnownUnit>> named = named(manages, request);
        if (named.isPresent()) {
            return named.get();
        }
        if (caller.unitId() == null) {
            return Mono.error(noConfirmedUnit());
        }
        String fallback = isBlank(caller.unit()) ? caller.unitId() : caller.unit().trim();
        return units.find(caller.unitId()).defaultIfEmpty(new KnownUnits.KnownUnit(caller.unitId(), fallback, fallback, null));
    }

    /** The unit a manager names by id, which must be one of the directory (400 otherwise); empty when she names none. */
    private Optional<Mono<KnownUnits.KnownUnit>> named(boolean manages, PaperRequest request) {
        if (!manages || isBlank(request.unitId())) {
            return Optional.empty();
        }
        String unitId = request.unitId().strip();
        return Optional.of(units.find(unitId).switchIfEmpty(Mono.error(() ->
                ProblemException.invalidField("unitId", "is not a unit of the directory: " + unitId))));
    }

    static ProblemException noConfirmedUnit() {
        return new ProblemException(HttpStatus.FORBIDDEN, "no-confirmed-unit", "No confirmed unit",
                "Your account has no confirmed unit yet, and a paper is submitted for the submitter's unit: an organiser of"
                        + " your unit or an administrator confirms it first");
    }

    /** The submitter edits the content; the unit stays the paper's unless she manages the event and names another. */
    Mono<PaperDecision.Result> edit(String paperId, Caller caller, PaperRequest request) {
        return access.own(paperId, caller)
                .flatMap(owned -> events.organiser(owned.eventId()))
                .flatMap(unit -> named(EventAccess.manages(unit, caller), request).map(m -> m.map(Optional::of))
                        .orElseGet(() -> Mono.just(Optional.empty())))
                .flatMap(chosen -> papers.apply(paperId, paper -> PaperLifecycle.edit(paper,
                        PaperAccess.submittedBy(paper, caller), request, chosen.orElse(null), clock.instant())));
    }

    /**
     * The papers' copies of a unit's name follow the directory. Each changed paper's version moves on, so an edit
     * decided on the old name is decided again rather than writing that name back.
     */
    Mono<Void> followRename(String unitId, String name) {
        return mongo.updateMulti(Query.query(Criteria.where("unitId").is(unitId).and("unit").ne(name)),
                new Update().set("unit", name).inc("version", 1), Paper.class).then();
    }

    /**
     * The paper is first marked withdrawn in its event's programme, which takes it out of its session and
     * keeps every later placement from taking it (whatever status the paper had when read: a decision and a
     * placement may come in between); then the paper becomes withdrawn. Should this service stop in between,
     * the paper is not placeable and withdrawing it again finishes the job.
     */
    Mono<PaperDecision.Result> withdraw(String paperId, Caller caller) {
        return access.own(paperId, caller).flatMap(read -> {
            PaperDecision decision = PaperLifecycle.withdraw(read, PaperAccess.submittedBy(read, caller), clock.instant());
            if (decision instanceof PaperDecision.Refusal refusal) {
                return Mono.just(refusal);
            }
            return placements.withdraw(read.eventId(), read.id()).then(papers.apply(paperId, paper ->
                    PaperLifecycle.withdraw(paper, PaperAccess.submittedBy(paper, caller), clock.instant())));
        });
    }

    Mono<PaperView> view(String paperId, Caller caller) {
        return access.readable(paperId, caller).flatMap(paper -> placements.placements(paper.eventId())
                .map(placed -> PaperView.of(paper, placed.get(paper.id()))));
    }

    /**
     * An event's papers; {@code status} is a paper status, or {@code SCHEDULED} / {@code UNPLACED} for
     * accepted papers in or out of a session. The event's managers see all of them; an organiser of
     * another unit is refused (403); anyone else sees what they may read: reviewers the papers under
     * review, a delegate their own.
     */
    Mono<Page<PaperView>> ofEvent(String eventId, String status, int page, int size, Caller caller) {
        return events.organiser(eventId).flatMap(unit -> {
            caller.requireSignedIn();
            if (EventAccess.manages(unit, caller)) {
                return Mono.just(Optional.<Criteria>empty());
            }
            if (caller.has(Role.ORGANISER) && !caller.has(Role.REVIEWER)) {
                return Mono.error(EventAccess.notManager(eventId, unit));
            }
            return access.visibleTo(caller);
        }).flatMap(visible -> placements.placements(eventId).flatMap(placed -> {
            Criteria criteria = Criteria.where("eventId").is(eventId);
            if (status != null) {
                switch (status) {
                    case "SCHEDULED" -> criteria.and("status").is(PaperStatus.ACCEPTED).and("_id").in(placed.keySet());
                    case "UNPLACED" -> criteria.and("status").is(PaperStatus.ACCEPTED).and("_id").nin(placed.keySet());
                    default -> criteria.and("status").is(parseStatus(status));
                }
            }
            return page(PaperAccess.restrict(criteria, visible), placed, page, size);
        }));
    }

    /**
     * The papers the caller may see (their own; under review for a reviewer; their unit's events' for an
     * organiser; all for an administrator), optionally of one submitting unit (by its id in the directory) and
     * one event.
     */
    Mono<Page<PaperView>> list(String unitId, String eventId, int page, int size, Caller caller) {
        return access.visibleTo(caller).flatMap(visible -> {
            Criteria filter = new Criteria();
            if (unitId != null) {
                filter.and("unitId").is(unitId);
            }
            if (eventId != null) {
                filter.and("eventId").is(eventId);
            }
            Criteria criteria = PaperAccess.restrict(filter, visible);
            Query query = Query.query(criteria).with(Sort.by("submittedAt", "_id")).skip((long) page * size).limit(size);
            return Page.of(mongo.find(query, Paper.class)
                            .concatMap(p -> placements.placements(p.eventId()).map(placed -> PaperView.of(p, placed.get(p.id())))),
                    mongo.count(Query.query(criteria), Paper.class), page, size);
        });
    }

    private Mono<Page<PaperView>> page(Criteria criteria, Map<String, PaperView.Placement> placed, int page, int size) {
        Query query = Query.query(criteria).with(Sort.by("submittedAt", "_id")).skip((long) page * size).limit(size);
        return Page.of(mongo.find(query, Paper.class).map(p -> PaperView.of(p, placed.get(p.id()))),
                mongo.count(Query.query(criteria), Paper.class), page, size);
    }

    private static PaperStatus parseStatus(String status) {
        try {
            return PaperStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + List.of(PaperStatus.values())
                    + ", SCHEDULED or UNPLACED");
        }
    }

    static CallForPapers openCall(ConferenceEvent event, Instant now) {
        CallForPapers call = event.callForPapers();
        if (event.cancelled() || call == null || !call.openAt(now)) {
            ProblemException problem = ProblemException.conflict("call-for-papers-closed",
                    "Event " + event.id() + " is not taking papers now").with("eventId", event.id());
            if (call != null) {
                problem.with("opensAt", call.opensAt()).with("closesAt", call.closesAt());
            }
            throw problem;
        }
        return call;
    }

    static void checkAgainstCall(CallForPapers call, PaperRequest request) {
        if (request.requestedMinutes() > call.maxMinutes()) {
            throw ProblemException.invalidField("requestedMinutes", "must be at most " + call.maxMinutes());
        }
        if (!call.topics().isEmpty() && (request.topic() == null || !call.topics().contains(request.topic().trim()))) {
            throw ProblemException.invalidField("topic", "must be one of " + call.topics());
        }
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
