package io.hoithao.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd through the gateway: many requests in flight on one route at once are all forwarded
 * (no bulkhead refuses them, the connection pool queues rather than refuses) and the breaker stays
 * closed; a service that is really down still opens it. Rate limits are out of the way here (each
 * request is a different signed-in person); {@link GatewayRateLimitTest} covers them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayConcurrencyTest {

	static final int CROWD = 500;

	static final FakeBackend backend = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	static final int closed = FakeBackend.closedPort();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("hoithao.gateway.events-uri", backend::uri);
		registry.add("hoithao.gateway.registrations-uri", backend::uri);
		registry.add("hoithao.gateway.observations-uri", backend::uri);
		// presentations is down for good: nothing listens on its port
		registry.add("hoithao.gateway.presentations-uri", () -> "http://127.0.0.1:" + closed);
		registry.add("hoithao.security.issuer", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		backend.close();
		issuer.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newFixedThreadPool(8))
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void fiveHundredConcurrentRegistrationsOnOneRouteAreAllForwardedAndTheBreakerStaysClosed() {
		// every request is held 1.5 s by the service, so all 500 are in flight at once
		String path = "/api/registrations/crowd/slow";
		Map<Integer, Integer> statuses = registrations(this.port, path, CROWD);

		assertThat(statuses).as("statuses of %d concurrent requests", CROWD).containsExactly(Map.entry(200, CROWD));
		assertThat(backend.receivedFor(path)).hasSize(CROWD);
		assertThat(this.breakers.circuitBreaker("registrations").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.breakers.circuitBreaker("registrations").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aServiceThatIsReallyDownOpensTheBreakerAndTheOthersAreUntouched() throws Exception {
		CircuitBreaker breaker = this.breakers.circuitBreaker("presentations");
		// the breaker's window: at least 10 calls, half of them failed
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> answer = get("/api/presentations/papers");
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		HttpResponse<String> whileOpen = get("/api/presentations/papers");
		assertThat(whileOpen.statusCode()).isEqualTo(503);
		assertThat(whileOpen.headers().firstValue("Retry-After")).isPresent();
		assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
		// another route's breaker is its own
		assertThat(get("/api/events/programme").statusCode()).isEqualTo(200);
		assertThat(this.breakers.circuitBreaker("events").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	/**
	 * A crowd larger than the connection pool: the requests beyond it wait for a connection as long as a registration
	 * may take, not less. The benchmark's P1 sent 2,000 registrations at once through the gateway, whose pool holds
	 * 1,000 connections per service: the other 1,000 waited for one, and those still waiting after the pool's former
	 * 10 s were answered 503 (131 and 202 in two of ten runs) while the service was deciding 100 a second. Here the
	 * pool holds 2 connections (a context of its own) and the service takes 1.5 s per answer, so the last of 20
	 * registrations waits about 13 s for its connection.
	 */
	@Nested
	@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=2")
	class BeyondTheConnectionPool {

		static final int QUEUED = 20;

		@LocalServerPort
		int queuePort;

		@Test
		void registrationsWaitForAConnectionInsteadOfA503() {
			String path = "/api/registrations/queue/slow";
			Map<Integer, Integer> statuses = registrations(this.queuePort, path, QUEUED);

			assertThat(statuses).as("statuses of %d registrations through 2 connections", QUEUED).containsExactly(Map.entry(200, QUEUED));
			assertThat(backend.receivedFor(path)).hasSize(QUEUED);
		}

	}

	/** {@code count} registrations of different signed-in people sent at once to {@code path}; their statuses. */
	private Map<Integer, Integer> registrations(int port, String path, int count) {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tokens.add(issuer.bearer("dai.bieu" + i + "@phonggd.bacKan.edu.vn"));
		}
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (String token : tokens) {
			answers.add(this.http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"hoi-nghi-so-ket\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.forEach(answer -> statuses.merge(answer.join().statusCode(), 1, Integer::sum));
		return statuses;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", "198.51.100.7")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
