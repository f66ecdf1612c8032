package io.hoithao.notifications.person;

import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.units.UnitNameFollower;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The events' copies of their organising unit's name follow the directory, so answers show its current name. */
@Component
class UnitNames implements UnitNameFollower {

    private final ReactiveMongoTemplate mongo;

    UnitNames(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> follow(KnownUnits.KnownUnit unit) {
        return mongo.updateMulti(Query.query(Criteria.where("organiserUnitId").is(unit.id()).and("organiserUnit").ne(unit.officialName())),
                new Update().set("organiserUnit", unit.officialName()), KnownEvent.class).then();
    }
}
