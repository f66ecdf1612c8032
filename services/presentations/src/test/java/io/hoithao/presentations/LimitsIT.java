package io.hoithao.presentations;

import io.hoithao.platform.testing.IntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lists and numbers a client sends here stop at documented limits, answered with a 400 naming the limit. */
@IntegrationTest
class LimitsIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void patience() {
        // the first request of a fresh context can take longer than the default 5 s on a busy machine
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void aCallForPapersAndAPlacementStopAtTheirLimits() {
        String eventId = "evt-" + UUID.randomUUID();
        http.put().uri("/api/presentations/events/{e}/call-for-papers", eventId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("opensAt", "2026-09-01T00:00:00+07:00", "closesAt", "2026-10-01T00:00:00+07:00",
                        "topics", IntStream.range(0, 31).mapToObj(i -> "Chủ đề " + i).toList()))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("topics")
                .jsonPath("$.errors[0].message").isEqualTo("at most 30 topics per call for papers");
        http.post().uri("/api/presentations/events/{e}/sessions/{s}/papers", eventId, "session-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("paperId", "p".repeat(101), "position", 1001))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("paperId")
                .jsonPath("$.errors[1].field").isEqualTo("position");
    }
}
