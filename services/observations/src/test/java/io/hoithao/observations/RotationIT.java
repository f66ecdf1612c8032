package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class RotationIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    record Assignment(String registrationId, String lessonId, boolean preferred) {
    }

    record Quality(int delegates, int covered, double coverage, double fillRate, int minPerDelegate, int maxPerDelegate,
                   int seatsAssigned) {
    }

    record Rotation(String id, String status, List<Assignment> assignments, Quality quality, int booked, List<Object> skipped) {
    }

    @Test
    void nullPreferencesAreValidationErrorsNotServerErrors() {
        for (String preferences : List.of("{\"reg-1\": null}", "{\"reg-1\": [null]}")) {
            http.post().uri("/api/observations/events/{e}/rotations", "evt-" + System.nanoTime())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue("{\"preferences\": " + preferences + "}")
                    .exchange().expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                    .jsonPath("$.errors[0].field").value(field -> assertThat((String) field).startsWith("preferences"));
        }
    }

    @Test
    void previewsThenAppliesAValidFairRotationFor120DelegatesOverSixClassroomsAndThreeRounds() {
        Fixtures fixtures = new Fixtures(http, mongo);
        List<String> lessons = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int room = 0; room < 6; room++) {
                lessons.add(fixtures.createLesson("Tiết " + round + "-" + room, "P" + room,
                        "2026-10-25T%02d:00:00+07:00".formatted(8 + round), "2026-10-25T%02d:45:00+07:00".formatted(8 + round), 8));
            }
        }
        List<String> delegates = IntStream.range(0, 120).mapToObj(i -> fixtures.observer("Đại biểu " + i)).toList();

        Rotation preview = http.post().uri("/api/observations/events/{e}/rotations", fixtures.eventId)
                .bodyValue(Map.of("preferences", Map.of(delegates.get(0), List.of(lessons.get(17)))))
                .exchange().expectStatus().isCreated()
                .expectBody(Rotation.class).returnResult().getResponseBody();

        assertThat(preview.status()).isEqualTo("PREVIEW");
        assertThat(preview.quality().coverage()).isEqualTo(1.0);
        assertThat(preview.quality().fillRate()).isEqualTo(1.0);
        assertThat(preview.quality().minPerDelegate()).isEqualTo(1);
        assertThat(preview.quality().maxPerDelegate()).isEqualTo(2);
        assertThat(preview.assignments()).hasSize(144)
                .contains(new Assignment(delegates.get(0), lessons.get(17), true));
        // A preview books nothing.
        http.get().uri("/api/observations/lessons/{l}/observers", lessons.get(0)).exchange()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(0);

        Rotation applied = http.post().uri("/api/observations/rotations/{r}/apply", preview.id()).exchange()
                .expectStatus().isOk().expectBody(Rotation.class).returnResult().getResponseBody();

        assertThat(applied.status()).isEqualTo("APPLIED");
        assertThat(applied.booked()).isEqualTo(144);
        assertThat(applied.skipped()).isEmpty();
        Map<String, Integer> perDelegate = new HashMap<>();
        for (String lesson : lessons) {
            http.get().uri("/api/observations/lessons/{l}/observers", lesson).exchange()
                    .expectBody()
                    .jsonPath("$.booked.length()").isEqualTo(8)
                    .jsonPath("$.booked[*].registrationId").value(ids -> ((List<?>) ids).forEach(id -> perDelegate.merge((String) id, 1, Integer::sum)));
        }
        assertThat(perDelegate).hasSize(120);
        assertThat(perDelegate.values()).allMatch(n -> n == 1 || n == 2);
        // Applied bookings are real bookings: nobody's schedule clashes.
        http.get().uri("/api/observations/events/{e}/clashes", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);

        http.post().uri("/api/observations/rotations/{r}/apply", preview.id()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/rotation-already-applied");
    }
}
