package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.platform.PlatformTestApplication.Seat;
import io.hoithao.platform.PlatformTestApplication.SeenEvent;
import io.hoithao.platform.messaging.DeadLetters;
import io.hoithao.platform.testing.ElectingMongoServer;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestInfrastructure;
import io.hoithao.platform.testing.TestMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Consumers wait out an outage, dead-letter at once what can never be applied, and operators replay
 * dead letters. A service of its own, on a database server whose primary can step down, reading topics
 * of its own, so that no other test's messages reach its dead-letter topics.
 */
class DeadLettersIT {

    static final String RUN = "dl-" + UUID.randomUUID().toString().substring(0, 8);
    static final String EVENTS = RUN + ".events";
    static final String REGISTRATIONS = RUN + ".registrations";
    static final String EVENTS_DLQ = EVENTS + ".dead-letters-it.dlq";
    static final String REGISTRATIONS_DLQ = REGISTRATIONS + ".dead-letters-it.dlq";

    static ElectingMongoServer database;
    static ConfigurableApplicationContext service;
    static ReactiveMongoTemplate mongo;
    static WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @BeforeAll
    static void start() {
        database = ElectingMongoServer.start();
        // Arguments, not default properties: they must win over the test application's application.yml.
        service = new SpringApplicationBuilder(PlatformTestApplication.class).run(
                "--server.port=0",
                "--spring.application.name=dead-letters-it",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.get().bootstrapServers(),
                "--spring.mongodb.uri=" + database.uri("dead_letters_it"),
                "--hoithao.security.issuer=" + TestIdentity.get().issuer(),
                "--hoithao.outbox.sweep-interval=1h",
                "--hoithao.messaging.dead-letter-refresh=1s",
                "--spring.cloud.stream.bindings.eventsMessages-in-0.destination=" + EVENTS,
                "--spring.cloud.stream.bindings.registrationsMessages-in-0.destination=" + REGISTRATIONS,
                "--spring.cloud.stream.kafka.bindings.eventsMessages-in-0.consumer.dlq-name=" + EVENTS_DLQ,
                "--spring.cloud.stream.kafka.bindings.registrationsMessages-in-0.consumer.dlq-name=" + REGISTRATIONS_DLQ);
        mongo = service.getBean(ReactiveMongoTemplate.class);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    void send(String topic, IntegrationMessage message) {
        MessageCodec codec = MessageCodec.instance();
        messages.sendRaw(topic, message.eventId(), codec.typeName(message), codec.encode(message), message.messageId().toString());
    }

    static double unreplayed() {
        return service.getBean(MeterRegistry.class).get(DeadLetters.GAUGE).gauge().value();
    }

    static WebTestClient as(io.hoithao.platform.security.Caller caller) {
        return TestIdentity.get().as(http, caller);
    }

    @Test
    void aTenSecondElectionDuringCancellationsDeadLettersNothingAndReleasesEverySeat() {
        String eventId = "evt-" + UUID.randomUUID();
        List<String> registrations = IntStream.range(0, 10).mapToObj(i -> "reg-" + i + "-" + UUID.randomUUID()).toList();
        registrations.forEach(id -> send(REGISTRATIONS, new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, id,
                id + "@mndongtam.edu.vn", "Nguyễn Thị Hoà", "Trường Mầm non Đồng Tâm", "TEACHER", "BK-" + id.substring(4, 5))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(mongo.find(Query.query(Criteria.where("eventId").is(eventId).and("held").is(true)), Seat.class)
                        .count().block()).isEqualTo(10));
        TestMessages.Subscription deadLetters = messages.subscribe(REGISTRATIONS_DLQ);
        double unreplayedBefore = unreplayed();

        database.electionFor(Duration.ofSeconds(10));
        int refusedBefore = database.refused();
        registrations.forEach(id -> send(REGISTRATIONS, new RegistrationCancelled(UUID.randomUUID(), Instant.now(), eventId, id,
                id + "@mndongtam.edu.vn", "delegate cancelled", true)));

        // The consumer met the election: its writes were refused while it lasted.
        await().atMost(Duration.ofSeconds(10)).until(() -> database.refused() > refusedBefore);
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(database.electing()).isFalse();
            assertThat(mongo.find(Query.query(Criteria.where("eventId").is(eventId)), Seat.class)
                    .filter(Seat::held).count().block()).isZero();
        });
        assertThat(deadLetters.poll()).as("dead letters of the cancellations").isEmpty();
        assertThat(unreplayed()).isEqualTo(unreplayedBefore);
    }

    @Test
    void aMessageThatCanNeverBeAppliedIsDeadLetteredAtTheFirstAttempt() {
        String eventId = "evt-" + UUID.randomUUID();
        EventPublished invalid = published(eventId, "invalid: no such unit");
        TestMessages.Subscription deadLetters = messages.subscribe(EVENTS_DLQ);
        send(EVENTS, invalid);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(deadLetters.poll().stream().filter(r -> eventId.equals(r.key()))).hasSize(1));
        ConsumerRecord<String, byte[]> dead = deadLetters.poll().stream().filter(r -> eventId.equals(r.key())).findFirst().orElseThrow();
        assertThat(TestMessages.Subscription.headers(dead))
                .containsEntry("kafka_dlt-original-topic", EVENTS)
                .containsEntry("ce_id", invalid.messageId().toString())
                .containsEntry(DeadLetters.FAILURE_KIND, "PERMANENT");
        Document attempts = mongo.findById(invalid.messageId().toString(), Document.class, PlatformTestApplication.ATTEMPTS).block();
        assertThat(attempts.getInteger("count")).as("attempts of an invalid message").isEqualTo(1);
    }

    @Test
    void aReplayedDeadLetterIsAppliedOnceAndOnlyAdministratorsReplay() {
        String eventId = "evt-" + UUID.randomUUID();
        // The service cannot apply this event's messages yet (a bug): a few attempts, then the dead-letter topic.
        mongo.insert(new Document("_id", eventId), PlatformTestApplication.REFUSALS).block();
        double before = unreplayed();
        TestMessages.Subscription deadLetters = messages.subscribe(EVENTS_DLQ);
        send(EVENTS, published(eventId, "Hội thảo chuyên đề"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(deadLetters.poll().stream().filter(r -> eventId.equals(r.key()))).hasSize(1));
        ConsumerRecord<String, byte[]> dead = deadLetters.poll().stream().filter(r -> eventId.equals(r.key())).findFirst().orElseThrow();
        Scenario.eventually(() -> assertThat(unreplayed()).isEqualTo(before + 1));

        String path = "/actuator/deadletters/" + dead.topic() + "/" + dead.partition() + "/" + dead.offset();
        TestIdentity.anonymous(http).get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        as(TestIdentity.delegate("nguyen.thi.hoa@mndongtam.edu.vn")).post().uri(path).exchange().expectStatus().isForbidden();
        as(TestIdentity.admin()).get().uri("/actuator/deadletters").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.deadLetters[?(@.key == '" + eventId + "')].originalTopic").isEqualTo(EVENTS)
                .jsonPath("$.deadLetters[?(@.key == '" + eventId + "')].type").isEqualTo("events.EventPublished.v1")
                .jsonPath("$.deadLetters[?(@.key == '" + eventId + "')].failure").isEqualTo(IllegalStateException.class.getName())
                .jsonPath("$.deadLetters[?(@.key == '" + eventId + "')].failureKind").isEqualTo("OTHER");

        // The fix, then the replay.
        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), PlatformTestApplication.REFUSALS).block();
        as(TestIdentity.admin()).post().uri(path).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayedAt").exists();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SeenEvent seen = mongo.findById(eventId, SeenEvent.class).block();
            assertThat(seen).isNotNull();
            assertThat(seen.applications()).isEqualTo(1);
        });

        // A second replay of the same dead letter is refused, and replaying all does not republish it.
        as(TestIdentity.admin()).post().uri(path).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/dead-letter-replayed");
        as(TestIdentity.admin()).post().uri("/actuator/deadletters/" + dead.topic() + "/" + dead.partition() + "/999999")
                .exchange().expectStatus().isNotFound();
        Scenario.eventually(() -> assertThat(unreplayed()).isEqualTo(before));
        as(TestIdentity.admin()).get().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deadLetters[?(@.key == '" + eventId + "')].replayedAt").exists();
        assertThat(mongo.findById(eventId, SeenEvent.class).block().applications()).isEqualTo(1);
    }

    @Test
    void replayingAllRepublishesEachDeadLetterNotReplayedYet() {
        String eventId = "evt-" + UUID.randomUUID();
        mongo.insert(new Document("_id", eventId), PlatformTestApplication.REFUSALS).block();
        TestMessages.Subscription deadLetters = messages.subscribe(EVENTS_DLQ);
        send(EVENTS, published(eventId, "Lần một"));
        send(EVENTS, published(eventId, "Lần hai"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(deadLetters.poll().stream().filter(r -> eventId.equals(r.key()))).hasSize(2));

        mongo.remove(Query.query(Criteria.where("_id").is(eventId)), PlatformTestApplication.REFUSALS).block();
        as(TestIdentity.admin()).post().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").value(replayed -> assertThat((Integer) replayed).isGreaterThanOrEqualTo(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            SeenEvent seen = mongo.findById(eventId, SeenEvent.class).block();
            assertThat(seen).isNotNull();
            assertThat(seen.applications()).isEqualTo(2);
            assertThat(seen.title()).isEqualTo("Lần hai");
        });
        as(TestIdentity.admin()).get().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.deadLetters[?(@.key == '" + eventId + "' && @.replayedAt == null)]").isEmpty();
    }

    static EventPublished published(String eventId, String title) {
        return OutboxRelayIT.published(eventId, title);
    }

    static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return TestMessages.Subscription.headers(record);
    }
}
