package io.hoithao.events;

import static io.hoithao.events.Fixtures.hall;
import static io.hoithao.events.Fixtures.session;

import io.hoithao.events.event.EventView;
import io.hoithao.events.live.ProgrammeChanges;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Two instances of the service on one database and broker: a client connected to either one hears every change
 * to the programme, whichever instance made it.
 */
@IntegrationTest
// a context of its own: its consumers must not take partitions from the other tests' context
@TestPropertySource(properties = "spring.cloud.stream.default.group=events-shared-feed")
class SharedProgrammeFeedIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ProgrammeChanges changes;

    @Test
    void aChangeMadeThroughOneInstanceReachesTheStreamsOfBoth() {
        try (ConfigurableApplicationContext second = secondInstance()) {
            changes.listening().block(Duration.ofSeconds(60));
            second.getBean(ProgrammeChanges.class).listening().block(Duration.ofSeconds(60));
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            WebTestClient other = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(60))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, TestIdentity.get().bearer(TestIdentity.admin()))
                    .build();

            EventView event = Fixtures.createConference(http);
            String e = event.id();
            StepVerifier.create(stream(other, e))
                    .expectNextMatches(sse -> "ready".equals(sse.event()))
                    .then(() -> Fixtures.scheduled(http, e,
                            session("OPENING", "Khai mạc", "2026-10-25", "07:30", "08:00", hall(event).id())))
                    .expectNextMatches(sse -> "programme-change".equals(sse.event()) && sse.data().contains("\"SessionScheduled\""))
                    .thenCancel()
                    .verify(Duration.ofSeconds(60));

            // and the other way round, with a client of the first instance too: each hears the change once
            StepVerifier.create(Flux.merge(stream(http.mutate().responseTimeout(Duration.ofSeconds(60)).build(), e)
                                    .map(sse -> "first " + sse.event() + " " + sse.data()),
                            stream(other, e).map(sse -> "second " + sse.event() + " " + sse.data())))
                    .expectNextMatches(line -> line.contains(" ready "))
                    .expectNextMatches(line -> line.contains(" ready "))
                    .then(() -> Fixtures.scheduled(other, e,
                            session("CLOSING", "Bế mạc", "2026-10-26", "16:00", "16:30", hall(event).id())))
                    .recordWith(ArrayList::new)
                    .expectNextCount(2)
                    .consumeRecordedWith(lines -> org.assertj.core.api.Assertions.assertThat(lines)
                            .allMatch(line -> line.contains("programme-change") && line.contains("\"SessionScheduled\""))
                            .anyMatch(line -> line.startsWith("first "))
                            .anyMatch(line -> line.startsWith("second ")))
                    .thenCancel()
                    .verify(Duration.ofSeconds(60));
        }
    }

    static Flux<ServerSentEvent<String>> stream(WebTestClient client, String eventId) {
        return client.get().uri("/api/events/" + eventId + "/programme/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(sse -> sse.event() != null);
    }

    /**
     * Another instance: a second application context on the first one's database and broker. Its message
     * bindings do not start, so that the first instance keeps every partition of the other services' topics.
     */
    private ConfigurableApplicationContext secondInstance() {
        var env = context.getEnvironment();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.mongodb.uri=" + env.getProperty("spring.mongodb.uri"),
                "spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "hoithao.security.issuer=" + env.getProperty("hoithao.security.issuer")));
        for (String binding : List.of("registrations", "observations", "presentations")) {
            properties.add("spring.cloud.stream.bindings." + binding + "Messages-in-0.consumer.auto-startup=false");
        }
        // as command-line arguments: they win over application.yml
        return new SpringApplicationBuilder(EventsApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
