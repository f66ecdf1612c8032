package io.hoithao.events.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The directory as the rest of the service reads it, by unit id only: which unit an id is (its current official
 * name, for display) and whether one unit is below another (a school's event in its district office's programme).
 * Names never find a unit here: "Tân Hòa" and "Tân Hóa" are two ids.
 */
@Component
public class UnitHierarchy {

    private final UnitStore store;
    private final ReactiveMongoTemplate mongo;

    UnitHierarchy(UnitStore store, ReactiveMongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /** A unit of the directory as other features see it. */
    public record Known(String id, String officialName, UnitLevel level) {
    }

    /** The unit with this id, empty if the directory has none. */
    public Mono<Known> find(String unitId) {
        return unitId == null || unitId.isBlank() ? Mono.empty() : store.findIfExists(unitId.strip()).map(UnitHierarchy::known);
    }

    /**
     * The one unit whose official name is exactly this one (composed, single spaces; case and diacritics count,
     * nothing is folded), empty when none or several have it. Only for the former way of naming an event's unit in
     * a request (an administrator's older client); rights never come from it.
     */
    public Mono<Known> officiallyNamed(String name) {
        String official;
        try {
            official = name == null ? null : UnitRules.name("organiserUnit", name);
        } catch (io.hoithao.platform.web.ProblemException e) {
            official = null;
        }
        if (official == null) {
            return Mono.empty();
        }
        return mongo.find(Query.query(Criteria.where("officialName").is(official)).limit(2), Unit.class).collectList()
                .flatMap(found -> found.size() == 1 ? Mono.just(known(found.get(0))) : Mono.empty());
    }

    /** The current official names of the units among these ids that exist, by id. */
    public Mono<Map<String, String>> names(Collection<String> unitIds) {
        List<String> ids = unitIds.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Unit.class).collectMap(Unit::id, Unit::officialName);
    }

    /** Whether the unit {@code aboveId} is one of the ancestors of the unit {@code unitId} (false if either is unknown). */
    public Mono<Boolean> isBelow(String unitId, String aboveId) {
        if (unitId == null || aboveId == null) {
            return Mono.just(false);
        }
        return store.findIfExists(unitId).flatMap(unit -> isBelow(unit, aboveId)).defaultIfEmpty(false);
    }

    /** Whether the unit {@code aboveId} is one of the unit's ancestors. */
    Mono<Boolean> isBelow(Unit unit, String aboveId) {
        return store.ancestors(unit).any(ancestor -> ancestor.id().equals(aboveId));
    }

    /** The unit itself and the units above it, nearest first. */
    Flux<Unit> selfAndAncestors(Unit unit) {
        return Flux.concat(Mono.just(unit), store.ancestors(unit));
    }

    private static Known known(Unit unit) {
        return new Known(unit.id(), unit.officialName(), unit.level());
    }
}
