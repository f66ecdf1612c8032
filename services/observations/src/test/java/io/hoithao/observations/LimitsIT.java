package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lists a client sends here stop at documented limits, answered with a 400 whose error names the limit. */
@IntegrationTest
class LimitsIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void patience() {
        // the first request of a fresh context can take longer than the default 5 s on a busy machine
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    void refused(WebTestClient.RequestHeadersSpec<?> request, String field, String message) {
        request.exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").value(f -> assertThat((String) f).startsWith(field))
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    static <T> List<T> times(int n, Function<Integer, T> element) {
        return IntStream.range(0, n).boxed().map(element).toList();
    }

    @Test
    void formsRotationsAndAttendanceStopAtTheirLimits() {
        String eventId = "evt-" + UUID.randomUUID();
        refused(http.put().uri("/api/observations/events/{e}/form", eventId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("criteria", times(21, i -> Map.of("id", "c" + i, "label", "Tiêu chí " + i)))),
                "criteria", "at most 20 criteria per form");
        refused(http.post().uri("/api/observations/lessons/{l}/forms", "lesson-" + UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("registrationId", "reg-1", "scores",
                                IntStream.range(0, 21).boxed().collect(Collectors.toMap(i -> "c" + i, i -> 3)))),
                "scores", "at most 20 scores, one per criterion of the form");
        refused(http.post().uri("/api/observations/events/{e}/rotations", eventId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("preferences",
                                IntStream.range(0, 2001).boxed().collect(Collectors.toMap(i -> "reg-" + i, i -> List.of("l1"))))),
                "preferences", "at most 2000 delegates' preferences per plan");
        refused(http.post().uri("/api/observations/events/{e}/rotations", eventId).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("preferences", Map.of("reg-1", times(501, i -> "l" + i)))),
                "preferences", "at most 500 preferences per delegate");
        refused(http.post().uri("/api/observations/lessons/{l}/attendance", "lesson-" + UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("registrationIds", times(51, i -> "reg-" + i), "attended", true)),
                "registrationIds", "at most 50 registrations per call");
    }
}
