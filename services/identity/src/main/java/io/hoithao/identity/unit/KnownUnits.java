package io.hoithao.identity.unit;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The identity service's copy of the units directory (the events service's), learnt from topic
 * {@code hoithao.units}: which unit ids exist, their current official names (the tokens' {@code unit}) and
 * their parents (who may confirm a person's unit). Names and parent each keep the revision that set them and
 * only a higher one replaces them (one conditional upsert each; a lower revision's insert is refused by the
 * key), so redeliveries and messages out of order end in the latest state.
 */
@Component
public class KnownUnits {

    static final String COLLECTION = "known_units";
    private static final int MAX_DEPTH = 8;

    private final MongoTemplate mongo;

    KnownUnits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A unit as known here. */
    public record KnownUnit(String id, String officialName, String parentId) {
    }

    /** Applies a message of the units topic. */
    public void apply(IntegrationMessage message) {
        if (message instanceof UnitCreated created) {
            names(created.unitId(), created.officialName(), created.revision());
            parent(created.unitId(), created.parentId(), created.revision());
        } else if (message instanceof UnitRenamed renamed) {
            names(renamed.unitId(), renamed.officialName(), renamed.revision());
        } else if (message instanceof UnitMoved moved) {
            parent(moved.unitId(), moved.parentId(), moved.revision());
        }
    }

    private void names(String id, String officialName, long revision) {
        upsertIfNewer(id, "namesRevision", revision, new Update().set("officialName", officialName));
    }

    private void parent(String id, String parentId, long revision) {
        upsertIfNewer(id, "parentRevision", revision, new Update().set("parentId", parentId));
    }

    private void upsertIfNewer(String id, String revisionField, long revision, Update update) {
        Query older = Query.query(Criteria.where("_id").is(id).orOperator(
                Criteria.where(revisionField).exists(false), Criteria.where(revisionField).lt(revision)));
        try {
            mongo.upsert(older, update.set(revisionField, revision), COLLECTION);
        } catch (DuplicateKeyException newerKept) {
            // the stored revision is the same or higher: nothing to change
        }
    }

    /** The unit with this id, once a message has named it. */
    public Optional<KnownUnit> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Document found = mongo.findById(id, Document.class, COLLECTION);
        return found == null || found.getString("officialName") == null ? Optional.empty()
                : Optional.of(new KnownUnit(found.getString("_id"), found.getString("officialName"), found.getString("parentId")));
    }

    /** Every unit known here by name, by official name (the sign-up page's choice of unit); at most {@code limit}. */
    public List<KnownUnit> all(int limit) {
        Query named = Query.query(Criteria.where("officialName").ne(null))
                .with(org.springframework.data.domain.Sort.by("officialName", "_id")).limit(limit);
        return mongo.find(named, Document.class, COLLECTION).stream()
                .map(found -> new KnownUnit(found.getString("_id"), found.getString("officialName"), found.getString("parentId")))
                .toList();
    }

    /** The unit itself and the units above it, nearest first, as far as they are known here. */
    public List<String> selfAndAncestors(String id) {
        List<String> chain = new ArrayList<>();
        Optional<KnownUnit> unit = find(id);
        while (unit.isPresent() && !chain.contains(unit.get().id()) && chain.size() < MAX_DEPTH) {
            chain.add(unit.get().id());
            unit = find(unit.get().parentId());
        }
        return chain;
    }

    /** Whether {@code unitId} is {@code aboveId} itself or a unit below it. */
    public boolean within(String unitId, String aboveId) {
        return aboveId != null && selfAndAncestors(unitId).contains(aboveId);
    }
}
