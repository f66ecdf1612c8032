package io.hoithao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ProblemJsonIT {

    @Autowired
    WebTestClient http;

    @Test
    void invalidFieldsAreListed() {
        http.post().uri("/api/probe/delegates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fullName\":\"\",\"email\":\"not-an-email\",\"seats\":0}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.instance").isEqualTo("/api/probe/delegates")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("email")
                .jsonPath("$.errors[1].field").isEqualTo("fullName")
                .jsonPath("$.errors[2].field").isEqualTo("seats");
    }

    @Test
    void malformedJsonIs400() {
        http.post().uri("/api/probe/delegates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fullName\": \"Nguyễn Văn A\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/malformed-request")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON for this endpoint");
    }

    @Test
    void unknownPathIs404() {
        http.get().uri("/api/probe/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
    }

    @Test
    void wrongContentTypeIs415() {
        http.post().uri("/api/probe/delegates").contentType(MediaType.TEXT_PLAIN).bodyValue("hello")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String name = "a".repeat(100 * 1024);
        http.post().uri("/api/probe/delegates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fullName\":\"" + name + "\",\"email\":\"a@b.vn\",\"seats\":1}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/payload-too-large");
    }

    @Test
    void wrongMethodIs405() {
        http.delete().uri("/api/probe/delegates").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Allow");
    }

    @Test
    void domainConflictCarriesItsProperties() {
        http.get().uri("/api/probe/conflict/DRAFT").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition")
                .jsonPath("$.currentState").isEqualTo("DRAFT");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        String body = http.get().uri("/api/probe/boom").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("https://hoithao.io/problems/internal")
                .doesNotContain("secret internal detail")
                .doesNotContain("IllegalStateException")
                .doesNotContain("at io.hoithao");
    }

    @Test
    void every503And429SaysWhenToRetryKeepingAValueAlreadyGiven() {
        http.get().uri("/api/probe/public/busy").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        http.get().uri("/api/probe/public/down").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        http.get().uri("/api/probe/public/later").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(org.springframework.http.HttpHeaders.RETRY_AFTER, "120");
        http.get().uri("/api/probe/public/caller").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(org.springframework.http.HttpHeaders.RETRY_AFTER);
    }
}
