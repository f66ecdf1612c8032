package io.hoithao.platform.messaging;

import io.hoithao.platform.scheduling.PeriodicTask;
import io.hoithao.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The service's dead letters: the records its consumers gave up on, kept in each binding's dead-letter
 * topic. Operators list them and replay one or all to the topic they came from ({@link DeadLettersEndpoint});
 * the consumer then handles the message again, and applies it once (consumers are idempotent by message
 * id). A replay is recorded in the {@value #REPLAYS} collection by an insert keyed by the dead letter's
 * topic, partition and offset, made before the record is republished, so two operators replaying the
 * same dead letter republish it once. The gauge {@value #GAUGE} counts the dead letters not replayed.
 */
public class DeadLetters extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    public static final String GAUGE = "hoithao.messaging.dead.letters";
    public static final String REPLAYS = "dead_letter_replays";
    public static final String REPLAYED_FROM = "hoithao-replayed-from";
    /** Headers of a dead letter: the class of the failure's root cause, and its {@link FailureKind}. */
    public static final String FAILURE = "hoithao-failure";
    public static final String FAILURE_KIND = "hoithao-failure-kind";
    static final String DEAD_LETTER_REPLAYED = "dead-letter-replayed";
    static final String REPLAY_FAILED = "dead-letter-replay-failed";

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_LISTED = 1000;
    private static final int MAX_PAYLOAD = 4096;

    /** A binding's dead-letter topic, the topic its records came from and the consumer group. */
    public record Binding(String deadLetterTopic, String topic, String group) {
    }

    /** One dead letter as operators see it. */
    public record DeadLetter(String topic, int partition, long offset, String originalTopic, String key, String type,
                             String messageId, String failure, String failureKind, String reason, Instant deadLetteredAt,
                             Instant replayedAt, String payload) {
    }

    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final Supplier<Admin> admins;
    private final KafkaOperations<byte[], byte[]> producer;
    private final ReactiveMongoTemplate mongo;
    private final AtomicLong unreplayed = new AtomicLong();

    public DeadLetters(Supplier<Consumer<byte[], byte[]>> consumers, Supplier<Admin> admins,
                       KafkaOperations<byte[], byte[]> producer, ReactiveMongoTemplate mongo, Duration refresh) {
        super(refresh, Duration.ofMinutes(1));
        this.consumers = consumers;
        this.admins = admins;
        this.producer = producer;
        this.mongo = mongo;
    }

    void register(String deadLetterTopic, String topic, String group) {
        bindings.put(deadLetterTopic, new Binding(deadLetterTopic, topic, group));
    }

    public List<Binding> bindings() {
        return bindings.values().stream().sorted(java.util.Comparator.comparing(Binding::deadLetterTopic)).toList();
    }

    /** The number of dead letters not replayed, as last counted (the gauge's value). */
    public long unreplayed() {
        return unreplayed.get();
    }

    /** Every dead letter still in the topics (the first {@value #MAX_LISTED}), oldest first, with its replay if any. */
    public Mono<List<DeadLetter>> list() {
        return blocking(this::readAll)
                .flatMap(records -> replays().map(replayed -> records.stream()
                        .map(record -> view(record, replayed.get(id(record.topic(), record.partition(), record.offset()))))
                        .toList()));
    }

    /** Republishes one dead letter to its original topic; 409 if it was replayed before, 404 if there is none. */
    public Mono<DeadLetter> replay(String topic, int partition, long offset) {
        if (!bindings.containsKey(topic)) {
            return Mono.error(ProblemException.notFound("Dead-letter topic", topic));
        }
        return blocking(() -> readOne(topic, partition, offset))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Dead letter", topic + "/" + partition + "/" + offset)))
                .flatMap(this::replay)
                .doFinally(signal -> refreshNow());
    }

    /** Replays every dead letter not replayed yet; emits how many were republished. */
    public Mono<Integer> replayAll() {
        return list()
                .flatMapMany(Flux::fromIterable)
                .filter(letter -> letter.replayedAt() == null)
                .concatMap(letter -> blocking(() -> readOne(letter.topic(), letter.partition(), letter.offset()))
                        .flatMap(this::replay)
                        .thenReturn(1)
                        .onErrorResume(ProblemException.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum)
                .doFinally(signal -> refreshNow());
    }

    private Mono<DeadLetter> replay(ConsumerRecord<byte[], byte[]> record) {
        String id = id(record.topic(), record.partition(), record.offset());
        Instant now = Instant.now();
        Document claim = new Document("_id", id).append("topic", record.topic()).append("partition", record.partition())
                .append("offset", record.offset()).append("replayedAt", java.util.Date.from(now));
        return mongo.insert(claim, REPLAYS).timeout(CALL_TIMEOUT)
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict(DEAD_LETTER_REPLAYED,
                        "Dead letter " + id + " was replayed before; a dead letter of a new failure has its own offset"))
                .then(blocking(() -> publish(record))
                        .onErrorResume(e -> !(e instanceof ProblemException), e -> {
                            log.warn("Replay of dead letter {} failed: {}", id, e.toString());
                            // Not republished: the claim goes, so that the dead letter counts and can be replayed again.
                            return mongo.remove(Query.query(Criteria.where("_id").is(id)), REPLAYS).timeout(CALL_TIMEOUT)
                                    .then(Mono.error(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, REPLAY_FAILED,
                                            "Replay failed", "The dead letter could not be republished; try again")));
                        }))
                .then(Mono.fromSupplier(() -> {
                    log.info("Replayed dead letter {} to {}", id, originalTopic(record));
                    return view(record, now);
                }));
    }

    private Object publish(ConsumerRecord<byte[], byte[]> record) throws Exception {
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(originalTopic(record), null, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAYED_FROM)
                    && !header.key().equals(FAILURE) && !header.key().equals(FAILURE_KIND)) {
                copy.headers().add(header);
            }
        }
        copy.headers().add(REPLAYED_FROM, id(record.topic(), record.partition(), record.offset()).getBytes(StandardCharsets.UTF_8));
        return producer.send(copy).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        String header = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (header != null) {
            return header;
        }
        Binding binding = bindings.get(record.topic());
        return binding == null ? null : binding.topic();
    }

    /** Takes the count again now, in the background. */
    public void refreshNow() {
        runOnce().subscribe(count -> { }, e -> log.debug("Dead-letter count not refreshed: {}", e.toString()));
    }

    /** The records in the topics minus the replays recorded for offsets still in them. */
    @Override
    protected Mono<Long> runOnce() {
        if (bindings.isEmpty()) {
            unreplayed.set(0);
            return Mono.just(0L);
        }
        return blocking(this::ranges)
                .flatMap(ranges -> Flux.fromIterable(ranges.entrySet())
                        .concatMap(range -> {
                            long total = range.getValue()[1] - range.getValue()[0];
                            if (total <= 0) {
                                return Mono.just(0L);
                            }
                            Query replayed = Query.query(Criteria.where("topic").is(range.getKey().topic())
                                    .and("partition").is(range.getKey().partition())
                                    .and("offset").gte(range.getValue()[0]).lt(range.getValue()[1]));
                            return mongo.count(replayed, REPLAYS).timeout(CALL_TIMEOUT).map(done -> Math.max(0, total - done));
                        })
                        .reduce(0L, Long::sum))
                .doOnNext(unreplayed::set);
    }

    /** Each dead-letter partition's first and next offset, asked of the broker without reading any record. */
    private Map<TopicPartition, long[]> ranges() throws Exception {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        try (Admin admin = admins.get()) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var described = admin.describeTopics(bindings.keySet()).topicNameValues();
            for (var topic : described.entrySet()) {
                try {
                    topic.getValue().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions().forEach(info -> {
                        TopicPartition partition = new TopicPartition(topic.getKey(), info.partition());
                        earliest.put(partition, OffsetSpec.earliest());
                        latest.put(partition, OffsetSpec.latest());
                    });
                } catch (java.util.concurrent.ExecutionException e) {
                    // not provisioned yet: nothing dead-lettered there
                }
            }
            if (earliest.isEmpty()) {
                return ranges;
            }
            var begin = admin.listOffsets(earliest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var end = admin.listOffsets(latest).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            earliest.keySet().forEach(p -> ranges.put(p, new long[] {begin.get(p).offset(), end.get(p).offset()}));
        }
        return ranges;
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : bindings.keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL_TIMEOUT);
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        return partitions;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
            List<TopicPartition> pending = partitions.stream().filter(p -> end.getOrDefault(p, 0L) > 0).toList();
            if (pending.isEmpty()) {
                return records;
            }
            consumer.assign(pending);
            consumer.seekToBeginning(pending);
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (records.size() < MAX_LISTED && System.nanoTime() < deadline
                    && pending.stream().anyMatch(p -> consumer.position(p, CALL_TIMEOUT) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        records.sort(java.util.Comparator.comparing((ConsumerRecord<byte[], byte[]> r) -> r.timestamp())
                .thenComparing(ConsumerRecord::offset));
        return records.size() > MAX_LISTED ? records.subList(0, MAX_LISTED) : records;
    }

    private ConsumerRecord<byte[], byte[]> readOne(String topic, int partition, long offset) {
        TopicPartition target = new TopicPartition(topic, partition);
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL_TIMEOUT);
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
                return null;
            }
            long begin = consumer.beginningOffsets(List.of(target), CALL_TIMEOUT).getOrDefault(target, 0L);
            long end = consumer.endOffsets(List.of(target), CALL_TIMEOUT).getOrDefault(target, 0L);
            if (offset < begin || offset >= end) {
                return null;
            }
            consumer.assign(List.of(target));
            consumer.seek(target, offset);
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        return null;
                    }
                }
            }
            throw new IllegalStateException("Dead letter " + id(topic, partition, offset) + " could not be read in time");
        }
    }

    private Mono<Map<String, Instant>> replays() {
        return mongo.findAll(Document.class, REPLAYS).timeout(CALL_TIMEOUT)
                .collectMap(document -> document.getString("_id"), document -> document.getDate("replayedAt").toInstant());
    }

    private DeadLetter view(ConsumerRecord<byte[], byte[]> record, Instant replayedAt) {
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            payload = payload.substring(0, MAX_PAYLOAD) + "…";
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic(record),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, CloudEventHeaders.TYPE), header(record, CloudEventHeaders.ID),
                header(record, FAILURE) != null ? header(record, FAILURE) : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                header(record, FAILURE_KIND), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()), replayedAt, payload);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String id(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
