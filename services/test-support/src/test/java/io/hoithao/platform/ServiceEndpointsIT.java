package io.hoithao.platform;

import io.hoithao.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ServiceEndpointsIT {

    @Autowired
    WebTestClient http;

    @Test
    void healthIsUpIncludingMongoAndTheKafkaBinder() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** Under the service's own path, as the platform's conventions put it (the gateway routes /api/<service>/**). */
    @Test
    void describesItsApiInOpenApi() {
        http.get().uri("/api/platform-test/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> org.assertj.core.api.Assertions.assertThat((String) version).startsWith("3."))
                .jsonPath("$.paths['/api/probe/delegates'].post").exists();
    }
}
