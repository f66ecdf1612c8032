package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.RegistrationClosed;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.contracts.registrations.RegistrationWaitlisted;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@IntegrationTest
class RegistrationFlowIT {

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext context;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void aNullQuotaIsAValidationErrorNotAServerError() {
        http.put().uri("/api/registrations/events/" + UUID.randomUUID() + "/quotas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"quotas\": [null]}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("quotas[0]");
    }

    String openEvent(int capacity) {
        String eventId = "evt-" + UUID.randomUUID();
        RegistrationOpened opened = new RegistrationOpened(UUID.randomUUID(), Instant.now(), eventId,
                "Sinh hoạt chuyên đề: Lớp học hạnh phúc", capacity, null);
        Scenario.when(() -> {
            messages.send(opened);
            messages.send(opened); // a redelivery changes nothing
        }).thenState(() ->
                http.get().uri("/api/registrations/events/" + eventId).exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.registrationOpen").isEqualTo(true)
                        .jsonPath("$.capacity").isEqualTo(capacity));
        return eventId;
    }

    static Map<String, Object> delegate(String eventId, String email) {
        return Map.of("eventId", eventId, "fullName", "Nguyễn Thị Hồng Nhung", "email", email,
                "phone", "0912345678", "unit", "Trường Mầm non Đồng Tâm", "position", "Giáo viên",
                "category", "TEACHER", "unitId", TestDirectory.id("Trường Mầm non Đồng Tâm"));
    }

    WebTestClient.ResponseSpec register(Map<String, Object> body) {
        return http.post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aDelegateIsConfirmedAndTheOthersAreTold() {
        TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);
        String eventId = openEvent(2);

        Scenario.when(() -> register(delegate(eventId, "nhung@mndongtam.edu.vn"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.confirmationCode").value(code ->
                        assertThat((String) code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")))
                .thenMessages(topic, RegistrationConfirmed.class, m -> m.eventId().equals(eventId), confirmed -> {
                    assertThat(confirmed).hasSize(1);
                    assertThat(confirmed.get(0).fullName()).isEqualTo("Nguyễn Thị Hồng Nhung");
                    assertThat(confirmed.get(0).unit()).isEqualTo("Trường Mầm non Đồng Tâm");
                });
    }

    @Test
    void theSameEmailTwiceIs409() {
        String eventId = openEvent(5);
        register(delegate(eventId, "hoa@mn.edu.vn")).expectStatus().isCreated();
        register(delegate(eventId, "HOA@mn.edu.vn"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate-registration");
        http.get().uri("/api/registrations/events/" + eventId).exchange()
                .expectBody().jsonPath("$.confirmed").isEqualTo(1);
    }

    @Test
    void whenFullDelegatesAreWaitlistedAndNeverOverbooked() {
        TestMessages.Subscription topic = messages.subscribe(Topics.REGISTRATIONS);
        String eventId = openEvent(5);
        int attempts = 40;

        List<String> statuses = Flux.range(0, attempts)
                .flatMap(i -> WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + context.getWebServer().getPort())
                        .defaultHeader(HttpHeaders.AUTHORIZATION, TestIdentity.get().bearer(TestIdentity.admin())).build()
                        .post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(delegate(eventId, "gv" + i + "@mn.edu.vn"))
                        .exchange().returnResult(Map.class).getResponseBody()
                        .map(body -> (String) body.get("status")), 40)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(attempts);
        assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(5);
        assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(attempts - 5);
        http.get().uri("/api/registrations/events/" + eventId).exchange()
                .expectBody().jsonPath("$.confirmed").isEqualTo(5).jsonPath("$.seatsLeft").isEqualTo(0);
        Scenario.eventually(() -> {
            assertThat(topic.messages(RegistrationConfirmed.class).stream().filter(m -> m.eventId().equals(eventId))).hasSize(5);
            assertThat(topic.messages(RegistrationWaitlisted.class).stream().filter(m -> m.eventId().equals(eventId)))
                    .hasSize(attempts - 5);
        });
    }

    @Test
    void theListIsPagedAndItsTotalCountsEveryRegistration() {
        String eventId = openEvent(10);
        for (int i = 0; i < 5; i++) {
            register(delegate(eventId, "trang" + i + "@mn.edu.vn")).expectStatus().isCreated();
        }
        http.get().uri("/api/registrations/events/{id}/registrations?page=1&size=2", eventId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(5)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].email").isEqualTo("trang2@mn.edu.vn");
        http.get().uri("/api/registrations/events/{id}/registrations?page=2&size=2", eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(5).jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void closedRegistrationRefusesNewDelegates() {
        String eventId = openEvent(10);
        Scenario.when(() -> messages.send(new RegistrationClosed(UUID.randomUUID(), Instant.now(), eventId))).thenState(() ->
                http.get().uri("/api/registrations/events/" + eventId).exchange()
                        .expectBody().jsonPath("$.registrationOpen").isEqualTo(false));
        register(delegate(eventId, "late@mn.edu.vn"))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/registration-not-open");
        register(delegate("evt-unknown", "who@mn.edu.vn")).expectStatus().isEqualTo(409);
    }

    @Test
    void invalidDelegatesGetFieldErrors() {
        Map<String, Object> bad = new java.util.HashMap<>(delegate("evt-x", "not-an-email"));
        bad.put("phone", "12345");
        bad.remove("category");
        register(bad)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[1].field").isEqualTo("email")
                .jsonPath("$.errors[2].field").isEqualTo("phone");
    }
}
