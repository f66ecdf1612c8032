package io.hoithao.platform.units;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Where a service keeps copies of unit names: in the documents of {@code type}, the unit's id in {@code idField} and
 * its name in {@code nameField}. Answers show these copies, so they follow the directory's renames.
 */
public record UnitNameCopies(Class<?> type, String idField, String nameField) {

    /**
     * The copies of this unit's name become {@code name}: one update of the documents that hold another name, so
     * running it again changes nothing.
     */
    public Mono<Void> rename(ReactiveMongoTemplate mongo, String unitId, String name) {
        return mongo.updateMulti(Query.query(Criteria.where(idField).is(unitId).and(nameField).ne(name)),
                new Update().set(nameField, name), type).then();
    }

    /** A follower that keeps these copies at the unit's official name. */
    public UnitNameFollower follower(ReactiveMongoTemplate mongo) {
        return unit -> rename(mongo, unit.id(), unit.officialName());
    }
}
