package io.hoithao.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Body limits (413), the header limit (431) and CORS for the front end's origin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hoithao.gateway.max-upload-size=3MB", "hoithao.gateway.frontend-origin=https://app.hoithao.test" })
@AutoConfigureWebTestClient
class GatewayRequestLimitsTest {

	static final int MB = 1024 * 1024;

	static final String FRONTEND = "https://app.hoithao.test";

	static final FakeBackend backend = new FakeBackend();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		for (String service : GatewayRoutingTest.SERVICES) {
			registry.add("hoithao.gateway." + service + "-uri", backend::uri);
		}
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Autowired
	WebTestClient client;

	/** A body without Content-Length: sent with Transfer-Encoding: chunked, in 64 KB chunks. */
	static Flux<DataBuffer> chunked(int size) {
		int chunk = 64 * 1024;
		return Flux.range(0, (size + chunk - 1) / chunk).map(i -> {
			byte[] bytes = new byte[Math.min(chunk, size - i * chunk)];
			Arrays.fill(bytes, (byte) 'x');
			return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
		});
	}

	@Test
	void chunkedBodyOverTheLimitIsContentTooLargeProblemAndNeverForwarded() {
		String path = "/api/events/v1/events/chunked-big";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunked(MB + 1), DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/content-too-large")
			.jsonPath("$.status").isEqualTo(413)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1 MB"))
			.jsonPath("$.instance").isEqualTo(path);
		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void chunkedBodyAtTheLimitIsForwardedWhole() {
		String path = "/api/registrations/v1/registrations/chunked-ok";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunked(MB), DataBuffer.class)
			.exchange()
			.expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement().satisfies(received -> {
			assertThat(received.body()).hasSize(MB);
			assertThat(received.headers().getFirst(HttpHeaders.TRANSFER_ENCODING)).isEqualTo("chunked");
		});
	}

	@Test
	void materialUploadMayBeLargerThanTheDefaultLimit() {
		String path = "/api/presentations/papers/42/materials/slides.pdf";
		this.client.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_PDF)
			.bodyValue(new byte[2 * MB])
			.exchange()
			.expectStatus().isOk();
		assertThat(backend.receivedFor(path)).singleElement()
			.satisfies(received -> assertThat(received.body()).hasSize(2 * MB));
	}

	@Test
	void materialUploadsMatchAtEachSupportedDepth() {
		for (String path : List.of("/api/presentations/p1/materials", "/api/presentations/papers/7/materials/a",
				"/api/presentations/v1/papers/7/materials/a/b")) {
			this.client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.body(chunked(MB + 1), DataBuffer.class)
				.exchange()
				.expectStatus().isOk();
			assertThat(backend.receivedFor(path)).as(path).singleElement()
				.satisfies(received -> assertThat(received.body()).hasSize(MB + 1));
		}
	}

	@Test
	void materialUploadOverTheUploadLimitIsContentTooLarge() {
		String path = "/api/presentations/papers/42/materials";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[3 * MB + 1])
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("3 MB"));
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunked(3 * MB + 1), DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/content-too-large");
		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void otherPresentationPathsKeepTheDefaultLimit() {
		String path = "/api/presentations/papers/42/abstract";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[2 * MB])
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void headersOverTheLimitAreRequestHeaderFieldsTooLargeProblem() {
		String path = "/api/events/v1/events";
		this.client.get()
			.uri(path + "?page=1")
			.header("X-Big", "a".repeat(9 * 1024))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/request-header-fields-too-large")
			.jsonPath("$.title").isEqualTo("Request Header Fields Too Large")
			.jsonPath("$.status").isEqualTo(431)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("8 KB"))
			.jsonPath("$.instance").isEqualTo(path);
		assertThat(backend.receivedFor(path)).isEmpty();
	}

	@Test
	void headersJustUnderTheLimitPass() {
		String path = "/api/events/v1/events/big-header-ok";
		this.client.get().uri(path).header("X-Big", "a".repeat(7 * 1024)).exchange().expectStatus().isOk();
		assertThat(backend.receivedFor(path)).hasSize(1);
	}

	@Test
	void tooLongRequestLineIsUriTooLongProblem() {
		this.client.get()
			.uri("/api/events/" + "a".repeat(5000))
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.URI_TOO_LONG)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/uri-too-long")
			.jsonPath("$.status").isEqualTo(414);
	}

	@Test
	void preflightFromTheFrontEndIsAllowed() {
		this.client.options()
			.uri("/api/registrations/v1/registrations")
			.header(HttpHeaders.ORIGIN, FRONTEND)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,idempotency-key,content-type")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
				.contains("authorization").contains("idempotency-key").contains("content-type"))
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
		// answered by the gateway: the service never sees a preflight
		assertThat(backend.receivedFor("/api/registrations/v1/registrations")).isEmpty();
	}

	@Test
	void requestFromTheFrontEndMayReadLocationAndRetryAfter() {
		this.client.get()
			.uri("/api/events/v1/events/cors")
			.header(HttpHeaders.ORIGIN, FRONTEND)
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONTEND)
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					exposed -> assertThat(exposed).contains("Location").contains("Retry-After"));
	}

	@Test
	void preflightFromAnotherOriginIsForbidden() {
		this.client.method(HttpMethod.OPTIONS)
			.uri("/api/registrations/v1/registrations")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
	}

	@Test
	void requestFromAnotherOriginIsForbiddenAndNotForwarded() {
		String path = "/api/events/v1/events/cors-evil";
		this.client.post()
			.uri(path)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}".getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus().isForbidden();
		assertThat(backend.receivedFor(path)).isEmpty();
	}

}
