package io.hoithao.presentations.paper;

import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.presentations.PresentationsMessage;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.text.Units;
import io.hoithao.platform.web.Page;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.delegate.Delegate;
import io.hoithao.presentations.delegate.Delegates;
import io.hoithao.presentations.event.ConferenceEvent;
import io.hoithao.presentations.event.ConferenceEvent.CallForPapers;
import io.hoithao.presentations.event.EventAccess;
import io.hoithao.presentations.paper.PaperStore.Change;
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
    private final Clock clock;

    PaperService(ReactiveMongoTemplate mongo, PaperStore papers, Delegates delegates, Placements placements,
                 PaperAccess access, EventAccess events, Clock clock) {
        this.mongo = mongo;
        this.papers = papers;
        this.delegates = delegates;
        this.placements = placements;
        this.access = access;
        this.events = events;
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
                .zipWith(Mono.defer(() -> events.organiserUnit(eventId)))
                .map(found -> {
                    Delegate delegate = found.getT1();
                    String unit = caller.organises(found.getT2().orElse(null)) && !isBlank(request.unit())
                            ? request.unit().trim() : unitOf(caller, delegate);
                    return Map.entry(delegate, unit);
                })
                .flatMap(chosen -> {
                    Delegate delegate = chosen.getKey();
                    String unit = chosen.getValue();
                    String paperId = UUID.randomUUID().toString();
                    PaperSubmitted message = new PaperSubmitted(UUID.randomUUID(), now, eventId, paperId,
                            request.title().trim(), unit, trimmed(request.presenters()), request.requestedMinutes(), delegate.email());
                    Paper paper = new Paper(paperId, eventId, request.title().trim(), request.abstractText().trim(),
                            trimmed(request.presenters()), unit, Units.fold(unit), request.requestedMinutes(),
                            blankToNull(request.topic()),
                            new Paper.Submitter(delegate.registrationId(), delegate.email(), delegate.fullName()),
                            PaperStatus.SUBMITTED, 0, now, now, List.of(), null, List.of(),
                            Outbox.entries(List.of(message)));
                    return papers.insert(paper);
                });
    }

    /**
     * The unit a delegate submits for: the one her token carries (her unit as the identity service knows it),
     * or, without one, the unit of her confirmed registration for the event. Never one she names.
     */
    static String unitOf(Caller caller, Delegate delegate) {
        return !isBlank(caller.unit()) ? caller.unit().trim() : delegate.unit();
    }

    /** The submitter edits the content; the unit stays the paper's unless she manages the event. */
    Mono<Paper> edit(String paperId, Caller caller, PaperRequest request) {
        return access.own(paperId, caller)
                .flatMap(owned -> events.organiserUnit(owned.eventId()).map(unit -> caller.organises(unit.orElse(null))))
                .flatMap(manages -> papers.change(paperId, paper -> {
            PaperStore.requireSubmitter(paper, caller);
            if (!paper.status().editable()) {
                throw PaperStore.invalidTransition(paper, "EDITED");
            }
            String unit = manages && !isBlank(request.unit()) ? request.unit().trim() : paper.unit();
            List<String> presenters = trimmed(request.presenters());
            Update update = new Update()
                    .set("title", request.title().trim())
                    .set("abstract", request.abstractText().trim())
                    .set("presenters", presenters)
                    .set("unit", unit)
                    .set("unitKey", Units.fold(unit))
                    .set("requestedMinutes", request.requestedMinutes())
                    .set("topic", blankToNull(request.topic()))
                    // A revised paper goes back to the reviewers.
                    .set("status", PaperStatus.SUBMITTED);
            List<PresentationsMessage> messages = List.of(new PaperRevised(UUID.randomUUID(), clock.instant(),
                    paper.eventId(), paper.id(), request.title().trim(), unit, presenters, request.requestedMinutes()));
            return new Change(update, messages);
        }));
    }

    /**
     * The paper is first marked withdrawn in its event's programme, which takes it out of its session and
     * keeps every later placement from taking it (whatever status the paper had when read: a decision and a
     * placement may come in between); then the paper becomes withdrawn. Should this service stop in between,
     * the paper is not placeable and withdrawing it again finishes the job.
     */
    Mono<Paper> withdraw(String paperId, Caller caller) {
        return access.own(paperId, caller)
                .flatMap(paper -> {
                    PaperStore.requireSubmitter(paper, caller);
                    if (!paper.status().withdrawable()) {
                        return Mono.error(PaperStore.invalidTransition(paper, PaperStatus.WITHDRAWN.name()));
                    }
                    return placements.withdraw(paper.eventId(), paper.id()).thenReturn(paper);
                })
                .flatMap(read -> papers.change(paperId, paper -> {
                    PaperStore.requireSubmitter(paper, caller);
                    if (!paper.status().withdrawable()) {
                        throw PaperStore.invalidTransition(paper, PaperStatus.WITHDRAWN.name());
                    }
                    return new Change(new Update().set("status", PaperStatus.WITHDRAWN),
                            List.of(new PaperWithdrawn(UUID.randomUUID(), clock.instant(), paper.eventId(), paper.id())));
                }));
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
        return events.organiserUnit(eventId).flatMap(unit -> {
            caller.requireSignedIn();
            if (caller.organises(unit.orElse(null))) {
                return Mono.just(Optional.<Criteria>empty());
            }
            if (caller.has(Role.ORGANISER) && !caller.has(Role.REVIEWER)) {
                return Mono.error(EventAccess.notManager(eventId, unit.orElse(null)));
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
     * organiser; all for an administrator), optionally of one submitting unit (matched with or without
     * diacritics) and one event.
     */
    Mono<Page<PaperView>> list(String unit, String eventId, int page, int size, Caller caller) {
        return access.visibleTo(caller).flatMap(visible -> {
            Criteria filter = new Criteria();
            if (unit != null) {
                filter.and("unitKey").is(Units.fold(unit));
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
