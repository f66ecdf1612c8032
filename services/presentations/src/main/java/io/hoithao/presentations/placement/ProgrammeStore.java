package io.hoithao.presentations.placement;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.platform.web.ProblemTypes;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Changes an event's {@link Programme}: decide in Java on the document as read, then one conditional
 * write that matches only that {@code version} (and, for a consumed message, only if it was not applied
 * yet), sets the sessions and carries the messages ({@link Publishing}). The first write creates the document.
 */
@Component
class ProgrammeStore {

    static final String COLLECTION = "programmes";

    private final ReactiveMongoTemplate mongo;
    private final Publishing publishing;

    ProgrammeStore(ReactiveMongoTemplate mongo, Publishing publishing) {
        this.mongo = mongo;
        this.publishing = publishing;
    }

    Mono<Programme> find(String eventId) {
        return mongo.findById(eventId, Programme.class).defaultIfEmpty(Programme.empty(eventId));
    }

    /** {@code decide} gets the programme and the revision the change will have; it returns null for "no change". */
    Mono<Programme> change(String eventId, IntegrationMessage applying, Decision decide) {
        return Mono.defer(() -> find(eventId).flatMap(programme -> {
                    if (applying != null && programme.appliedMessageIds().contains(applying.messageId().toString())) {
                        return Mono.just(programme);
                    }
                    Placement.Outcome outcome = decide.apply(programme, programme.version() + 1);
                    if (outcome == null) {
                        return Mono.just(programme);
                    }
                    return write(programme, applying, outcome);
                }))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(10)).filter(Conflict.class::isInstance))
                .onErrorMap(e -> Conflict.class.isInstance(e) || Conflict.class.isInstance(e.getCause()),
                        e -> new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                                "Concurrent modification", "The programme of event " + eventId
                                + " kept changing; read it again and retry"));
    }

    interface Decision {
        Placement.Outcome apply(Programme programme, long revision);
    }

    private Mono<Programme> write(Programme read, IntegrationMessage applying, Placement.Outcome outcome) {
        Criteria criteria = Criteria.where("_id").is(read.eventId()).and("version").is(read.version());
        Update update = new Update().set("sessions", outcome.sessions()).inc("version", 1);
        if (outcome.withdrawnPaperId() != null) {
            update.addToSet("withdrawn", outcome.withdrawnPaperId());
        }
        if (applying != null) {
            criteria = Idempotency.notApplied(criteria, applying);
            Idempotency.markApplied(update, applying);
        }
        Query query = Query.query(criteria);
        return (read.version() == 0
                        ? publishing.upsert(query, update, outcome.messages(), Programme.class)
                        : publishing.update(query, update, outcome.messages(), Programme.class))
                // Version 0 means "not there yet": someone else created it first, and the upsert met their _id.
                .onErrorMap(DuplicateKeyException.class, e -> new Conflict())
                .switchIfEmpty(Mono.error(Conflict::new));
    }

    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }
}
