package io.hoithao.presentations.event;

import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.event.ConferenceEvent.CallForPapers;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads the events this service learnt of ({@link ConferenceEvent}) and writes what it adds to them: their calls for papers. */
@Component
public class ConferenceEventStore {

    private final ReactiveMongoTemplate mongo;

    ConferenceEventStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The event, or 404. */
    public Mono<ConferenceEvent> find(String eventId) {
        return findIfAny(eventId).switchIfEmpty(Mono.error(() -> ProblemException.notFound("Event", eventId)));
    }

    /** The event, or nothing if this service has not learnt of it. */
    public Mono<ConferenceEvent> findIfAny(String eventId) {
        return mongo.findById(eventId, ConferenceEvent.class);
    }

    /** Whether this service has learnt of the event. */
    public Mono<Boolean> exists(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), ConferenceEvent.class);
    }

    /** Sets the event's call for papers unless it was cancelled; nothing when it was (or is unknown). */
    Mono<ConferenceEvent> callForPapers(String eventId, CallForPapers call) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(eventId).and("cancelled").ne(true)),
                new Update().set("callForPapers", call), FindAndModifyOptions.options().returnNew(true), ConferenceEvent.class);
    }
}
