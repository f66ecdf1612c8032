package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.platform.outbox.Outbox;
import io.hoithao.platform.outbox.OutboxRelay;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an operator sees of a service: its figures at {@code /actuator/prometheus} (open to Prometheus, no token)
 * moving as messages wait and flow, and one trace from the HTTP request that wrote a message, through the
 * outbox relay and the record's {@code traceparent} header, to the consumer that applied it, with the trace id
 * in the consumer's log line. A consumer group of its own, so that its lag is its own.
 */
@IntegrationTest
@Import(ObservabilityIT.Spans.class)
@TestPropertySource(properties = {
        "spring.application.name=platform-observed",
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=200ms",
        "spring.cloud.stream.kafka.binder.metrics.offset-lag-metrics-interval=1s",
        "logging.level.io.hoithao.platform.messaging=debug"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    /** Keeps every finished span, as a tracing backend would receive them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        @Bean
        Collected collectedSpans() {
            return new Collected();
        }
    }

    static class Collected implements SpanExporter {

        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Collected collected;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void prometheusScrapesWithoutATokenAndSeesRequestsByRouteAndStatus() {
        web.get().uri("/api/probe/public/caller").header("Authorization", "").exchange().expectStatus().isOk();
        web.get().uri("/api/probe/conflict/DRAFT").exchange().expectStatus().isEqualTo(409);

        String scrape = scrape();
        assertThat(value(scrape, "http_server_requests_seconds_count", "uri=\"/api/probe/public/caller\"", "status=\"200\""))
                .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
        // By route (the URI template), not by each address asked.
        assertThat(value(scrape, "http_server_requests_seconds_count", "uri=\"/api/probe/conflict/{state}\"", "status=\"409\""))
                .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
        assertThat(scrape).doesNotContain("uri=\"/api/probe/conflict/DRAFT\"");
        assertThat(value(scrape, "hoithao_messaging_dead_letters", "application=\"platform-observed\"")).isPresent();
        // Spring Security observes nothing of its own (filter chain, authentication, authorization): the request's
        // own observation says it all, at a fraction of the CPU.
        assertThat(scrape).doesNotContain("spring_security_");
    }

    @Test
    void theOutboxBacklogAndTheAgeOfItsOldestMessageRiseWhileMessagesWaitAndFallWhenTheyArePublished() {
        String eventId = "evt-" + UUID.randomUUID();
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        Instant written = Instant.now().minusSeconds(30);
        // Three documents whose outboxes another publisher holds (a lease a minute long): the sweep sees them wait.
        for (int i = 0; i < 3; i++) {
            EventPublished message = published(eventId, "Hội thảo " + i, written);
            Document widget = new Document("_id", "w-" + eventId + "-" + i).append("name", "widget")
                    .append(OutboxRelay.LEASE, java.util.Date.from(Instant.now().plusSeconds(60)));
            mongo.getConverter().write(new PlatformTestApplication.Widget(null, "widget", Outbox.entries(List.of(message))), widget);
            widget.put("_id", "w-" + eventId + "-" + i);
            mongo.insert(widget, "widgets").block();
        }

        Scenario.eventually(() -> {
            String scrape = scrape();
            assertThat(value(scrape, "hoithao_outbox_backlog", "collection=\"widgets\"")).hasValue(3.0);
            assertThat(value(scrape, "hoithao_outbox_oldest_age_seconds", "collection=\"widgets\""))
                    .hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(30.0));
        });

        // The other publisher is gone: the sweep publishes them, and the backlog is empty again.
        mongo.updateMulti(Query.query(Criteria.where("_id").regex("^w-" + eventId)), new Update().unset(OutboxRelay.LEASE), "widgets").block();
        Scenario.eventually(() -> {
            assertThat(topic.poll().stream().filter(r -> eventId.equals(r.key()))).hasSize(3);
            String scrape = scrape();
            assertThat(value(scrape, "hoithao_outbox_backlog", "collection=\"widgets\"")).hasValue(0.0);
            assertThat(value(scrape, "hoithao_outbox_oldest_age_seconds", "collection=\"widgets\"")).hasValue(0.0);
            assertThat(value(scrape, "hoithao_outbox_published_total", "type=\"events.EventPublished.v1\""))
                    .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(3));
        });
    }

    @Test
    void consumerLagRisesWhileTheConsumerWaitsOutAnOutageAndFallsWhenItCatchesUp() {
        String held = "evt-" + UUID.randomUUID();
        mongo.insert(new Document("_id", held), PlatformTestApplication.HOLDS).block();
        // The first meets the outage; the four behind it (same key, same partition) wait their turn.
        for (int i = 0; i < 5; i++) {
            messages.send(published(held, "Hội thảo " + i, Instant.now()));
        }
        String lag = "spring_cloud_stream_binder_kafka_offset";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                value(scrape(), lag, "group=\"platform-observed\"", "topic=\"hoithao.events\""))
                .hasValueSatisfying(waiting -> assertThat(waiting).isGreaterThanOrEqualTo(5)));

        mongo.remove(Query.query(Criteria.where("_id").is(held)), PlatformTestApplication.HOLDS).block();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                value(scrape(), lag, "group=\"platform-observed\"", "topic=\"hoithao.events\"")).hasValue(0.0));
        assertThat(mongo.findById(held, PlatformTestApplication.SeenEvent.class).block())
                .as("every held message applied once the outage is over")
                .extracting(PlatformTestApplication.SeenEvent::applications).isEqualTo(5);
    }

    @Test
    void oneTraceFollowsAWriteFromTheHttpRequestThroughTheOutboxToTheConsumer(CapturedOutput output) {
        String eventId = "evt-" + UUID.randomUUID();
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        web.post().uri("/api/probe/public/widgets/{eventId}", eventId).header("Authorization", "")
                .exchange().expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(eventId, PlatformTestApplication.SeenEvent.class).block() != null);
        SpanData request = await().atMost(Duration.ofSeconds(30)).until(() -> collected.spans.stream()
                        .filter(span -> span.getKind() == SpanKind.SERVER && "/api/probe/public/widgets/{eventId}"
                                .equals(span.getAttributes().asMap().entrySet().stream()
                                        .filter(attribute -> attribute.getKey().getKey().equals("uri"))
                                        .map(attribute -> String.valueOf(attribute.getValue())).findFirst().orElse(null)))
                        .findFirst().orElse(null),
                span -> span != null);
        String traceId = request.getTraceId();

        // The record carries the request's trace...
        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                .filter(r -> eventId.equals(r.key())).findFirst().orElse(null), r -> r != null);
        Map<String, String> headers = TestMessages.Subscription.headers(record);
        assertThat(headers.get("traceparent")).as("the record's traceparent").contains(traceId);

        // ...the send and the consumer's receipt are spans of that trace...
        Scenario.eventually(() -> {
            List<SpanData> trace = collected.spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
            assertThat(trace).anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER));
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(span.getName()).contains(Topics.EVENTS);
            });
        });
        // ...and the consumer's log line names it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("Handling EventPublished")))
                .anySatisfy(line -> assertThat(line).contains(traceId)));
    }

    static EventPublished published(String eventId, String title, Instant at) {
        return new EventPublished(UUID.randomUUID(), at, eventId, title, "CONFERENCE", "PROVINCE",
                "Sở GD&ĐT Bắc Kạn", LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 26), "Asia/Ho_Chi_Minh", 300);
    }

    private String scrape() {
        // A scrape is larger than the test service's codec limit for API bodies.
        return web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").header("Authorization", "")
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The value of the first sample of a metric whose labels include all of the given ones. */
    static Optional<Double> value(String scrape, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{(.*)} (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(scrape);
        while (matcher.find()) {
            String found = matcher.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return Optional.of(Double.parseDouble(matcher.group(2)));
            }
        }
        return Optional.empty();
    }
}
