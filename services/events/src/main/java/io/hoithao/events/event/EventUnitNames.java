package io.hoithao.events.event;

import io.hoithao.events.unit.UnitNameCopies;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Events show their unit's current official name: after a rename, each event of the unit takes the new name and
 * the search words made from it. Not a change of the event (no version, no message): the unit is the same id.
 */
@Component
class EventUnitNames implements UnitNameCopies {

    private final ReactiveMongoTemplate mongo;

    EventUnitNames(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Void> renamed(String unitId, String officialName) {
        Query stale = Query.query(Criteria.where("organiserUnitId").is(unitId).and("organiserUnit").ne(officialName));
        return mongo.find(stale, Event.class)
                .concatMap(event -> mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(event.id()).and("organiserUnitId").is(unitId)),
                        new Update().set("organiserUnit", officialName).set("searchTerms",
                                Lifecycle.searchTerms(event.title(), event.description(), officialName, event.venues())),
                        Event.class))
                .then();
    }
}
