package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.platform.PlatformTestApplication.Widget;
import io.hoithao.platform.messaging.CloudEventHeaders;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxProperties;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestInfrastructure;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

@IntegrationTest
class OutboxRelayIT {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    static EventPublished published(String eventId, String title) {
        return new EventPublished(UUID.randomUUID(), Instant.now(), eventId, title, "CONFERENCE", "PROVINCE",
                "Sở GD&ĐT Bắc Kạn", LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26), "Asia/Ho_Chi_Minh", 300);
    }

    @Test
    void publishesWithKeyAndHeadersThenEmptiesTheOutbox() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished message = published(eventId, "Hội nghị sơ kết chuyên đề");
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        mongo.insert(new Widget("w-" + eventId, "widget", Outbox.entries(List.of(message)))).block();
        relay.relay("widgets", "w-" + eventId).block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = topic.poll().stream()
                    .filter(r -> eventId.equals(r.key())).toList();
            assertThat(records).hasSize(1);
            Map<String, String> headers = TestMessages.Subscription.headers(records.get(0));
            assertThat(headers).containsEntry(CloudEventHeaders.TYPE, "events.EventPublished.v1")
                    .containsEntry(CloudEventHeaders.ID, message.messageId().toString())
                    .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.SUBJECT, eventId)
                    .containsEntry(CloudEventHeaders.SOURCE, "/hoithao/platform-test");
        });
        assertThat(topic.messages(EventPublished.class)).contains(message);
        Widget stored = mongo.findById("w-" + eventId, Widget.class).block();
        assertThat(stored.outbox()).isEmpty();
    }

    @Test
    void keepsMessagesInOrderAndAppendsWithoutLosingPendingOnes() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished first = published(eventId, "Một");
        EventPublished second = published(eventId, "Hai");
        EventPublished third = published(eventId, "Ba");
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        mongo.insert(new Widget("w-" + eventId, "widget", Outbox.entries(List.of(first)))).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("w-" + eventId)),
                Outbox.append(new Update().set("name", "renamed"), second, third), Widget.class).block();
        relay.relay("widgets", "w-" + eventId).block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class).stream().filter(m -> m.eventId().equals(eventId)))
                        .containsExactly(first, second, third));
    }

    @Test
    void brokerDownLeavesTheMessagesForLater() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished message = published(eventId, "Broker down");
        mongo.insert(new Widget("w-" + eventId, "widget", Outbox.entries(List.of(message)))).block();

        OutboxRelay unreachable = new OutboxRelay(mongo, deadBroker(),
                new OutboxProperties(List.of("widgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(2), null));
        unreachable.relay("widgets", "w-" + eventId).block();

        assertThat(mongo.findById("w-" + eventId, Widget.class).block().outbox())
                .as("a message the broker never acknowledged stays in the outbox")
                .hasSize(1);

        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        relay.relay("widgets", "w-" + eventId).block();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class)).contains(message));
        assertThat(mongo.findById("w-" + eventId, Widget.class).block().outbox()).isEmpty();
    }

    @Test
    void messagesLeftByACrashArePublishedWhenTheServiceStartsAgain() {
        // The service wrote the change and its message, then died before the relay ran: the message
        // exists only in the document. A fresh service on the same database must publish it on start-up.
        String database = "crashed_" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished message = published(eventId, "Đã ghi nhưng chưa gửi");
        ReactiveMongoTemplate crashed = new ReactiveMongoTemplate(
                com.mongodb.reactivestreams.client.MongoClients.create(TestInfrastructure.get().mongoUri(database)), database);
        crashed.insert(new Widget("w-" + eventId, "widget", Outbox.entries(List.of(message)))).block();

        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(PlatformTestApplication.class)
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + TestInfrastructure.get().bootstrapServers(),
                        "spring.mongodb.uri=" + TestInfrastructure.get().mongoUri(database),
                        "hoithao.outbox.sweep-interval=1h", // only the start-up sweep may publish it
                        "spring.cloud.stream.bindings.eventsMessages-in-0.group=restarted-" + UUID.randomUUID())
                .run()) {
            Scenario.eventually(() ->
                    assertThat(topic.messages(EventPublished.class)).contains(message));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(crashed.findById("w-" + eventId, Widget.class).block().outbox()).isEmpty());
        }
    }

    @Test
    void aMessageAppendedWhileTheOthersAreSentGoesOutAfterThemAndTheLeaseIsGivenUp() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        EventPublished first = published(eventId, "Trước");
        EventPublished late = published(eventId, "Trong lúc gửi");
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        mongo.insert(new Widget(id, "widget", Outbox.entries(List.of(first)))).block();

        AtomicBoolean appended = new AtomicBoolean();
        KafkaTemplate<String, byte[]> appendingWhileSending = new KafkaTemplate<>(producers(TestInfrastructure.get().bootstrapServers())) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (appended.compareAndSet(false, true)) {
                    // a change of the document lands while its first message is on its way
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Outbox.append(new Update(), late), Widget.class)
                            .toFuture()
                            .thenCompose(written -> super.send(record));
                }
                return super.send(record);
            }
        };
        OutboxRelay racing = new OutboxRelay(mongo, appendingWhileSending,
                new OutboxProperties(List.of("widgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null));
        racing.relay("widgets", id).block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class).stream().filter(m -> m.eventId().equals(eventId)))
                        .containsExactly(first, late));
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "widgets").block();
        assertThat(stored.getList(Outbox.FIELD, Object.class)).isEmpty();
        assertThat(stored).doesNotContainKey(OutboxRelay.LEASE);
    }

    @Test
    void aDatabaseCallThatNeverAnswersIsGivenUpAndTheNextSweepPublishes() {
        String eventId = "evt-" + UUID.randomUUID();
        String id = "w-" + eventId;
        EventPublished message = published(eventId, "Cơ sở dữ liệu không trả lời");
        mongo.insert(new Widget(id, "widget", Outbox.entries(List.of(message)))).block();
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);

        // The relay's first claim goes to a connection that never answers; later calls are answered.
        AtomicBoolean hung = new AtomicBoolean();
        ReactiveMongoTemplate hangsOnce = new ReactiveMongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter()) {
            @Override
            public <T> reactor.core.publisher.Mono<T> findAndModify(Query query, org.springframework.data.mongodb.core.query.UpdateDefinition update,
                    org.springframework.data.mongodb.core.FindAndModifyOptions options, Class<T> entityClass, String collectionName) {
                if (hung.compareAndSet(false, true)) {
                    return reactor.core.publisher.Mono.never();
                }
                return super.findAndModify(query, update, options, entityClass, collectionName);
            }
        };
        OutboxRelay relayWithHungCall = new OutboxRelay(hangsOnce, producersTemplate(),
                new OutboxProperties(List.of("widgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), Duration.ofMillis(500)));

        // Completes (quietly, leaving the message for a sweep) instead of waiting for the answer for ever.
        relayWithHungCall.relay("widgets", id).block(Duration.ofSeconds(10));
        assertThat(hung).isTrue();

        relayWithHungCall.sweep().block(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(topic.messages(EventPublished.class)).contains(message));
        assertThat(mongo.findById(id, Widget.class).block().outbox()).isEmpty();
    }

    /**
     * Two instances of a service (each its own relay and producer, on one database) sweeping and relaying the same
     * outboxes at once, with this context's own timer sweeping too: the leases let one publisher at a time drain a
     * document, so every message goes out once, and a document's messages in order.
     */
    @Test
    void twoInstancesSweepingTogetherPublishEachMessageOnceAndInOrder() {
        String prefix = "evt-" + UUID.randomUUID() + "-";
        int documents = 30;
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        Map<String, List<EventPublished>> written = new java.util.LinkedHashMap<>();
        for (int i = 0; i < documents; i++) {
            String eventId = prefix + i;
            List<EventPublished> three = List.of(published(eventId, "Một"), published(eventId, "Hai"), published(eventId, "Ba"));
            written.put(eventId, three);
            mongo.insert(new Widget("w-" + eventId, "widget", Outbox.entries(three))).block();
        }
        OutboxProperties properties = new OutboxProperties(List.of("widgets"), Duration.ofHours(1), "/test", Duration.ofSeconds(10), null);
        OutboxRelay first = new OutboxRelay(mongo, producersTemplate(), properties);
        OutboxRelay second = new OutboxRelay(mongo, producersTemplate(), properties);

        List<reactor.core.publisher.Mono<?>> together = new java.util.ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            together.add(first.sweep());
            together.add(second.sweep());
        }
        written.keySet().forEach(eventId -> {
            together.add(first.relay("widgets", "w-" + eventId));
            together.add(second.relay("widgets", "w-" + eventId));
        });
        reactor.core.publisher.Flux.fromIterable(together)
                .flatMap(call -> call.subscribeOn(reactor.core.scheduler.Schedulers.parallel()), together.size())
                .then().block(Duration.ofSeconds(120));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(written.keySet())
                .allSatisfy(eventId -> assertThat(mongo.findById("w-" + eventId, Widget.class).block().outbox()).isEmpty()));
        // whatever was published was acknowledged before it left its outbox: a second copy would be on its way by now
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofSeconds(3)).until(() -> topic.messages(EventPublished.class)
                .stream().filter(m -> m.eventId().startsWith(prefix)).count() == documents * 3L);
        List<EventPublished> received = topic.messages(EventPublished.class).stream()
                .filter(m -> m.eventId().startsWith(prefix)).toList();
        written.forEach((eventId, three) -> assertThat(received.stream().filter(m -> m.eventId().equals(eventId)))
                .as("the messages of %s, once each and in order", eventId).containsExactlyElementsOf(three));
    }

    private static KafkaTemplate<String, byte[]> producersTemplate() {
        return new KafkaTemplate<>(producers(TestInfrastructure.get().bootstrapServers()));
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producers(String bootstrapServers) {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static KafkaTemplate<String, byte[]> deadBroker() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000)));
    }
}
