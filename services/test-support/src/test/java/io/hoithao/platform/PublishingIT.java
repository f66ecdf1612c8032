package io.hoithao.platform;

import static io.hoithao.platform.OutboxRelayIT.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxEntry;
import io.hoithao.platform.outbox.OutboxProperties;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.outbox.Publishing;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestInfrastructure;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/** A change and its messages written as one, then published: {@link Publishing}. */
@IntegrationTest
class PublishingIT {

    /** A document of a collection no sweep of the test service reads: only the relays of each test publish its messages. */
    @org.springframework.data.mongodb.core.mapping.Document("gadgets")
    record Gadget(@org.springframework.data.annotation.Id String id, String name, List<OutboxEntry> outbox) {
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Publishing publishing;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void theChangeAndItsMessagesAreOneWrite() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        mongo.insert(new Gadget(id, "widget", List.of())).block();
        EventPublished first = published(eventId, "Một");
        EventPublished second = published(eventId, "Hai");

        List<org.bson.Document> writes = new CopyOnWriteArrayList<>();
        ReactiveMongoTemplate recording = new ReactiveMongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter()) {
            @Override
            public <T> Mono<T> findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
                                             Class<T> entityClass, String collectionName) {
                writes.add(update.getUpdateObject());
                return super.findAndModify(query, update, options, entityClass, collectionName);
            }
        };
        // Its relay never publishes: what is in the document was put there by the write alone.
        Publishing writer = new Publishing(recording, new OutboxRelay(mongo, recordingBroker(new CopyOnWriteArrayList<>()),
                new OutboxProperties(List.of("gadgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null)) {
            @Override
            public Mono<Void> relay(String collection, Object documentId) {
                return Mono.empty();
            }
        });

        Gadget written = writer.update(Query.query(Criteria.where("_id").is(id).and("name").is("widget")),
                new Update().set("name", "renamed"), List.of(first, second), Gadget.class).block(Duration.ofSeconds(10));

        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).get("$set", org.bson.Document.class)).containsEntry("name", "renamed");
        assertThat(writes.get(0).get("$push", org.bson.Document.class)).containsKey(Outbox.FIELD);
        assertThat(written.name()).isEqualTo("renamed");
        assertThat(written.outbox()).extracting(OutboxEntry::messageId)
                .containsExactly(first.messageId().toString(), second.messageId().toString());
        assertThat(mongo.findById(id, Gadget.class).block().outbox()).extracting(OutboxEntry::type)
                .containsExactly("events.EventPublished.v1", "events.EventPublished.v1");
    }

    @Test
    void aRefusedConditionalWriteWritesAndPublishesNothing() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        mongo.insert(new Gadget(id, "widget", List.of())).block();
        List<ProducerRecord<String, byte[]>> sent = new CopyOnWriteArrayList<>();
        List<Object> relayed = new CopyOnWriteArrayList<>();
        Publishing writer = new Publishing(mongo, new OutboxRelay(mongo, recordingBroker(sent),
                new OutboxProperties(List.of("gadgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null)) {
            @Override
            public Mono<Void> relay(String collection, Object documentId) {
                relayed.add(documentId);
                return super.relay(collection, documentId);
            }
        });

        Gadget refused = writer.update(Query.query(Criteria.where("_id").is(id).and("name").is("someone else's")),
                new Update().set("name", "renamed"), List.of(published(eventId, "Không được ghi")), Gadget.class)
                .block(Duration.ofSeconds(10));

        assertThat(refused).isNull();
        Gadget stored = mongo.findById(id, Gadget.class).block();
        assertThat(stored.name()).isEqualTo("widget");
        assertThat(stored.outbox()).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> relayed.isEmpty() && sent.isEmpty());
    }

    @Test
    void theMessagesArePublishedAfterTheWriteAndInOrder() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        EventPublished created = published(eventId, "Tạo");
        EventPublished first = published(eventId, "Một");
        EventPublished second = published(eventId, "Hai");
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        // What the database holds each time a message goes to the broker.
        List<String> namesWhenSent = new CopyOnWriteArrayList<>();
        KafkaTemplate<String, byte[]> broker = new KafkaTemplate<>(producers()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                return mongo.findById(id, Gadget.class).toFuture()
                        .thenCompose(widget -> {
                            namesWhenSent.add(widget.name());
                            return super.send(record);
                        });
            }
        };
        Publishing writer = new Publishing(mongo, new OutboxRelay(mongo, broker,
                new OutboxProperties(List.of("gadgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null)));

        Gadget inserted = writer.insert(new Gadget(id, "widget", List.of()), List.of(created)).block(Duration.ofSeconds(10));
        assertThat(inserted.id()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class)).contains(created));
        writer.update(Query.query(Criteria.where("_id").is(id)), new Update().set("name", "renamed"), List.of(first, second),
                Gadget.class).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class).stream().filter(m -> m.eventId().equals(eventId)))
                        .containsExactly(created, first, second));
        assertThat(namesWhenSent).as("each message went out after the write that produced it")
                .containsExactly("widget", "renamed", "renamed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.findById(id, Gadget.class).block().outbox()).isEmpty());
    }

    @Test
    void publicationNeitherHoldsUpTheWriteNorLeavesTheCallersContext() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        List<String> contexts = new CopyOnWriteArrayList<>();
        Publishing writer = new Publishing(mongo, new OutboxRelay(mongo, recordingBroker(new CopyOnWriteArrayList<>()),
                new OutboxProperties(List.of("gadgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null)) {
            @Override
            public Mono<Void> relay(String collection, Object documentId) {
                // A publication that never ends (a broker that does not answer).
                return Mono.deferContextual(context -> {
                    contexts.add(collection + "/" + documentId + " " + context.getOrDefault("caller", "none"));
                    return Mono.never();
                });
            }
        });

        Gadget written = writer.insert(new Gadget(id, "widget", List.of()), List.of(published(eventId, "Chậm")))
                .contextWrite(Context.of("caller", "request-1"))
                .block(Duration.ofSeconds(10));

        assertThat(written).isNotNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(contexts).containsExactly("gadgets/" + id + " request-1"));
        assertThat(mongo.findById(id, org.bson.Document.class, "gadgets").block().getList(Outbox.FIELD, Object.class)).hasSize(1);
    }

    @Test
    void aConsumedMessageIsAppliedAndItsMessagesPublishedOnce() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        EventPublished consumed = published(eventId, "Nhận");
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        Gadget first = publishing.applyOnce(consumed, id, new Update().set("name", "applied"),
                List.of(published(eventId, "Kết quả")), Gadget.class).block(Duration.ofSeconds(10));
        Gadget again = publishing.applyOnce(consumed, id, new Update().set("name", "applied twice"),
                List.of(published(eventId, "Kết quả lần hai")), Gadget.class).block(Duration.ofSeconds(10));

        assertThat(first.name()).isEqualTo("applied");
        assertThat(again).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class).stream().filter(m -> m.eventId().equals(eventId)))
                        .extracting(EventPublished::title).containsExactly("Kết quả"));
        assertThat(mongo.findById(id, Gadget.class).block().name()).isEqualTo("applied");
    }

    private static KafkaTemplate<String, byte[]> recordingBroker(List<ProducerRecord<String, byte[]>> sent) {
        return new KafkaTemplate<>(producers()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                sent.add(record);
                return super.send(record);
            }
        };
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producers() {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
