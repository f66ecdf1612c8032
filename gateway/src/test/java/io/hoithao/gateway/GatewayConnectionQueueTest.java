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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd larger than the connection pool: the requests beyond it wait for a connection as long as a registration
 * may take, not less. The benchmark's P1 sent 2,000 registrations at once through the gateway, whose pool holds 1,000
 * connections per service: the other 1,000 waited for one, and those still waiting after the pool's former 10 s were
 * answered 503 (131 and 202 in two of ten runs) while the service was deciding 100 a second. Here the pool holds 2
 * connections and the service takes 1.5 s per answer, so the last of 20 registrations waits about 13 s for its
 * connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=2")
class GatewayConnectionQueueTest {

	static final int CROWD = 20;

	static final FakeBackend backend = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("hoithao.gateway.registrations-uri", backend::uri);
		registry.add("hoithao.security.issuer", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		backend.close();
		issuer.close();
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newFixedThreadPool(4))
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void registrationsBeyondThePoolWaitForAConnectionInsteadOfAn503() {
		String path = "/api/registrations/queue/slow";
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < CROWD; i++) {
			answers.add(this.http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", issuer.bearer("giao.vien" + i + "@mamnon-hoa-sen.edu.vn"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(90))
				.POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"hoi-nghi-so-ket\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()));
		}
		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.forEach(answer -> statuses.merge(answer.join().statusCode(), 1, Integer::sum));

		assertThat(statuses).as("statuses of %d registrations through 2 connections", CROWD).containsExactly(Map.entry(200, CROWD));
		assertThat(backend.receivedFor(path)).hasSize(CROWD);
	}
}
