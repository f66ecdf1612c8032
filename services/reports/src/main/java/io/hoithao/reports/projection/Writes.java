package io.hoithao.reports.projection;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.messaging.Idempotency;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** The two kinds of write the projections make, both idempotent by message id. */
final class Writes {

    private Writes() {
    }

    /** Applies the message's update to the document, creating it if needed. */
    static Mono<?> upsert(ReactiveMongoTemplate mongo, Class<?> type, String id, IntegrationMessage message, Update update) {
        return Idempotency.upsert(mongo, type, id, message, update);
    }

    /**
     * Applies it only if the document's {@code field} is below {@code revision} (or absent): a message about an
     * older state, arriving late, changes nothing.
     */
    static Mono<?> newer(ReactiveMongoTemplate mongo, Class<?> type, String id, String field, long revision,
                         IntegrationMessage message, Update update) {
        Criteria criteria = Criteria.where("_id").is(id)
                .orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(revision));
        return Idempotency.upsert(mongo, type, criteria, message, update.set(field, revision));
    }
}
