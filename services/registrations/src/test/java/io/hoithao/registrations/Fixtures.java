package io.hoithao.registrations;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.events.RegistrationOpened;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Shared steps of the integration tests: events opened through Kafka, delegates registered over HTTP. */
final class Fixtures {

    private final WebTestClient http;
    private final TestMessages messages;

    Fixtures(WebTestClient http, TestMessages messages) {
        this.http = http;
        this.messages = messages;
    }

    /** Sends RegistrationOpened (twice: a redelivery changes nothing) and waits until the projection has it. */
    String openEvent(int capacity) {
        String eventId = "evt-" + UUID.randomUUID();
        RegistrationOpened opened = new RegistrationOpened(UUID.randomUUID(), Instant.now(), eventId,
                "Hội thảo sơ kết chuyên đề – Chợ Mới", capacity, null);
        messages.send(opened);
        messages.send(opened);
        awaitEvent(eventId, seats -> seats.jsonPath("$.registrationOpen").isEqualTo(true)
                .jsonPath("$.capacity").isEqualTo(capacity));
        return eventId;
    }

    void send(IntegrationMessage message) {
        messages.send(message);
    }

    void awaitEvent(String eventId, Consumer<WebTestClient.BodyContentSpec> expectation) {
        Scenario.eventually(() -> expectation.accept(
                http.get().uri("/api/registrations/events/" + eventId).exchange().expectStatus().isOk().expectBody()));
    }

    void quotas(String eventId, Map<String, Integer> quotas) {
        http.put().uri("/api/registrations/events/" + eventId + "/quotas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quotas", quotas.entrySet().stream()
                        .map(e -> Map.of("unitId", TestDirectory.id(e.getKey()), "seats", e.getValue())).toList()))
                .exchange().expectStatus().isOk();
    }

    static Map<String, Object> delegate(String eventId, String email) {
        return delegate(eventId, email, "Trường Mầm non Đồng Tâm");
    }

    static Map<String, Object> delegate(String eventId, String email, String unit) {
        Map<String, Object> body = new HashMap<>(Map.of("eventId", eventId, "fullName", "Nguyễn Thị Hồng Nhung",
                "email", email, "phone", "0912 345 678", "unit", unit, "position", "Giáo viên", "category", "TEACHER"));
        body.put("unitId", TestDirectory.id(unit));
        return body;
    }

    WebTestClient.ResponseSpec register(Map<String, Object> body) {
        return http.post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> registered(Map<String, Object> body) {
        return register(body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> registration(String id) {
        return http.get().uri("/api/registrations/" + id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static <T extends IntegrationMessage> List<T> about(List<T> messages, String eventId) {
        return messages.stream().filter(m -> m.eventId().equals(eventId)).toList();
    }
}
