package io.hoithao.observations.delegate;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The delegates of an event who may book observer seats (confirmed registrations). */
@RestController
@RequestMapping("/api/observations/events/{eventId}/observers")
class ObserverHandler {

    private final ReactiveMongoTemplate mongo;

    ObserverHandler(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    Mono<List<Observer>> eligible(@PathVariable String eventId) {
        Query query = Query.query(Criteria.where("eventId").is(eventId).and("confirmed").is(true))
                .with(Sort.by("fullName", "_id"));
        return mongo.find(query, Observer.class).collectList();
    }
}
