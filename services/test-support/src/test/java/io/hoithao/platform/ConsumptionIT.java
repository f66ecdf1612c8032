package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.platform.PlatformTestApplication.SeenEvent;
import io.hoithao.platform.messaging.CloudEventHeaders;
import io.hoithao.platform.messaging.Idempotency;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

@IntegrationTest
class ConsumptionIT {

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void aDuplicateDeliveryChangesNothing() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished message = OutboxRelayIT.published(eventId, "Sinh hoạt chuyên đề");

        Scenario.when(() -> {
            messages.send(message);
            messages.send(message);
            messages.send(OutboxRelayIT.published(eventId, "Sinh hoạt chuyên đề (sửa)"));
        }).thenState(() -> {
            SeenEvent seen = mongo.findById(eventId, SeenEvent.class).block();
            assertThat(seen).isNotNull();
            assertThat(seen.title()).isEqualTo("Sinh hoạt chuyên đề (sửa)");
        });
        // The third message arrived after both copies of the first (same key, same partition, in order),
        // so the count is final: two distinct messages applied, the duplicate ignored.
        assertThat(mongo.findById(eventId, SeenEvent.class).block().applications()).isEqualTo(2);
    }

    @Test
    void guardedUpsertAppliesAMessageOnceEvenWhenRacing() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished message = OutboxRelayIT.published(eventId, "Đua");
        List<SeenEvent> results = reactor.core.publisher.Flux.range(0, 20)
                .flatMap(i -> Idempotency.upsert(mongo, SeenEvent.class, eventId, message,
                        new Update().inc("applications", 1)))
                .collectList().block();
        assertThat(results).hasSize(1);
        assertThat(mongo.findById(eventId, SeenEvent.class).block().applications()).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String poisonKey = "evt-" + UUID.randomUUID();
        TestMessages.Subscription deadLetters = messages.subscribe(Topics.EVENTS + ".platform-test.dlq");

        messages.sendRaw(Topics.EVENTS, poisonKey, "events.EventPublished.v1",
                "{\"messageId\": \"not-a-uuid\", \"title\": ".getBytes(StandardCharsets.UTF_8), null);
        messages.sendRaw(Topics.EVENTS, poisonKey, "events.NoSuchThing.v1",
                "{}".getBytes(StandardCharsets.UTF_8), null);

        String healthyId = "evt-" + UUID.randomUUID();
        messages.send(OutboxRelayIT.published(healthyId, "Sau thông điệp hỏng"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.poll().stream()
                    .filter(r -> poisonKey.equals(r.key())).toList();
            assertThat(dead).hasSize(2);
            Map<String, String> headers = TestMessages.Subscription.headers(dead.get(0));
            assertThat(headers).containsEntry(CloudEventHeaders.TYPE, "events.EventPublished.v1")
                    .containsKey("kafka_dlt-exception-message");
        });
        Scenario.eventually(() ->
                assertThat(mongo.findById(healthyId, SeenEvent.class).block()).isNotNull());
    }
}
