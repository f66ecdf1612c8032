package io.hoithao.platform.outbox;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.platform.messaging.Idempotency;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Writes a decided change together with the messages it produces, and publishes them: the change and the
 * messages (appended to the document's {@code outbox} array) are one atomic Mongo write, so a message exists
 * exactly when its change does; once the write has succeeded, the {@link OutboxRelay} is started for that
 * document in the background, in the reactive context of the caller (its trace), without holding up or failing
 * the caller's answer. A broker that is out of reach leaves the messages in the outbox for the sweep.
 *
 * <p>A service says what changed and what it tells about it; it never touches the outbox or the relay.
 * A write that matches nothing (a refused condition) writes no message and publishes nothing.
 */
public class Publishing {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    public Publishing(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Inserts a new aggregate with its messages in its outbox; emits the document as given. A document with the
     * same id fails the insert ({@link DuplicateKeyException}) and nothing is published.
     */
    public <T> Mono<T> insert(T document, List<? extends IntegrationMessage> messages) {
        return insert(document, messages, mongo.getCollectionName(document.getClass()));
    }

    /** {@link #insert(Object, List)} into the named collection. */
    public <T> Mono<T> insert(T document, List<? extends IntegrationMessage> messages, String collection) {
        return Mono.defer(() -> {
            Document stored = new Document();
            mongo.getConverter().write(document, stored);
            // A new document has no earlier outbox to lose: the entries are its whole outbox.
            stored.put(Outbox.FIELD, mongo.getConverter().convertToMongoType(Outbox.entries(messages)));
            return mongo.insert(stored, collection)
                    .map(written -> document)
                    .transform(written -> publishedAfter(written, collection, stored.get("_id"), messages));
        });
    }

    /**
     * Applies the update to the one document the query matches (a conditional write: the query names the
     * document's {@code _id} and the state the change was decided on), with the messages appended to its outbox;
     * emits the document as written, or nothing when the query matched nothing (then nothing is written or published).
     */
    public <T> Mono<T> update(Query query, Update update, List<? extends IntegrationMessage> messages, Class<T> type) {
        return modify(query, update, messages, type, FindAndModifyOptions.options().returnNew(true));
    }

    /** {@link #update}, inserting the document when the query matches none. */
    public <T> Mono<T> upsert(Query query, Update update, List<? extends IntegrationMessage> messages, Class<T> type) {
        return modify(query, update, messages, type, FindAndModifyOptions.options().returnNew(true).upsert(true));
    }

    /**
     * Applies a consumed message to the document with the given id, creating it if needed, at most once
     * ({@link Idempotency}), with the messages this application produces; emits the document as written, or nothing
     * when the message was applied before (then nothing is written or published).
     */
    public <T> Mono<T> applyOnce(IntegrationMessage consumed, Object id, Update update,
                                 List<? extends IntegrationMessage> messages, Class<T> type) {
        Query query = Query.query(Idempotency.notApplied(Criteria.where("_id").is(id), consumed));
        return Mono.defer(() -> modify(query, Idempotency.markApplied(update, consumed), messages, type,
                        FindAndModifyOptions.options().returnNew(true).upsert(true)))
                // Applied before: the guarded upsert tried to insert a second document with the same _id.
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    private <T> Mono<T> modify(Query query, Update update, List<? extends IntegrationMessage> messages, Class<T> type,
                               FindAndModifyOptions options) {
        String collection = mongo.getCollectionName(type);
        // Deferred: the entries are made (and take the current trace) when the write is subscribed, not before.
        return Mono.defer(() -> mongo.findAndModify(query, Outbox.append(update, messages), options, type, collection)
                .flatMap(written -> publishedAfter(Mono.just(written), collection, idOf(written), messages)));
    }

    private <T> Mono<T> publishedAfter(Mono<T> written, String collection, Object documentId,
                                       List<? extends IntegrationMessage> messages) {
        if (messages.isEmpty()) {
            // nothing of this write's to publish: no relay round trip (what an earlier write left waits for the sweep)
            return written;
        }
        return Mono.deferContextual(context -> written.doOnNext(document ->
                // Not part of the caller's answer: it completes quietly whatever happens (the sweep retries),
                // and it goes on after the answer, in the caller's context so that its work joins the caller's trace.
                relay.relay(collection, documentId).contextWrite(context).subscribe()));
    }

    private Object idOf(Object document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }
}
