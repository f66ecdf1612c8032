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

/**
 * Tokens checked at the front door against a real issuer's key set: a bad one never reaches a
 * service, a good one is forwarded as it came, no token is the services' business. The rate limit
 * counts per signed-in user, whatever address the requests come from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hoithao.gateway.rate-limit.replenish-rate=1", "hoithao.gateway.rate-limit.burst-capacity=3" })
@AutoConfigureWebTestClient
class GatewayAuthenticationTest {

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
	void aValidTokenIsForwardedUnchanged() {
		String token = issuer.bearer("an@truong.edu.vn");
		this.client.get().uri("/api/events/auth/valid").header(HttpHeaders.AUTHORIZATION, token).exchange()
			.expectStatus().isOk();
		assertThat(backend.receivedFor("/api/events/auth/valid")).singleElement()
			.satisfies(received -> assertThat(received.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo(token));
	}

	@Autowired
	org.springframework.security.oauth2.jwt.ReactiveJwtDecoder decoder;

	@Test
	void aPersonsTokenIsCheckedOnceForHerNextRequests() {
		// What it remembers and when it checks again: CheckedTokensTest (keyset).
		assertThat(this.decoder).isInstanceOf(io.hoithao.keyset.CheckedTokens.class);
		String token = issuer.bearer("ba@truong.edu.vn");
		for (int request = 0; request < 3; request++) {
			this.client.get().uri("/api/events/auth/again").header(HttpHeaders.AUTHORIZATION, token).exchange()
				.expectStatus().isOk();
		}
		assertThat(backend.receivedFor("/api/events/auth/again")).hasSize(3);
	}

	@Test
	void aRequestWithoutATokenIsLeftToTheService() {
		this.client.get().uri("/api/events/auth/anonymous").exchange().expectStatus().isOk();
		assertThat(backend.receivedFor("/api/events/auth/anonymous")).hasSize(1);
	}

	@Test
	void anExpiredTokenIsRefusedAndNeverForwarded() {
		refused("/api/registrations/auth/expired", issuer.expired("an@truong.edu.vn"), "expired");
	}

	@Test
	void aForeignIssuersTokenIsRefusedAndNeverForwarded() {
		refused("/api/observations/auth/foreign", issuer.foreign("an@truong.edu.vn"), "");
	}

	@Test
	void garbageIsRefusedAndNeverForwarded() {
		refused("/api/presentations/auth/garbage", "Bearer abc.def.ghi", "");
	}

	private void refused(String path, String authorization, String detail) {
		this.client.post().uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-token")
			.jsonPath("$.status").isEqualTo(401)
			.jsonPath("$.instance").isEqualTo(path)
			.jsonPath("$.detail").value(text -> assertThat((String) text).contains(detail));
		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void theRateLimitCountsPerUserWhateverTheAddress() {
		String path = "/api/events/auth/limited";
		String first = issuer.bearer("first@truong.edu.vn");
		for (int i = 0; i < 3; i++) {
			this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, first)
				.header("X-Forwarded-For", "198.51.100." + i).exchange().expectStatus().isOk();
		}
		this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, first)
			.header("X-Forwarded-For", "198.51.100.99").exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().exists(HttpHeaders.RETRY_AFTER);
		// another user from the very address the first one used last keeps a budget of their own
		this.client.get().uri(path).header(HttpHeaders.AUTHORIZATION, issuer.bearer("second@truong.edu.vn"))
			.header("X-Forwarded-For", "198.51.100.2").exchange().expectStatus().isOk();
		assertThat(backend.receivedFor(path)).hasSize(4);
	}

}
