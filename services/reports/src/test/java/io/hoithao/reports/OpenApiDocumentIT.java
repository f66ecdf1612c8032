package io.hoithao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service's OpenAPI document is valid OpenAPI 3 and declares what its operations really answer ({@link OpenApiContract}). */
@IntegrationTest
class OpenApiDocumentIT {

    @Autowired
    WebTestClient http;

    @Test
    void theDocumentIsValidCompleteAndTrue() {
        assertThat(new OpenApiContract(http, "/api/reports/v3/api-docs").check()).isEqualTo(3);
    }
}
