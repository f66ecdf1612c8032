package io.hoithao.events.unit;

import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.events.event.SearchText;
import io.hoithao.events.unit.UnitRequests.CreateUnit;
import io.hoithao.events.unit.UnitRequests.MoveUnit;
import io.hoithao.events.unit.UnitRequests.RenameUnit;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * The directory of units: creates, renames and moves units (each change a {@code UnitCreated},
 * {@code UnitRenamed} or {@code UnitMoved} on {@code hoithao.units}), and finds them.
 */
@Service
class UnitDirectory {

    private static final Sort ORDER = Sort.by("officialName", "_id");

    private final UnitStore store;
    private final UnitRights rights;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final List<UnitNameCopies> copies;

    UnitDirectory(UnitStore store, UnitRights rights, ReactiveMongoTemplate mongo, Clock clock,
                  org.springframework.beans.factory.ObjectProvider<UnitNameCopies> copies) {
        this.store = store;
        this.rights = rights;
        this.mongo = mongo;
        this.clock = clock;
        this.copies = copies.orderedStream().toList();
    }

    /** Checked in this order: the caller's role, the names and kind, the parent exists, the caller's rights there, the level. */
    Mono<Unit> create(CreateUnit request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            String official = UnitRules.name("officialName", request.officialName());
            String shortName = request.shortName() == null || request.shortName().isBlank() ? official
                    : UnitRules.name("shortName", request.shortName());
            UnitRules.kindFitsLevel(request.kind(), request.level());
            Mono<Unit> parent = request.parentId() == null ? Mono.empty()
                    : store.findIfExists(request.parentId().strip())
                    .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("parentId", "no unit " + request.parentId().strip())));
            return parent.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(above -> rights.requirePlaceUnder(above.orElse(null), caller)
                            .then(Mono.fromCallable(() -> {
                                UnitRules.placement(request.kind(), request.level(), above.orElse(null));
                                return newUnit(UUID.randomUUID().toString(), official, shortName, request.kind(), request.level(),
                                        above.map(Unit::id).orElse(null));
                            })))
                    .flatMap(store::insert);
        });
    }

    /** A new unit with its {@code UnitCreated}, to be inserted whole. */
    UnitStore.Creation newUnit(String id, String official, String shortName, UnitKind kind, UnitLevel level, String parentId) {
        Instant now = clock.instant();
        UnitCreated created = new UnitCreated(UUID.randomUUID(), now, UnitsMessage.NO_EVENT, id, official, shortName,
                kind.name(), level.name(), parentId, 0);
        return new UnitStore.Creation(new Unit(id, official, shortName, kind, level, parentId, UnitRules.siblingKey(parentId, official),
                UnitRules.searchTerms(official, shortName), 0, now, now), List.of(created));
    }

    Mono<Unit> rename(String id, RenameUnit request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            String official = UnitRules.name("officialName", request.officialName());
            String requestedShort = request.shortName() == null || request.shortName().isBlank() ? null
                    : UnitRules.name("shortName", request.shortName());
            return store.change(id, unit -> rights.requireChange(unit, caller).then(Mono.defer(() -> {
                String shortName = requestedShort != null ? requestedShort
                        : unit.shortName().equals(unit.officialName()) ? official : unit.shortName();
                if (official.equals(unit.officialName()) && shortName.equals(unit.shortName())) {
                    return Mono.empty();
                }
                return Mono.fromCallable(() -> renaming(unit, official, shortName));
            }))).flatMap(renamed -> followed(renamed).thenReturn(renamed));
        });
    }

    /**
     * The service's copies of the unit's name take its current one. The rename is written already; a copy that
     * fails to follow is refreshed by the next rename (answers about events show the directory's name anyway).
     */
    private Mono<Void> followed(Unit unit) {
        return reactor.core.publisher.Flux.fromIterable(copies)
                .concatMap(copy -> copy.renamed(unit.id(), unit.officialName())
                        .onErrorResume(e -> {
                            org.slf4j.LoggerFactory.getLogger(UnitDirectory.class)
                                    .warn("copies of the name of unit {} not refreshed: {}", unit.id(), e.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    private UnitStore.Change renaming(Unit unit, String official, String shortName) {
        Update update = new Update()
                .set("officialName", official)
                .set("shortName", shortName)
                .set("siblingKey", UnitRules.siblingKey(unit.parentId(), official))
                .set("searchTerms", UnitRules.searchTerms(official, shortName));
        UnitRenamed renamed = new UnitRenamed(UUID.randomUUID(), clock.instant(), UnitsMessage.NO_EVENT, unit.id(),
                official, shortName, unit.officialName(), unit.version() + 1);
        return new UnitStore.Change(update, List.of(renamed), unit.parentId(), official);
    }

    /**
     * Puts the unit under another parent: the caller must manage the unit and the new parent, the new
     * parent must not be the unit or one below it, and its level must hold the unit's.
     */
    Mono<Unit> move(String id, MoveUnit request, Caller caller) {
        return Mono.defer(() -> {
            caller.requireSignedIn();
            String parentId = request.parentId().strip();
            return store.change(id, unit -> rights.requireChange(unit, caller)
                    .then(Mono.defer(() -> parentId.equals(unit.parentId()) ? Mono.empty()
                            : store.findIfExists(parentId)
                            .switchIfEmpty(Mono.error(() -> ProblemException.invalidField("parentId", "no unit " + parentId)))
                            .flatMap(parent -> rights.requirePlaceUnder(parent, caller)
                                    .then(notUnderItself(unit, parent))
                                    .then(Mono.fromCallable(() -> {
                                        UnitRules.placement(unit.kind(), unit.level(), parent);
                                        Update update = new Update()
                                                .set("parentId", parent.id())
                                                .set("siblingKey", UnitRules.siblingKey(parent.id(), unit.officialName()));
                                        UnitMoved moved = new UnitMoved(UUID.randomUUID(), clock.instant(), UnitsMessage.NO_EVENT,
                                                unit.id(), parent.id(), unit.parentId(), unit.version() + 1);
                                        return new UnitStore.Change(update, List.of(moved), parent.id(), unit.officialName());
                                    }))))));
        });
    }

    private Mono<Void> notUnderItself(Unit unit, Unit parent) {
        if (parent.id().equals(unit.id())) {
            return Mono.error(ProblemException.conflict(UnitRules.HIERARCHY, "A unit cannot sit under itself").with("parentId", parent.id()));
        }
        return store.ancestors(parent).any(ancestor -> ancestor.id().equals(unit.id()))
                .flatMap(loop -> loop ? Mono.error(ProblemException.conflict(UnitRules.HIERARCHY, parent.officialName()
                        + " is below " + unit.officialName() + ", which cannot sit under it").with("parentId", parent.id())) : Mono.empty());
    }

    Mono<Unit> find(String id) {
        return store.find(id);
    }

    /** Units matching the filter: {@code q} ignores diacritics and case and matches units having all its words. */
    Flux<Unit> search(String q, UnitKind kind, UnitLevel level, String parentId, int page, int size) {
        return mongo.find(filter(q, kind, level, parentId).with(PageRequest.of(page, size, ORDER)), Unit.class);
    }

    Mono<Long> count(String q, UnitKind kind, UnitLevel level, String parentId) {
        return mongo.count(filter(q, kind, level, parentId), Unit.class);
    }

    private static Query filter(String q, UnitKind kind, UnitLevel level, String parentId) {
        List<Criteria> all = new ArrayList<>();
        List<String> words = q == null ? List.of() : SearchText.terms(q);
        if (!words.isEmpty()) {
            all.add(Criteria.where("searchTerms").all(words));
        }
        if (kind != null) {
            all.add(Criteria.where("kind").is(kind));
        }
        if (level != null) {
            all.add(Criteria.where("level").is(level));
        }
        if (parentId != null) {
            all.add(Criteria.where("parentId").is(parentId));
        }
        return all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
    }

    /** The units right below this one (404 if it does not exist). */
    Mono<List<Unit>> children(String id, int page, int size) {
        return store.find(id).flatMap(unit -> mongo.find(Query.query(Criteria.where("parentId").is(unit.id()))
                .with(PageRequest.of(page, size, ORDER)), Unit.class).collectList());
    }

    Mono<Long> countChildren(String id) {
        return mongo.count(Query.query(Criteria.where("parentId").is(id)), Unit.class);
    }

    /** The ids of every unit below this one, level by level (404 if it does not exist). */
    Mono<List<String>> descendantIds(String id) {
        return store.find(id).flatMap(unit -> below(List.of(unit.id()), new ArrayList<>(), 0));
    }

    private Mono<List<String>> below(List<String> frontier, List<String> found, int depth) {
        if (frontier.isEmpty() || depth >= UnitStore.MAX_DEPTH) {
            return Mono.just(List.copyOf(found));
        }
        Query children = Query.query(Criteria.where("parentId").in(frontier));
        children.fields().include("_id");
        return mongo.find(children, org.bson.Document.class, UnitStore.COLLECTION)
                .map(document -> document.getString("_id"))
                .collectList()
                .flatMap(next -> {
                    found.addAll(next);
                    return below(next, found, depth + 1);
                });
    }

    Flux<Unit> units(List<String> ids, int page, int size) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)).with(PageRequest.of(page, size, ORDER)), Unit.class);
    }
}
