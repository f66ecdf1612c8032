package io.hoithao.events.programme;

import io.hoithao.events.event.EventLimits;
import io.hoithao.events.unit.UnitHierarchy;
import io.hoithao.events.programme.Programme.Phase;
import io.hoithao.events.programme.Programme.Plan;
import io.hoithao.events.programme.ProgrammeRequests.NewPhase;
import io.hoithao.events.programme.ProgrammeRequests.NewPlan;
import io.hoithao.events.programme.ProgrammeRequests.NewProgramme;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.platform.outbox.Publishing;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
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

/**
 * Programmes change by appending phases and plans, each one atomic {@code $push}. Their creation and phases
 * travel on Kafka ({@code ProgrammeCreated}, {@code ProgrammePhaseAdded}: the review report groups events and
 * model sites by phase), through the programme document's outbox in the same write; plans do not. A programme's unit is set when it is created and never changes, so checking
 * the caller against the programme as read and then appending is safe.
 */
@Service
class ProgrammeService {

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock;
    private final UnitHierarchy units;

    ProgrammeService(ReactiveMongoTemplate mongo, Publishing publishing, Clock clock, UnitHierarchy units) {
        this.mongo = mongo;
        this.publishing = publishing;
        this.clock = clock;
        this.units = units;
    }

    Mono<Programme> create(NewProgramme request, Caller caller) {
        caller.requireAny(Role.ADMIN, Role.ORGANISER);
        String unitId = request.organiserUnitId() != null ? request.organiserUnitId().strip()
                : caller.isAdmin() ? null : caller.unitId();
        if (!caller.isAdmin() && (unitId == null || !caller.organisesUnit(unitId))) {
            return Mono.error(ProblemException.forbidden("An organiser creates programmes only for her own unit ("
                    + (caller.unitId() == null ? "none in your access token" : caller.unitId()) + ")"));
        }
        List<Phase> phases = request.phases() == null ? List.of() : request.phases().stream().map(ProgrammeService::phase).toList();
        List<Plan> plans = request.plans() == null ? List.of() : request.plans().stream().map(ProgrammeService::plan).toList();
        Set<String> numbers = new HashSet<>();
        for (Plan plan : plans) {
            if (!numbers.add(plan.number())) {
                return Mono.error(ProblemException.invalidField("plans", "plan " + plan.number() + " is listed twice"));
            }
        }
        Mono<java.util.Optional<UnitHierarchy.Known>> keeper = unitId == null ? Mono.just(java.util.Optional.empty())
                : units.find(unitId).map(java.util.Optional::of).switchIfEmpty(Mono.error(() -> ProblemException.invalidField(
                        "organiserUnitId", "no unit of the directory has the id " + unitId)));
        return keeper.flatMap(unit -> {
            String name = unit.map(UnitHierarchy.Known::officialName).orElse(null);
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            List<EventsMessage> messages = new ArrayList<>();
            messages.add(new ProgrammeCreated(UUID.randomUUID(), now, EventsMessage.NO_EVENT, id, request.name().strip(), name));
            phases.forEach(phase -> messages.add(phaseAdded(id, phase, now)));
            return publishing.insert(new Programme(id, request.name().strip(), request.description(), unitId, name, phases, plans, now),
                    messages);
        });
    }

    Mono<Programme> find(String id) {
        return mongo.findById(id, Programme.class).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Programme", id)));
    }

    Flux<Programme> list(int page, int size) {
        return mongo.find(new Query().with(PageRequest.of(page, size, Sort.by("name", "_id"))), Programme.class);
    }

    Mono<Long> count() {
        return mongo.count(new Query(), Programme.class);
    }

    /** The filter admits the phase only while the programme has fewer than {@link EventLimits#PHASES}, in the same write. */
    Mono<Programme> addPhase(String id, NewPhase request, Caller caller) {
        Query room = Query.query(Criteria.where("_id").is(id).andOperator(below("phases", EventLimits.PHASES)));
        return managed(id, caller).then(Mono.defer(() -> {
                    Phase phase = phase(request);
                    return publishing.update(room, new Update().push("phases", phase), List.of(phaseAdded(id, phase, clock.instant())),
                            Programme.class);
                }))
                .switchIfEmpty(Mono.defer(() -> find(id).flatMap(existing -> Mono.error(full(existing, "phases",
                        existing.phases().size(), EventLimits.PHASES)))));
    }

    /**
     * Plan numbers are unique within a programme and there are at most {@link EventLimits#PLANS}: the filter
     * refuses a second plan with the same number, or one too many, in the same write.
     */
    Mono<Programme> addPlan(String id, NewPlan request, Caller caller) {
        Plan plan = plan(request);
        Query unique = Query.query(Criteria.where("_id").is(id).and("plans.number").ne(plan.number())
                .andOperator(below("plans", EventLimits.PLANS)));
        return managed(id, caller).then(Mono.defer(() -> mongo.findAndModify(unique, new Update().push("plans", plan),
                        FindAndModifyOptions.options().returnNew(true), Programme.class)))
                .switchIfEmpty(Mono.defer(() -> find(id).flatMap(existing -> Mono.error(
                        existing.plans().stream().anyMatch(p -> p.number().equals(plan.number()))
                                ? ProblemException.conflict("duplicate", "Programme " + id + " already has plan " + plan.number())
                                : full(existing, "plans", existing.plans().size(), EventLimits.PLANS)))));
    }

    private static ProgrammePhaseAdded phaseAdded(String programmeId, Phase phase, Instant at) {
        return new ProgrammePhaseAdded(UUID.randomUUID(), at, EventsMessage.NO_EVENT, programmeId, phase.name(),
                phase.fromYear(), phase.toYear());
    }

    private static Criteria below(String list, int limit) {
        return Criteria.expr(() -> new Document("$lt", List.of(
                new Document("$size", new Document("$ifNull", List.of("$" + list, List.of()))), limit)));
    }

    private static ProblemException full(Programme programme, String list, int size, int limit) {
        return ProblemException.limitExceeded(list, limit, "Programme " + programme.id() + " already has " + size + " "
                + list + ", the most a programme may have (" + limit + ")");
    }

    /**
     * Completes if the caller may change the programme: an administrator, or an organiser of the unit
     * that keeps it (403 otherwise; a programme without a unit is the administrators'); 404 if none.
     */
    private Mono<Void> managed(String id, Caller caller) {
        return find(id).flatMap(programme -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            if (!caller.isAdmin() && (programme.organiserUnitId() == null || !caller.organisesUnit(programme.organiserUnitId()))) {
                return Mono.error(ProblemException.forbidden(programme.organiserUnit() == null
                        ? "Programme " + id + " is kept by the administrators; only an administrator may change it"
                        : "Only an administrator or the organisers of " + programme.organiserUnit()
                                + ", which keeps programme " + id + ", may change it"));
            }
            return Mono.<Void>empty();
        });
    }

    private static Phase phase(NewPhase request) {
        if (request.toYear() < request.fromYear()) {
            throw ProblemException.invalidField("toYear", "must not be before fromYear");
        }
        return new Phase(request.name().strip(), request.fromYear(), request.toYear());
    }

    private static Plan plan(NewPlan request) {
        return new Plan(request.number().strip(), request.issuer().strip(), request.issuedOn(), request.title(), request.level());
    }
}
