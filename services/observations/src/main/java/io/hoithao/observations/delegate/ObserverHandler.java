package io.hoithao.observations.delegate;

import io.hoithao.observations.event.EventAccess;
import io.hoithao.platform.security.Caller;
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

/**
 * The delegates of an event who may book observer seats (confirmed registrations), with their emails:
 * for the organisers of the event's unit and administrators only.
 */
@RestController
@RequestMapping("/api/observations/events/{eventId}/observers")
class ObserverHandler {

    private final ReactiveMongoTemplate mongo;
    private final EventAccess events;

    ObserverHandler(ReactiveMongoTemplate mongo, EventAccess events) {
        this.mongo = mongo;
        this.events = events;
    }

    @GetMapping
    Mono<List<Observer>> eligible(@PathVariable String eventId, Caller caller) {
        Query query = Query.query(Criteria.where("eventId").is(eventId).and("confirmed").is(true))
                .with(Sort.by("fullName", "_id"));
        return events.requireManager(eventId, caller).then(Mono.defer(() -> mongo.find(query, Observer.class).collectList()));
    }
}
