package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.events.event.EventView;
import io.hoithao.platform.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The public live stream is bounded in time and in number per client address. */
@IntegrationTest
@TestPropertySource(properties = {
        "hoithao.events.stream.max-duration=20s",
        "hoithao.events.stream.reconnect-after=7s",
        "hoithao.events.stream.per-client=2",
        "hoithao.events.stream.retry-after=45s",
        // a context of its own: its consumers must not take partitions from the other tests' context
        "spring.cloud.stream.default.group=events-stream-limits"})
class ProgrammeStreamLimitsIT {

    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient http;

    final List<Disposable> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Disposable::dispose);
    }

    WebTestClient client() {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    Flux<ServerSentEvent<String>> stream(String eventId, String clientAddress) {
        return client().get().uri("/api/events/" + eventId + "/programme/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .header("X-Forwarded-For", clientAddress)
                .exchange().expectStatus().isOk()
                .returnResult(SSE).getResponseBody();
    }

    /** Opens a stream and keeps it open until the test ends; returns once its "ready" event arrived. */
    void hold(String eventId, String clientAddress) {
        AtomicBoolean ready = new AtomicBoolean();
        open.add(stream(eventId, clientAddress).subscribe(sse -> {
            if ("ready".equals(sse.event())) {
                ready.set(true);
            }
        }));
        await().atMost(Duration.ofSeconds(30)).untilTrue(ready);
    }

    WebTestClient.ResponseSpec another(String eventId, String clientAddress) {
        return client().get().uri("/api/events/" + eventId + "/programme/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .header("X-Forwarded-For", clientAddress)
                .exchange();
    }

    @Test
    void aStreamEndsAfterItsMaximumDurationAndTellsTheClientWhenToReconnect() {
        EventView event = Fixtures.createConference(client());

        StepVerifier.create(stream(event.id(), "198.51.100.20").filter(sse -> sse.event() != null))
                .expectNextMatches(sse -> "ready".equals(sse.event()) && Duration.ofSeconds(7).equals(sse.retry()))
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aClientAddressHoldsAtMostItsShareOfStreamsAndTheNextIsRefusedWithRetryAfter() {
        EventView event = Fixtures.createConference(client());
        String school = "203.0.113.7";
        hold(event.id(), school);
        hold(event.id(), school);

        another(event.id(), school)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "45")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/too-many-streams")
                .jsonPath("$.maxStreams").isEqualTo(2);

        // Another address is not affected by the first one's streams.
        hold(event.id(), "203.0.113.8");

        // Closing one of its streams gives the first address its place back.
        open.get(0).dispose();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Flux<ServerSentEvent<String>> body = another(event.id(), school).expectStatus().isOk().returnResult(SSE).getResponseBody();
            open.add(body.subscribe());
        });
    }

    @Test
    void aClientCannotChooseItsAddressUnlessItComesThroughATrustedProxy() {
        // The test client connects from the loopback address, a trusted proxy by default; the rightmost
        // untrusted hop is the client, so an address a client prepends itself is not the one counted.
        EventView event = Fixtures.createConference(client());
        hold(event.id(), "192.0.2.1, 198.51.100.30");
        hold(event.id(), "192.0.2.2, 198.51.100.30");
        another(event.id(), "192.0.2.3, 198.51.100.30").expectStatus().isEqualTo(429);
    }
}
