package io.hoithao.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that are down or do not answer: the circuit breaker's fallback answers 503; on the
 * streaming material upload route (no fallback) the error handler answers the same problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms")
@AutoConfigureWebTestClient
class GatewayUnavailableServicesTest {

	static final FakeBackend hangingBackend = new FakeBackend();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		int closed = FakeBackend.closedPort();
		registry.add("hoithao.gateway.events-uri", () -> "http://127.0.0.1:" + closed);
		registry.add("hoithao.gateway.registrations-uri", () -> "http://127.0.0.1:" + closed);
		registry.add("hoithao.gateway.observations-uri", hangingBackend::uri);
		registry.add("hoithao.gateway.presentations-uri", () -> "http://127.0.0.1:" + closed);
	}

	@AfterAll
	static void stopBackend() {
		hangingBackend.close();
	}

	@Autowired
	WebTestClient client;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Test
	void serviceDownAnswersServiceUnavailableProblemNamingTheService() {
		this.client.post()
			.uri("/api/events/v1/events?x=1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/service-unavailable")
			.jsonPath("$.title").isEqualTo("Service unavailable")
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("events service"))
			.jsonPath("$.instance").isEqualTo("/api/events/v1/events");
	}

	@Test
	void getToAServiceThatIsDownFallsBackToo() {
		this.client.get()
			.uri("/api/registrations/v1/registrations")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("registrations service"));
	}

	@Test
	void serviceThatDoesNotAnswerInTimeFallsBack() {
		String path = "/api/observations/hang";
		this.client.post()
			.uri(path)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/service-unavailable")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("observations service"));
		assertThat(hangingBackend.receivedFor(path)).hasSize(1);
	}

	@Test
	void responseTimeoutIsNotRetriedEvenForGet() {
		String path = "/api/observations/get/hang";
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("observations service"));
		assertThat(hangingBackend.receivedFor(path)).hasSize(1);
	}

	@Test
	void materialUploadToAServiceThatIsDownIsTheSameServiceUnavailableProblem() {
		String path = "/api/presentations/papers/42/materials";
		this.client.post()
			.uri(path + "?filename=slides.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.body(GatewayRequestLimitsTest.chunked(256 * 1024), org.springframework.core.io.buffer.DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/service-unavailable")
			.jsonPath("$.title").isEqualTo("Service unavailable")
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("presentations service"))
			.jsonPath("$.instance").isEqualTo(path);
	}

	@Test
	void materialUploadWhileTheBreakerIsOpenIsTheSameServiceUnavailableProblem() {
		CircuitBreaker breaker = this.breakers.circuitBreaker("presentations");
		breaker.transitionToForcedOpenState();
		long refusedBefore = breaker.getMetrics().getNumberOfNotPermittedCalls();
		try {
			this.client.put()
				.uri("/api/presentations/papers/42/materials/slides.pdf")
				.contentType(MediaType.APPLICATION_PDF)
				.bodyValue(new byte[1024])
				.exchange()
				.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/service-unavailable")
				.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("presentations service"));
			assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(refusedBefore + 1);
		}
		finally {
			breaker.transitionToClosedState();
		}
	}

}
