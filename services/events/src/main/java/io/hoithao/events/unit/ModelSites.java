package io.hoithao.events.unit;

import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Designates units as model sites (mô hình điểm) of a programme in a phase, and withdraws them. Who may: an
 * administrator, or an organiser of a unit above the unit ({@link UnitRights#requireChange}); a province-level
 * model site only from a unit at province level (a district office designates district ones). The programme
 * must exist and have the phase. A designation that changes nothing writes and tells nothing.
 */
@Service
class ModelSites {

    /** The levels a model site is designated at. */
    enum Level { PROVINCE, DISTRICT }

    private final UnitStore units;
    private final UnitRights rights;
    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;
    private final Clock clock;

    ModelSites(UnitStore units, UnitRights rights, ReactiveMongoTemplate mongo, Publishing publishing,
               Clock clock) {
        this.units = units;
        this.rights = rights;
        this.mongo = mongo;
        this.publishing = publishing;
        this.clock = clock;
    }

    Mono<ModelSite> designate(String unitId, String programmeId, String phase, Level level, Caller caller) {
        return checked(unitId, programmeId, phase, level, caller)
                .then(Mono.defer(() -> write(unitId, programmeId, phase, level.name())));
    }

    Mono<ModelSite> withdraw(String unitId, String programmeId, String phase, Caller caller) {
        return checked(unitId, programmeId, phase, null, caller)
                .then(Mono.defer(() -> write(unitId, programmeId, phase, null)));
    }

    /** The unit's designations, withdrawn ones left out. */
    Flux<ModelSite> of(String unitId) {
        return units.find(unitId).thenMany(mongo.find(Query.query(Criteria.where("unitId").is(unitId).and("level").ne(null))
                .with(Sort.by("programmeId", "phase")), ModelSite.class));
    }

    /** In this order: signed in with a role that manages units, the unit exists, the caller's rights over it, the programme's phase. */
    private Mono<Void> checked(String unitId, String programmeId, String phase, Level level, Caller caller) {
        return Mono.defer(() -> {
            caller.requireAny(Role.ADMIN, Role.ORGANISER);
            return units.find(unitId)
                    .flatMap(unit -> rights.requireChange(unit, caller).then(provinceLevel(level, caller)))
                    .then(phaseOf(programmeId, phase));
        });
    }

    private Mono<Void> provinceLevel(Level level, Caller caller) {
        if (level != Level.PROVINCE || caller.isAdmin()) {
            return Mono.empty();
        }
        return rights.home(caller).flatMap(home -> home.level() == UnitLevel.PROVINCE ? Mono.<Void>empty()
                : Mono.error(ProblemException.forbidden("Only an administrator or the organisers of a unit at province level"
                        + " designate province-level model sites; " + home.officialName() + " is not one")));
    }

    private Mono<Void> phaseOf(String programmeId, String phase) {
        return mongo.findById(programmeId, org.bson.Document.class, "programmes")
                .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("programmeId", "no programme " + programmeId)))
                .flatMap(programme -> programme.getList("phases", org.bson.Document.class, List.of()).stream()
                        .anyMatch(p -> phase.equals(p.getString("name"))) ? Mono.<Void>empty()
                        : Mono.error(ProblemException.invalidField("phase", "programme " + programmeId + " has no phase " + phase)));
    }

    /**
     * Sets the designation's level (null: withdrawn) in one write guarded by the version read, with its message
     * in the outbox; decided again if another write came between. The first designation inserts the document,
     * and a concurrent first one loses on the unique id and is decided again too.
     */
    private Mono<ModelSite> write(String unitId, String programmeId, String phase, String level) {
        String id = ModelSite.idOf(unitId, programmeId, phase);
        return mongo.findById(id, ModelSite.class)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    Instant now = clock.instant();
                    if (found.isEmpty()) {
                        if (level == null) {
                            return Mono.just(new ModelSite(id, unitId, programmeId, phase, null, 0, now));
                        }
                        ModelSiteDesignated told = new ModelSiteDesignated(UUID.randomUUID(), now, UnitsMessage.NO_EVENT,
                                unitId, programmeId, phase, level, 0);
                        return publishing.insert(new ModelSite(id, unitId, programmeId, phase, level, 0, now), List.of(told))
                                .onErrorMap(DuplicateKeyException.class, e -> new Concurrent());
                    }
                    ModelSite site = found.get();
                    if (java.util.Objects.equals(site.level(), level)) {
                        return Mono.just(site);
                    }
                    long revision = site.version() + 1;
                    Update update = new Update().set("level", level).set("updatedAt", now).set("version", revision);
                    UnitsMessage told = level == null
                                    ? new ModelSiteWithdrawn(UUID.randomUUID(), now, UnitsMessage.NO_EVENT, unitId, programmeId, phase, revision)
                                    : new ModelSiteDesignated(UUID.randomUUID(), now, UnitsMessage.NO_EVENT, unitId, programmeId, phase,
                                            level, revision);
                    return publishing.update(Query.query(Criteria.where("_id").is(id).and("version").is(site.version())), update,
                                    List.of(told), ModelSite.class)
                            .switchIfEmpty(Mono.error(Concurrent::new));
                })
                .retryWhen(Retry.max(10).filter(Concurrent.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new OptimisticLockingFailureException("model site " + id + " kept changing")));
    }

    private static final class Concurrent extends RuntimeException {
        Concurrent() {
            super("concurrent change", null, false, false);
        }
    }
}
