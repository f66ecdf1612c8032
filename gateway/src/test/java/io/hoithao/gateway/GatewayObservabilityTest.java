package io.hoithao.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.gateway.metrics.MetricsPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway's figures are on a port of their own, not on the public one; each request it forwards carries the
 * trace context (traceparent) of the gateway's span to the service, so that the service's spans join its trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hoithao.gateway.metrics-port=0", "management.tracing.sampling.probability=1.0" })
@AutoConfigureWebTestClient(timeout = "PT60S")
class GatewayObservabilityTest {

	static final FakeBackend backend = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : List.of("events", "registrations", "observations", "presentations", "notifications")) {
			registry.add("hoithao.gateway." + service + "-uri", backend::uri);
		}
		registry.add("hoithao.security.issuer", issuer::issuer);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
		issuer.close();
	}

	@Autowired
	WebTestClient client;

	@Autowired
	MetricsPort metrics;

	@Test
	void theFiguresAreNotOnThePublicPort() {
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
		this.client.get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
	}

	@Test
	void theFiguresOnTheirOwnPortCountForwardedRequestsByRouteAndStatus() throws Exception {
		this.client.get().uri("/api/registrations/v1/things/7").exchange().expectStatus().isOk();
		this.client.get().uri("/api/events/v1/problem").exchange().expectStatus().isBadRequest();

		HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + this.metrics.port() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		assertThat(scrape.body().lines().filter(line -> line.startsWith("http_client_requests_seconds_count{")))
			.anySatisfy(line -> assertThat(line).contains("spring_cloud_gateway_route_id=\"registrations\"", "http_status_code=\"200\""))
			.anySatisfy(line -> assertThat(line).contains("spring_cloud_gateway_route_id=\"events\"", "http_status_code=\"400\""));
		assertThat(scrape.body()).contains("application=\"gateway\"");
		// Spring Security observes nothing of its own: no timer or span per filter chain, authentication or
		// authorization (about an eighth of the gateway's CPU per request); the request's own figures stay.
		assertThat(scrape.body()).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
	}

	@Test
	void aForwardedRequestCarriesTheTraceContextToTheService() {
		String path = "/api/observations/v1/things/traced";
		this.client.get().uri(path).exchange().expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement()
			.satisfies(received -> assertThat(received.headers().getFirst("traceparent"))
				.as("W3C trace context of the gateway's span").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
	}

}
