package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.identity.EmailVerificationRequested;
import io.hoithao.contracts.identity.IdentityMessage;
import io.hoithao.identity.user.UserAccount;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The verification link leaves through the outbox: a sign-up writes an {@code EmailVerificationRequested}
 * into the user's outbox, and the relay publishes it to {@code hoithao.identity} on a real (embedded) Kafka
 * broker with the CloudEvents headers, then empties the outbox. No recording mailer here: the real one.
 */
@DirtiesContext // closed (its producer too) while the broker still runs; the broker ends with the JVM
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoithao.identity.issuer=" + VerificationMailOutboxIT.ISSUER,
        "hoithao.identity.outbox.interval=200ms"})
class VerificationMailOutboxIT {

    static final String ISSUER = "https://identity.hoithao.test";
    static final EmbeddedKafkaKraftBroker KAFKA = startKafka();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("identity_outbox_it"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSignUpPublishesItsVerificationLinkOnceForTheNotificationsServiceToMail() throws Exception {
        String email = "lan-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        Browser browser = new Browser(URI.create("http://localhost:" + port));
        HttpResponse<String> created = browser.json("POST", "/api/identity/users",
                "{\"email\": \"" + email + "\", \"password\": \"long-enough-password\", \"fullName\": \"Hoàng Thị Lan\"}", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.IDENTITY));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(email));
            });
        }
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(email)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(IdentityMessage.NO_EVENT);
        String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
        assertThat(type).isEqualTo("identity.EmailVerificationRequested.v1");
        assertThat(new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8)).isEqualTo("/hoithao/identity");
        EmailVerificationRequested message = (EmailVerificationRequested) MessageCodec.instance().decode(type, record.value());
        assertThat(message.email()).isEqualTo(email);
        assertThat(message.fullName()).isEqualTo("Hoàng Thị Lan");
        assertThat(message.link()).startsWith(ISSUER + "/verify-email?token=");
        assertThat(message.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(message.messageId().toString());

        // Published: the outbox is empty again, and the link in the message verifies the address.
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findOne(Query.query(Criteria.where("email").is(email)),
                Document.class, UserAccount.COLLECTION).getList("outbox", Document.class, List.of()).isEmpty());
        URI link = URI.create(message.link());
        HttpResponse<String> opened = browser.get(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(mongo.findOne(Query.query(Criteria.where("email").is(email)), UserAccount.class).emailVerified()).isFalse();
        HttpResponse<String> confirmed = browser.postForm("/verify-email", Map.of("token", link.getRawQuery().substring(6),
                "password", "her-own-password", "_csrf", Browser.csrfOf(opened.body())));
        assertThat(Browser.location(confirmed)).endsWith("/login?verified");
        assertThat(mongo.findOne(Query.query(Criteria.where("email").is(email)), UserAccount.class).emailVerified()).isTrue();
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "identity-test-kafka-shutdown"));
        return kafka;
    }
}
