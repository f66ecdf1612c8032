package io.hoithao.observations.delegate;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Reads the delegates the registrations service told of ({@link Observer}), for the feature's answers. */
@Component
class ObserverStore {

    private final ReactiveMongoTemplate mongo;

    ObserverStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An event's delegates whose registrations are confirmed, by name. */
    Flux<Observer> confirmed(String eventId) {
        return mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("confirmed").is(true))
                .with(Sort.by("fullName", "_id")), Observer.class);
    }
}
