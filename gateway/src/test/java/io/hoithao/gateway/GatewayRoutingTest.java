package io.hoithao.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

	static final FakeBackend backend = new FakeBackend();

	static final TestIssuer issuer = new TestIssuer();

	static final List<String> SERVICES = List.of("events", "registrations", "observations", "presentations", "notifications",
			"reports");

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : SERVICES) {
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

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "events", "registrations", "observations", "presentations", "notifications", "reports" })
	void routesEachPrefixWithPathQueryAndBodyUnchanged(String service) {
		String path = "/api/" + service + "/v1/things/42";
		String query = "q=H%E1%BB%99i%20th%E1%BA%A3o&page=2&tag=a&tag=b";
		String body = "{\"name\":\"Hội thảo\",\"seats\":3}";

		this.client.post()
			.uri(URI.create("http://localhost:" + this.port + path + "?" + query))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus().isOk()
			.expectBody().json("{\"from\":\"backend\"}");

		assertThat(backend.receivedFor(path)).singleElement().satisfies(received -> {
			assertThat(received.method()).isEqualTo("POST");
			assertThat(received.uri()).isEqualTo(path + "?" + query);
			assertThat(received.bodyText()).isEqualTo(body);
			assertThat(received.headers().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
			// trusted-proxies lets the gateway tell the service who the (loopback) client was
			assertThat(received.headers().getFirst("X-Forwarded-For")).contains("127.0.0.1");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "events", "registrations", "observations", "presentations", "notifications", "reports" })
	void forwardsEachServicesApiDocsPath(String service) {
		String path = "/api/" + service + "/v3/api-docs";
		this.client.get().uri(path).exchange().expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement()
			.satisfies(received -> assertThat(received.method()).isEqualTo("GET"));
	}

	@Test
	void forwardedForFromAnUntrustedHopIsNotPassedOn() {
		String path = "/api/events/v1/whoami";
		this.client.get()
			.uri(path)
			.header("X-Forwarded-For", "203.0.113.9")
			.header("Forwarded", "for=203.0.113.9")
			.exchange()
			.expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement().satisfies(received -> {
			assertThat(received.headers().get("X-Forwarded-For")).isNotEmpty()
				.allSatisfy(value -> assertThat(value).doesNotContain("203.0.113.9"));
			assertThat(received.headers().get("Forwarded")).isNotEmpty()
				.allSatisfy(value -> assertThat(value).doesNotContain("203.0.113.9"));
		});
	}

	@Test
	void unknownRouteIsNotFoundProblem() {
		Map<String, Object> problem = this.client.get()
			.uri("/nope")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance")
			.containsEntry("type", "https://hoithao.io/problems/not-found")
			.containsEntry("title", "Not Found")
			.containsEntry("status", 404)
			.containsEntry("instance", "/nope");
		assertThat((String) problem.get("detail")).contains("GET /nope");
	}

	@Test
	void fallbackIsNotReachableDirectly() {
		this.client.get()
			.uri("/fallback/events")
			.exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
	}

	@Test
	void bodyOverTheLimitIsContentTooLargeProblemAndNeverForwarded() {
		String path = "/api/presentations/v1/papers";
		byte[] body = new byte[1024 * 1024 + 1];

		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(body)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().doesNotExist("errorMessage")
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/content-too-large")
			.jsonPath("$.status").isEqualTo(413)
			.jsonPath("$.title").isEqualTo("Content Too Large")
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 MB"))
			.jsonPath("$.instance").isEqualTo(path);

		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void bodyAtTheLimitIsForwarded() {
		String path = "/api/presentations/v1/abstracts";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[1024 * 1024])
			.exchange()
			.expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement()
			.satisfies(received -> assertThat(received.body()).hasSize(1024 * 1024));
	}

	@Test
	void backendProblemPassesThroughUnchanged() {
		this.client.post()
			.uri("/api/events/problem")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class).isEqualTo(FakeBackend.PROBLEM_BODY);
	}

	@Test
	void getIsRetriedTwiceOnServiceUnavailableThenItsAnswerPassesThrough() {
		String path = "/api/registrations/get/flaky";
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody(String.class).isEqualTo("busy");
		assertThat(backend.receivedFor(path)).hasSize(3);
	}

	@Test
	void postIsNeverRetried() {
		String path = "/api/registrations/post/flaky";
		this.client.post()
			.uri(path)
			.bodyValue("{}")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(backend.receivedFor(path)).hasSize(1);
	}

	@Test
	void materialDownloadTakesTheGenericRouteAndIsRetried() {
		// presentation-materials is for uploads (POST/PUT/PATCH) only
		String path = "/api/presentations/papers/41/materials/flaky";
		this.client.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(backend.receivedFor(path)).hasSize(3);
	}

	@Test
	void materialUploadIsSentOnceAndTheServicesAnswerPassesThrough() {
		String path = "/api/presentations/papers/43/materials/flaky";
		this.client.put()
			.uri(path)
			.bodyValue("pdf")
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody(String.class).isEqualTo("busy");
		assertThat(backend.receivedFor(path)).singleElement()
			.satisfies(received -> assertThat(received.method()).isEqualTo("PUT"));
	}

	@Test
	void internalServerErrorOfAServiceIsNotRetried() {
		String path = "/api/observations/get/boom";
		this.client.get().uri(path).exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(backend.receivedFor(path)).hasSize(1);
	}

	@Test
	void aSlowServiceIsWaitedForBeyondResilience4jsDefaultOneSecondTimeLimit() {
		String path = "/api/observations/slow";
		this.client.get().uri(path).exchange().expectStatus().isOk().expectBody().json("{\"from\":\"backend\"}");
		assertThat(backend.receivedFor(path)).hasSize(1);
	}

	@Test
	void readinessAndLivenessAreUp() {
		this.client.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		this.client.get()
			.uri("/actuator/health/liveness")
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void theRouteListingIsForAdministratorsOnly() {
		this.client.get()
			.uri("/actuator/gateway/routes")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Sign in to use this endpoint")
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/unauthenticated");
		this.client.get()
			.uri("/actuator/gateway/routes")
			.header(HttpHeaders.AUTHORIZATION, issuer.bearer("delegate@truong.edu.vn"))
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Only an administrator may list the gateway's routes")
			.jsonPath("$.route_id").doesNotExist();
	}

	@Test
	void gatewayEndpointListsTheRoutes() {
		this.client.get()
			.uri("/actuator/gateway/routes")
			.header(HttpHeaders.AUTHORIZATION, issuer.administrator("admin@hoithao.vn"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[*].route_id")
			.value(ids -> assertThat(strings(ids)).containsExactlyInAnyOrder("events", "registrations",
					"observations", "presentation-materials", "presentations", "notifications", "reports", "web-uploads", "web",
					"web-organiser"));
	}

	@Test
	void swaggerUiListsEachServicesApiDocsThroughTheGateway() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(urls -> assertThat(strings(urls)).containsExactlyInAnyOrder("/api/events/v3/api-docs",
					"/api/registrations/v3/api-docs", "/api/observations/v3/api-docs",
					"/api/presentations/v3/api-docs", "/api/notifications/v3/api-docs", "/api/reports/v3/api-docs"))
			.jsonPath("$.urls[*].name")
			.value(names -> assertThat(strings(names)).containsExactlyInAnyOrderElementsOf(SERVICES));

		String location = this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus().is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).contains("swagger-ui/index.html");
		this.client.get()
			.uri(location)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	private static List<String> strings(Object jsonArray) {
		return ((List<?>) jsonArray).stream().map(String::valueOf).toList();
	}

}
