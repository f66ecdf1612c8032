package io.hoithao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two instances of a service behind the gateway: requests are shared between them, and a GET that one instance
 * refuses (it is down) is answered by the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayLoadBalancingTest {

	static final FakeBackend first = new FakeBackend();

	static final FakeBackend second = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	static final int closed = FakeBackend.closedPort();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("hoithao.gateway.events-uri", () -> first.uri() + ", " + second.uri());
		// one of the two observations instances is down
		registry.add("hoithao.gateway.observations-uri", () -> "http://127.0.0.1:" + closed + "," + first.uri());
		registry.add("hoithao.security.issuer", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
		issuer.close();
	}

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void requestsToAServiceGoInTurnToEachOfItsInstances() throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(get("/api/events/turn").statusCode()).isEqualTo(200);
		}
		assertThat(first.receivedFor("/api/events/turn")).hasSize(5);
		assertThat(second.receivedFor("/api/events/turn")).hasSize(5);
	}

	@Test
	void aGetRefusedByAnInstanceThatIsDownIsAnsweredByTheOther() throws Exception {
		for (int i = 0; i < 6; i++) {
			assertThat(get("/api/observations/lessons").statusCode()).isEqualTo(200);
		}
		assertThat(first.receivedFor("/api/observations/lessons")).hasSize(6);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", "198.51.100.9")
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
