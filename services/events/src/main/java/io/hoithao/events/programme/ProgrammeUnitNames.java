package io.hoithao.events.programme;

import io.hoithao.events.unit.UnitNameCopies;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Programmes show the current official name of the unit that keeps them. */
@Component
class ProgrammeUnitNames implements UnitNameCopies {

    private final ReactiveMongoTemplate mongo;

    ProgrammeUnitNames(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> renamed(String unitId, String officialName) {
        return mongo.updateMulti(Query.query(Criteria.where("organiserUnitId").is(unitId).and("organiserUnit").ne(officialName)),
                new Update().set("organiserUnit", officialName), Programme.class).then();
    }
}
