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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < CROWD; i++) {
			tokens.add(issuer.bearer("dai.bieu" + i + "@phonggd.bacKan.edu.vn"));
		}
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (String token : tokens) {
			answers.add(this.http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"hoi-nghi-so-ket\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.forEach(answer -> statuses.merge(answer.join().statusCode(), 1, Integer::sum));

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

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", "198.51.100.7")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
