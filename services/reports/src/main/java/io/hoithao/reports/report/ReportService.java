package io.hoithao.reports.report;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.reports.projection.Projected;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reads what a report needs from the read model and hands it to {@link ReportBuilder}. Who may read a unit's
 * report: an administrator, or an organiser of the unit or of a unit above it; the organiser's unit is the one
 * whose id her access token carries ({@code unit_id}), and "above" is the directory's parents, by id.
 */
@Service
class ReportService {

    static final Set<String> LEVELS = Set.of("PROVINCE", "DISTRICT", "SCHOOL");

    private final ReactiveMongoTemplate mongo;

    ReportService(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Checked in this order: the caller's role, the programme, the unit, the caller's rights over it, the phase. */
    public Mono<Report> report(String programmeId, String phaseName, String unitId, String participationLevel, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            String level = participationLevel == null ? "SCHOOL" : participationLevel;
            if (!LEVELS.contains(level)) {
                return Mono.error(ProblemException.invalidField("level", "must be PROVINCE, DISTRICT or SCHOOL"));
            }
            return mongo.findById(programmeId, Projected.Programme.class)
                    .filter(p -> p.name() != null)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Programme", programmeId)))
                    .zipWith(mongo.findAll(Projected.Unit.class).collectList())
                    .flatMap(found -> {
                        Projected.Programme programme = found.getT1();
                        List<Projected.Unit> units = found.getT2();
                        Directory directory = new Directory(units);
                        Projected.Unit unit = directory.find(unitId)
                                .orElseThrow(() -> ProblemException.notFound("Unit", unitId));
                        requireReader(directory, unit, caller);
                        Projected.Phase phase = programme.phases().stream().filter(p -> p.name().equals(phaseName)).findFirst()
                                .orElseThrow(() -> ProblemException.invalidField("phase", "programme " + programmeId
                                        + " has no phase " + phaseName + "; its phases: "
                                        + programme.phases().stream().map(Projected.Phase::name).sorted().toList()));
                        return gather(programme, phase, unit, level, units);
                    });
        });
    }

    private Mono<Report> gather(Projected.Programme programme, Projected.Phase phase, Projected.Unit unit, String level,
                                List<Projected.Unit> units) {
        return mongo.find(Query.query(Criteria.where("programmeId").is(programme.id())), Projected.Event.class).collectList()
                .flatMap(events -> {
                    List<String> ids = events.stream().map(Projected.Event::id).toList();
                    Query ofEvents = Query.query(Criteria.where("eventId").in(ids));
                    return Mono.zip(
                                    mongo.find(Query.query(Criteria.where("programmeId").is(programme.id())), Projected.ModelSite.class).collectList(),
                                    mongo.find(ofEvents, Projected.Registration.class).collectList(),
                                    mongo.find(ofEvents, Projected.Paper.class).collectList(),
                                    mongo.find(ofEvents, Projected.Lesson.class).collectList(),
                                    mongo.find(ofEvents, Projected.Form.class).collectList())
                            .map(t -> ReportBuilder.build(new ReportBuilder.Inputs(programme, phase, unit, level, units, events,
                                    t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5())));
                });
    }

    private static void requireReader(Directory directory, Projected.Unit unit, Caller caller) {
        if (caller.isAdmin()) {
            return;
        }
        Projected.Unit home = directory.find(caller.unitId()).orElseThrow(() -> ProblemException.forbidden(
                caller.unitId() == null ? "Your access token names no confirmed unit (unit_id), so you may read no unit's report"
                        : "Your access token's unit (" + caller.unitId() + ") is not a unit of the directory, so you may read no unit's report"));
        if (!directory.within(unit.id(), home.id())) {
            throw ProblemException.forbidden("An organiser of " + home.officialName() + " reads the reports of her unit and the"
                    + " units below it; " + unit.officialName() + " is not one of them");
        }
    }
}
