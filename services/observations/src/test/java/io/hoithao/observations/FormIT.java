package io.hoithao.observations;


import io.hoithao.contracts.events.EventCompleted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class FormIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void aNullCriterionIsAValidationErrorNotAServerError() {
        http.put().uri("/api/observations/events/{e}/form", "evt-" + UUID.randomUUID())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue("{\"criteria\": [null]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("criteria[0]");
    }

    static Map<String, Object> form(String registrationId, int initiative, int environment) {
        return Map.of("registrationId", registrationId, "scores", Map.of("initiative", initiative, "environment", environment),
                "comments", "Trẻ hứng thú, cô gợi mở tốt");
    }

    @Test
    void onlyAttendingObserversSubmitOnceEditUntilTheEventEndsAndOrganisersSeeAggregates() {
        Fixtures fixtures = new Fixtures(http, mongo);
        TestMessages.Subscription told = messages.subscribe(io.hoithao.contracts.Topics.OBSERVATIONS);
        http.put().uri("/api/observations/events/{e}/form", fixtures.eventId)
                .bodyValue(Map.of("criteria", List.of(Map.of("id", "initiative", "label", "Trẻ chủ động, tích cực"),
                        Map.of("id", "environment", "label", "Môi trường phù hợp"))))
                .exchange().expectStatus().isOk();
        String lesson = fixtures.createLesson("Khám phá nước", "F1", "2026-10-25T08:00:00+07:00", "2026-10-25T08:45:00+07:00", 6);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        String duc = fixtures.observer("Trần Văn Đức");
        String absent = fixtures.observer("Lý Thị Mai");
        String stranger = fixtures.observer("Không đặt chỗ");
        fixtures.booked(lesson, hoa);
        fixtures.booked(lesson, duc);
        fixtures.booked(lesson, absent);
        http.post().uri("/api/observations/lessons/{l}/attendance", lesson)
                .bodyValue(Map.of("registrationIds", List.of(hoa, duc))).exchange().expectStatus().isOk();
        http.post().uri("/api/observations/lessons/{l}/attendance", lesson)
                .bodyValue(Map.of("registrationIds", List.of(stranger))).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-booked");

        // Booked but absent, or never booked: no form.
        submit(lesson, form(absent, 4, 4)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-attended");
        submit(lesson, form(stranger, 4, 4)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-attended");
        // Every criterion scored 1–5, no unknown ones.
        submit(lesson, Map.of("registrationId", hoa, "scores", Map.of("initiative", 6, "colour", 3)))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("scores.colour")
                .jsonPath("$.errors[1].field").isEqualTo("scores.environment")
                .jsonPath("$.errors[2].field").isEqualTo("scores.initiative");

        submit(lesson, form(hoa, 5, 3)).expectStatus().isCreated();
        submit(lesson, form(hoa, 5, 3)).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/form-already-submitted");
        submit(lesson, form(duc, 4, 4)).expectStatus().isCreated();
        http.put().uri("/api/observations/lessons/{l}/forms/{r}", lesson, duc).bodyValue(form(duc, 3, 5))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.scores.initiative").isEqualTo(3);
        // The messages tell the scores as the form holds them after each change (the review report averages them).
        Scenario.eventually(() -> org.assertj.core.api.Assertions.assertThat(
                        told.messages(io.hoithao.contracts.observations.ObservationFormSubmitted.class).stream()
                                .filter(m -> m.lessonId().equals(lesson))
                                .map(m -> (m.registrationId().equals(hoa) ? "hoa " : "duc ") + new java.util.TreeMap<>(m.scores())))
                .containsExactlyInAnyOrder("hoa {environment=3, initiative=5}", "duc {environment=4, initiative=4}",
                        "duc {environment=5, initiative=3}"));

        http.get().uri("/api/observations/lessons/{l}/forms/summary", lesson).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.forms").isEqualTo(2)
                .jsonPath("$.criteria[0].id").isEqualTo("initiative")
                .jsonPath("$.criteria[0].mean").isEqualTo(4.0)
                .jsonPath("$.criteria[0].count").isEqualTo(2)
                .jsonPath("$.criteria[1].mean").isEqualTo(4.0)
                .jsonPath("$.criteria[1].min").isEqualTo(3);

        messages.send(new EventCompleted(UUID.randomUUID(), Instant.now(), fixtures.eventId));
        // Wait on a read, not on the edit itself: an edit tried before the message arrives would succeed.
        Scenario.eventually(() ->
                http.get().uri("/api/observations/lessons/{l}/forms/{r}", lesson, hoa).exchange()
                        .expectBody().jsonPath("$.locked").isEqualTo(true));
        http.put().uri("/api/observations/lessons/{l}/forms/{r}", lesson, hoa).bodyValue(form(hoa, 1, 1))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forms-closed");
        http.get().uri("/api/observations/lessons/{l}/forms/{r}", lesson, hoa).exchange()
                .expectBody().jsonPath("$.scores.initiative").isEqualTo(5).jsonPath("$.locked").isEqualTo(true);
    }

    WebTestClient.ResponseSpec submit(String lesson, Map<String, Object> body) {
        return http.post().uri("/api/observations/lessons/{l}/forms", lesson).bodyValue(body).exchange();
    }
}
