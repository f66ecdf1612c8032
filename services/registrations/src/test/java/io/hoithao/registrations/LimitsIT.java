package io.hoithao.registrations;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lists a client sends here stop at documented limits, answered with a 400 that names the limit. */
@IntegrationTest
class LimitsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    WebTestClient.ResponseSpec quotas(String eventId, List<Map<String, Object>> quotas) {
        return http.put().uri("/api/registrations/events/" + eventId + "/quotas").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quotas", quotas)).exchange();
    }

    @Test
    void anEventHoldsAtMostAThousandUnitsQuotasOfAtMostItsLargestCapacity() {
        String eventId = new Fixtures(http, messages).openEvent(5);
        String batch = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = TestDirectory.addAll(mongo, IntStream.range(0, 1000).mapToObj(i -> "Trường Mầm non số " + i + " " + batch).toList());
        List<Map<String, Object>> thousand = ids.stream().map(id -> Map.<String, Object>of("unitId", id, "seats", 1)).toList();

        quotas(eventId, thousand).expectStatus().isOk();
        quotas(eventId, IntStream.range(0, 1001).mapToObj(i -> Map.<String, Object>of("unitId", TestDirectory.id("Trường " + i), "seats", 1))
                .toList())
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("quotas")
                .jsonPath("$.errors[0].message").isEqualTo("at most 1000 units' quotas per event");
        quotas(eventId, List.of(Map.of("unitId", TestDirectory.id("Phòng GD&ĐT Chợ Mới"), "seats", 100_001)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].message").value(message -> org.assertj.core.api.Assertions
                        .assertThat((String) message).contains("100000"));
        http.get().uri("/api/registrations/events/" + eventId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.quotas.length()").isEqualTo(1000);
    }
}
