package io.hoithao.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.hoithao.gateway.limits.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory limiter through the gateway, on a clock that only moves when told: 3 requests at
 * once per address and route, then one a second; 2 at once per signed-in person. Each test uses its
 * own client address (the loopback peer is a trusted proxy, so X-Forwarded-For names the client) and
 * so its own budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hoithao.gateway.rate-limit.address-replenish-rate=1",
				"hoithao.gateway.rate-limit.address-burst-capacity=3", "hoithao.gateway.rate-limit.replenish-rate=1",
				"hoithao.gateway.rate-limit.burst-capacity=2" })
@AutoConfigureWebTestClient
class GatewayRateLimitTest {

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
	static void stopBackend() {
		backend.close();
		issuer.close();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedTime {

		@Bean
		Clock rateLimiterClock() {
			return new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
		}

	}

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	WebTestClient.ResponseSpec get(String path, String client) {
		return this.client.get().uri(path).header("X-Forwarded-For", client).exchange();
	}

	@Test
	void theLimitPlusOneIsTooManyRequestsProblemWithRetryAfterAndNeverForwarded() {
		String path = "/api/events/v1/events";
		for (int i = 0; i < 3; i++) {
			get(path, "203.0.113.1").expectStatus().isOk().expectHeader().exists("X-RateLimit-Remaining");
		}
		get(path, "203.0.113.1").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().valueEquals("Retry-After", "1")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/too-many-requests")
			.jsonPath("$.title").isEqualTo("Too Many Requests")
			.jsonPath("$.status").isEqualTo(429)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("retry after 1 s"))
			.jsonPath("$.instance").isEqualTo(path);
		assertThat(backend.receivedFor(path)).hasSize(3);
	}

	@Test
	void twoClientsHaveSeparateBudgets() {
		String path = "/api/registrations/v1/registrations";
		for (int i = 0; i < 3; i++) {
			get(path, "203.0.113.2").expectStatus().isOk();
		}
		get(path, "203.0.113.2").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		for (int i = 0; i < 3; i++) {
			get(path, "203.0.113.3").expectStatus().isOk();
		}
		get(path, "203.0.113.3").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void thirtySixTeachersBehindOneAddressEachHaveTheirOwnBudget() {
		String path = "/api/registrations/v1/registrations";
		String school = "203.0.113.36";
		for (int teacher = 1; teacher <= 36; teacher++) {
			String token = issuer.bearer("giao.vien" + teacher + "@mndongtam.edu.vn");
			for (int i = 0; i < 2; i++) {
				this.client.post().uri(path).header("X-Forwarded-For", school)
					.header("Authorization", token)
					.exchange()
					.expectStatus().isOk();
			}
		}
		// a person's own budget still holds...
		this.client.post().uri(path).header("X-Forwarded-For", school)
			.header("Authorization", issuer.bearer("giao.vien1@mndongtam.edu.vn"))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader().exists("Retry-After");
		// ...and the address's budget, for requests without a token, was not spent by the teachers
		for (int i = 0; i < 3; i++) {
			get(path, school).expectStatus().isOk();
		}
		get(path, school).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void theBudgetComesBackWithTime() {
		String path = "/api/observations/v1/lessons";
		for (int i = 0; i < 3; i++) {
			get(path, "203.0.113.4").expectStatus().isOk();
		}
		get(path, "203.0.113.4").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		((MutableClock) this.clock).advance(Duration.ofSeconds(1));
		get(path, "203.0.113.4").expectStatus().isOk();
		get(path, "203.0.113.4").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void aRefusedRequestIsAnsweredBeforeItsBodyIsRead() {
		String path = "/api/presentations/v1/papers";
		for (int i = 0; i < 3; i++) {
			get(path, "203.0.113.5").expectStatus().isOk();
		}
		// over the body limit too, but refused by the limiter first: 429, not 413
		this.client.post()
			.uri(path)
			.header("X-Forwarded-For", "203.0.113.5")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[2 * 1024 * 1024])
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void theGatewaysOwnEndpointsAreNotLimited() {
		for (int i = 0; i < 5; i++) {
			this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		}
	}

}
