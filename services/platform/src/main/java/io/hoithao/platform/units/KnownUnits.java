package io.hoithao.platform.units;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.messaging.MessageDispatch;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This service's copy of the units directory (the events service's, learnt from topic {@code hoithao.units}):
 * for each unit id, its current names and its parent. Services record units by id and show the names found
 * here, so a rename shows in their answers once its message is applied; rights and counts never look at names.
 *
 * <p>Names and parent are kept apart, each with the revision of the message that set it: a rename and a move
 * change different things, and after a crash the directory may publish a later message before an earlier one.
 * Each part is one conditional upsert that applies only a higher revision than the one stored (a lower or equal
 * one matches nothing, tries to insert the same id and is refused by the key: nothing changes), so redeliveries
 * and reorderings end in the state of the highest revisions.
 */
public class KnownUnits {

    /** The collection of the projection, in the service's own database. */
    public static final String COLLECTION = "known_units";

    private static final int MAX_DEPTH = 8;

    private final ReactiveMongoTemplate mongo;
    private final MessageDispatch dispatch;

    public KnownUnits(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.dispatch = MessageDispatch.of(UnitsMessage.class)
                .on(UnitCreated.class, this::created)
                .on(UnitRenamed.class, this::renamed)
                .on(UnitMoved.class, this::moved)
                .ignore(ModelSiteDesignated.class, ModelSiteWithdrawn.class)
                .build();
    }

    /**
     * A unit as this service knows it.
     *
     * @param id           the unit's id in the directory
     * @param officialName its official name, the one answers show
     * @param shortName    its short name
     * @param parentId     the unit above it, null at the top
     */
    public record KnownUnit(String id, String officialName, String shortName, String parentId) {
    }

    /** Applies a message of the units topic (the model sites' are ignored). */
    public Mono<Void> apply(IntegrationMessage message) {
        return dispatch.apply(message).then();
    }

    public Mono<Void> created(UnitCreated created) {
        return names(created.unitId(), created.officialName(), created.shortName(), created.revision())
                .then(parent(created.unitId(), created.parentId(), created.revision()));
    }

    public Mono<Void> renamed(UnitRenamed renamed) {
        return names(renamed.unitId(), renamed.officialName(), renamed.shortName(), renamed.revision());
    }

    public Mono<Void> moved(UnitMoved moved) {
        return parent(moved.unitId(), moved.parentId(), moved.revision());
    }

    private Mono<Void> names(String id, String officialName, String shortName, long revision) {
        return upsertIfNewer(id, "namesRevision", revision,
                new Update().set("officialName", officialName).set("shortName", shortName));
    }

    private Mono<Void> parent(String id, String parentId, long revision) {
        return upsertIfNewer(id, "parentRevision", revision, new Update().set("parentId", parentId));
    }

    private Mono<Void> upsertIfNewer(String id, String revisionField, long revision, Update update) {
        Query older = Query.query(Criteria.where("_id").is(id).orOperator(
                Criteria.where(revisionField).exists(false), Criteria.where(revisionField).lt(revision)));
        return mongo.upsert(older, update.set(revisionField, revision), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, newerKept -> Mono.empty())
                .then();
    }

    /** The unit with this id, if a message has named it; a unit only moved so far has no names yet and is absent. */
    public Mono<KnownUnit> find(String id) {
        if (id == null || id.isBlank()) {
            return Mono.empty();
        }
        return mongo.findById(id, org.bson.Document.class, COLLECTION)
                .filter(document -> document.getString("officialName") != null)
                .map(KnownUnits::unit);
    }

    /** The known units among these ids, by id. */
    public Mono<Map<String, KnownUnit>> find(Collection<String> ids) {
        List<String> wanted = ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        if (wanted.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(wanted)), org.bson.Document.class, COLLECTION)
                .filter(document -> document.getString("officialName") != null)
                .map(KnownUnits::unit)
                .collectMap(KnownUnit::id, unit -> unit, HashMap::new)
                .map(Map::copyOf);
    }

    /** The current official name of the unit, or {@code fallback} while the unit is not known here. */
    public Mono<String> name(String id, String fallback) {
        return find(id).map(KnownUnit::officialName).defaultIfEmpty(fallback == null ? "" : fallback);
    }

    /** The units above this one, nearest first (as far as this service knows them; a loop or a deep chain stops). */
    public Flux<KnownUnit> ancestors(String id) {
        return find(id).expand(unit -> unit.parentId() == null ? Mono.empty() : find(unit.parentId()))
                .skip(1)
                .take(MAX_DEPTH);
    }

    private static KnownUnit unit(org.bson.Document document) {
        return new KnownUnit(document.getString("_id"), document.getString("officialName"), document.getString("shortName"),
                document.getString("parentId"));
    }
}
