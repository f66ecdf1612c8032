package io.hoithao.platform.messaging;

import io.hoithao.contracts.IntegrationMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption without transactions: the write that applies a message also records the
 * message's id in the document it changes, and is guarded by a filter that matches only if that id
 * is not recorded yet. A redelivered message then matches nothing and changes nothing.
 */
public final class Idempotency {

    /** Array of the ids of messages already applied to a document. */
    public static final String APPLIED = "appliedMessageIds";

    /** How many applied ids a document remembers; redeliveries come soon after the original, not years later. */
    static final int REMEMBERED = 1000;

    private Idempotency() {
    }

    /** Narrows a query to documents the message has not been applied to. */
    public static Criteria notApplied(Criteria criteria, IntegrationMessage message) {
        return criteria.and(APPLIED).ne(message.messageId().toString());
    }

    /** Adds the recording of the message to an update. */
    public static Update markApplied(Update update, IntegrationMessage message) {
        update.push(APPLIED).slice(-REMEMBERED).each(message.messageId().toString());
        return update;
    }

    /**
     * Applies a message's update to the document with the given id, creating the document if needed.
     * Emits the updated document, or nothing if the message was applied before.
     */
    public static <T> Mono<T> upsert(ReactiveMongoTemplate mongo, Class<T> type, Object id,
                                     IntegrationMessage message, Update update) {
        return upsert(mongo, type, Criteria.where("_id").is(id), message, update);
    }

    /**
     * Like {@link #upsert(ReactiveMongoTemplate, Class, Object, IntegrationMessage, Update)}, with further
     * conditions on the document (a newer revision, a state it must not have left). {@code criteria} must
     * name the document's {@code _id}; a message that fails the conditions changes nothing.
     */
    public static <T> Mono<T> upsert(ReactiveMongoTemplate mongo, Class<T> type, Criteria criteria,
                                     IntegrationMessage message, Update update) {
        return upsert(mongo, type, mongo.getCollectionName(type), criteria, message, update);
    }

    /** The same, for a document read as {@code type} from the named collection. */
    public static <T> Mono<T> upsert(ReactiveMongoTemplate mongo, Class<T> type, String collection, Criteria criteria,
                                     IntegrationMessage message, Update update) {
        return mongo.findAndModify(Query.query(notApplied(criteria, message)), markApplied(update, message),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), type, collection)
                // The document exists but has applied this message or fails the conditions: the guarded
                // upsert tried to insert a second document with the same _id, and the unique _id index refused it.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** Applies a message's update to an existing document; emits it, or nothing if absent or already applied. */
    public static <T> Mono<T> update(ReactiveMongoTemplate mongo, Class<T> type, Criteria criteria,
                                     IntegrationMessage message, Update update) {
        return mongo.findAndModify(Query.query(notApplied(criteria, message)), markApplied(update, message),
                FindAndModifyOptions.options().returnNew(true), type);
    }
}
