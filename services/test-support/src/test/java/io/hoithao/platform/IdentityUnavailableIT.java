package io.hoithao.platform;

import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** When the issuer's key set cannot be fetched, a token cannot be checked: 503, never 500, never accepted. */
@IntegrationTest
@TestPropertySource(properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks")
class IdentityUnavailableIT {

    @Autowired
    WebTestClient http;

    @Test
    void aTokenThatCannotBeCheckedIs503() {
        http.get().uri("/api/probe/me").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/identity-unavailable");
        TestIdentity.anonymous(http).get().uri("/api/probe/public/caller").exchange().expectStatus().isOk();
    }
}
