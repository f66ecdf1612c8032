package io.hoithao.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The issuer's key set unreachable: a token cannot be checked, so 503 problem, and nothing is forwarded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks")
@AutoConfigureWebTestClient
class GatewayIdentityUnavailableTest {

	static final FakeBackend backend = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : GatewayRoutingTest.SERVICES) {
			registry.add("hoithao.gateway." + service + "-uri", backend::uri);
		}
		registry.add("hoithao.security.issuer", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		backend.close();
		issuer.close();
	}

	@Autowired
	WebTestClient client;

	@Test
	void aTokenThatCannotBeCheckedIs503AndNotForwarded() {
		this.client.get().uri("/api/events/auth/unchecked").header(HttpHeaders.AUTHORIZATION, issuer.bearer("an@truong.edu.vn"))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER)
			.expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/identity-unavailable");
		assertThat(backend.receivedFor("/api/events/auth/unchecked")).isEmpty();
		// without a token the request is the service's business, identity provider or not
		this.client.get().uri("/api/events/auth/public").exchange().expectStatus().isOk();
	}

}
