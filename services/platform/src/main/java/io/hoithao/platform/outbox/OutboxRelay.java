package io.hoithao.platform.outbox;

import io.hoithao.platform.messaging.CloudEventHeaders;
import io.hoithao.platform.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import io.hoithao.platform.scheduling.PeriodicTask;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the messages waiting in documents' outboxes to Kafka, keyed by the conference event's id,
 * and removes each one only after the broker acknowledged it. Messages of one document go out in
 * order; a failed send stops that document's batch so a later message never overtakes an earlier one.
 *
 * <p>Delivery is at least once: a crash between the acknowledgement and the removal, or the
 * immediate relay racing the sweep, publishes a message twice. Consumers are idempotent by message id.
 */
public class OutboxRelay extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** When the current publisher's claim on a document's outbox expires. */
    public static final String LEASE = "outboxLeaseUntil";

    /** Messages published, by type (at least once: a message published twice counts twice). */
    public static final String PUBLISHED = "hoithao.outbox.published";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final MeterRegistry meters;
    private final Map<String, Counter> publishedByType = new ConcurrentHashMap<>();
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    /**
     * What the last sweep found waiting in one collection's outboxes, before it published them.
     *
     * @param messages unpublished messages
     * @param oldest when the oldest of them occurred, null when there is none
     */
    public record Backlog(long messages, Instant oldest) {

        static final Backlog NONE = new Backlog(0, null);

        /** How long the oldest unpublished message has waited, as of {@code now}; zero when none waits. */
        public Duration oldestAge(Instant now) {
            return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties) {
        this(mongo, kafka, properties, new CompositeMeterRegistry());
    }

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       MeterRegistry meters) {
        super(properties.sweepInterval());
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
    }

    /** The outbox backlog of one collection as the last sweep found it (none before the first sweep). */
    public Backlog backlog(String collection) {
        return backlogs.getOrDefault(collection, Backlog.NONE);
    }

    /**
     * Publishes the pending messages of one document; call it right after the write that queued them.
     * Completes when they are published, or quietly when another publisher holds the document or the
     * broker is unreachable (the sweep retries).
     */
    public Mono<Void> relay(String collection, Object documentId) {
        return drain(collection, documentId)
                .onErrorResume(e -> {
                    log.warn("Outbox of {}/{} left for the sweep: {}", collection, documentId, e.toString());
                    return Mono.empty();
                });
    }

    /** Publishes every pending message of every configured collection; returns how many documents were drained. */
    public Mono<Long> sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return Mono.just(0L);
        }
        Query pending = Query.query(Criteria.where(Outbox.FIELD + ".0").exists(true));
        // The entries' times, not their payloads: what the backlog figures need.
        pending.fields().include("_id").include(Outbox.FIELD + ".occurredAt");
        return Flux.fromIterable(properties.collections())
                // The ids first, under one timeout, so that a slow document never holds the cursor open.
                .concatMap(collection -> bounded(mongo.find(pending, Document.class, collection).collectList())
                        .doOnNext(documents -> backlogs.put(collection, backlogOf(documents)))
                        .map(documents -> documents.stream().map(document -> document.get("_id")).toList())
                        .onErrorResume(e -> {
                            log.warn("Outbox sweep of {} failed: {}", collection, e.toString());
                            return Mono.just(List.of());
                        })
                        .flatMapIterable(ids -> ids)
                        .concatMap(id -> drain(collection, id)
                                .thenReturn(1L)
                                .onErrorResume(e -> {
                                    log.warn("Outbox sweep of {}/{} failed: {}", collection, id, e.toString());
                                    return Mono.just(0L);
                                })))
                .reduce(0L, Long::sum)
                .doFinally(signal -> sweeping.set(false));
    }

    private Backlog backlogOf(List<Document> documents) {
        long messages = 0;
        Instant oldest = null;
        for (Document document : documents) {
            for (OutboxEntry entry : entries(document)) {
                messages++;
                Instant occurredAt = entry.occurredAt();
                if (occurredAt != null && (oldest == null || occurredAt.isBefore(oldest))) {
                    oldest = occurredAt;
                }
            }
        }
        return new Backlog(messages, oldest);
    }

    /** The entries of a document's outbox as written ({@link OutboxEntry}); only the fields the query asked for are set. */
    private List<OutboxEntry> entries(Document document) {
        return document.getList(Outbox.FIELD, Document.class, List.of()).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .toList();
    }

    /**
     * One publisher at a time per document, across threads and service instances: it claims the
     * document with a lease (an atomic conditional write), publishes until the outbox is empty, and
     * releases the lease only if nothing was appended meanwhile. A publisher that dies keeps the lease
     * until it expires; then the sweep takes over.
     */
    private Mono<Void> drain(String collection, Object documentId) {
        Instant now = Instant.now();
        Query claimable = Query.query(Criteria.where("_id").is(documentId)
                .and(Outbox.FIELD + ".0").exists(true)
                .orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).lt(now)));
        claimable.fields().include(Outbox.FIELD);
        Update claim = new Update().set(LEASE, now.plus(properties.sendTimeout().multipliedBy(3)));
        return bounded(mongo.findAndModify(claimable, claim, FindAndModifyOptions.options().returnNew(true), Document.class, collection))
                .flatMap(document -> publishAll(collection, document)
                        // Give the claim up at once so the next attempt need not wait for it to expire.
                        .onErrorResume(e -> bounded(mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)),
                                new Update().unset(LEASE), collection)).then(Mono.error(e))));
    }

    private Mono<Void> release(String collection, Object documentId) {
        Query emptied = Query.query(Criteria.where("_id").is(documentId).and(Outbox.FIELD).size(0));
        return bounded(mongo.updateFirst(emptied, new Update().unset(LEASE), collection))
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.empty() : publishRest(collection, documentId));
    }

    /** Messages were appended while we published: publish them too, still holding the lease. */
    private Mono<Void> publishRest(String collection, Object documentId) {
        Query id = Query.query(Criteria.where("_id").is(documentId));
        id.fields().include(Outbox.FIELD);
        return bounded(mongo.findOne(id, Document.class, collection))
                .flatMap(document -> publishAll(collection, document));
    }

    /**
     * Publishes the entries one after the other (a later one never before an earlier one), then removes
     * them and gives the lease up in one write, conditional on the outbox still holding exactly these
     * entries. Otherwise (a change appended a message meanwhile) it removes them by id and goes on with
     * the rest. If a send fails, the entries the broker acknowledged are removed before the error goes on.
     */
    private Mono<Void> publishAll(String collection, Document document) {
        Object documentId = document.get("_id");
        List<String> published = new ArrayList<>();
        return Flux.fromIterable(entries(document))
                .concatMap(entry -> publish(entry).then(Mono.fromRunnable(() -> published.add(entry.messageId()))))
                .then(Mono.defer(() -> finish(collection, documentId, published)))
                .onErrorResume(e -> remove(collection, documentId, published).then(Mono.error(e)));
    }

    private Mono<Void> finish(String collection, Object documentId, List<String> published) {
        if (published.isEmpty()) {
            return release(collection, documentId);
        }
        Criteria unchanged = Criteria.where("_id").is(documentId).and(Outbox.FIELD).size(published.size());
        for (int i = 0; i < published.size(); i++) {
            unchanged = unchanged.and(Outbox.FIELD + "." + i + ".messageId").is(published.get(i));
        }
        return bounded(mongo.updateFirst(Query.query(unchanged), new Update().set(Outbox.FIELD, List.of()).unset(LEASE), collection))
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.empty()
                        : remove(collection, documentId, List.copyOf(published)).then(release(collection, documentId)));
    }

    private Mono<Void> publish(OutboxEntry entry) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                entry.topic(), entry.key(),
                entry.payload().getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), entry.messageId(), entry.type(),
                properties.source(), entry.occurredAt(), entry.key());
        // KafkaTemplate.send blocks its caller while the broker's metadata is unknown (up to max.block.ms):
        // on a boundedElastic thread, so that an outage of the broker never holds the database driver's
        // or the web server's threads, and with them every request of the service.
        // In the trace of the change that wrote the entry: the send's span, and the record's traceparent header, continue it.
        return Mono.fromFuture(() -> TraceContext.within(entry.traceparent(), () -> kafka.send(record)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.sendTimeout())
                .doOnNext(result -> {
                    log.debug("Published {} {} to {}", entry.type(), entry.messageId(),
                            result.getRecordMetadata());
                    publishedByType.computeIfAbsent(entry.type(), type -> Counter.builder(PUBLISHED)
                            .description("Messages the outbox relay published, by type")
                            .tag("type", type)
                            .register(meters)).increment();
                })
                .then();
    }

    private Mono<Void> remove(String collection, Object documentId, List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Mono.empty();
        }
        Update pull = new Update().pull(Outbox.FIELD, new Document("messageId", new Document("$in", List.copyOf(messageIds))));
        return bounded(mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId)), pull, collection)).then();
    }

    /** Every database call of the relay has a deadline: a call that never answers must not stall the sweep for good. */
    private <T> Mono<T> bounded(Mono<T> call) {
        return call.timeout(properties.databaseTimeout());
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepOnStartup() {
        sweep().subscribe(count -> {
            if (count > 0) {
                log.info("Published {} message(s) left in outboxes", count);
            }
        });
    }

    @Override
    protected Mono<Long> runOnce() {
        return sweep();
    }
}
