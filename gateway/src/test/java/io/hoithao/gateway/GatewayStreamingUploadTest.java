package io.hoithao.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Material uploads are streamed to the presentations service, never buffered whole in the gateway.
 * The response timeout is counted from the end of the upload, and still applies after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hoithao.gateway.max-upload-size=2MB",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
@AutoConfigureWebTestClient
class GatewayStreamingUploadTest {

	static final int KB = 1024;

	static final int LIMIT = 2 * KB * KB;

	static final StreamingBackend backend = new StreamingBackend();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("hoithao.gateway.presentations-uri", backend::uri);
	}

	@AfterAll
	static void stopBackend() {
		backend.close();
	}

	@Autowired
	WebTestClient client;

	@BeforeEach
	void boundedWait() {
		// a buffering gateway would wait for a body that is only sent once the service got its start
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(10)).build();
	}

	@Test
	void uploadIsForwardedWhileTheClientIsStillSendingIt() {
		String path = "/api/presentations/papers/42/materials";
		List<byte[]> chunks = randomChunks(24, 64 * KB);
		// the first chunk at once; the rest only after the service has received the first bytes
		Flux<DataBuffer> body = Flux.concat(Flux.just(chunks.get(0)),
				backend.firstBytes(path).thenMany(Flux.fromIterable(chunks.subList(1, chunks.size()))))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		this.client.post()
			.uri(path + "?filename=slides.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.body(body, DataBuffer.class)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.bytes").isEqualTo(24 * 64 * KB)
			.jsonPath("$.sha256").isEqualTo(sha256(chunks));
		assertThat(backend.transferEncoding(path)).isEqualTo("chunked");
	}

	@Test
	void albumPhotosTakeTheUploadRouteAndItsLimitNotTheDefaultOne() {
		String path = "/api/presentations/events/evt-7/photos";
		// 1.5 MB: over the gateway's default body limit (1 MB), within the upload limit of this test (2 MB)
		List<byte[]> chunks = randomChunks(24, 64 * KB);
		this.client.post()
			.uri(path + "?caption=album")
			.contentType(MediaType.IMAGE_JPEG)
			.body(Flux.fromIterable(chunks).map(DefaultDataBufferFactory.sharedInstance::wrap), DataBuffer.class)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.bytes").isEqualTo(24 * 64 * KB)
			.jsonPath("$.sha256").isEqualTo(sha256(chunks));
	}

	@Test
	void responseTimeoutStartsWhenTheUploadHasArrived() {
		// 5 chunks 400 ms apart: the upload takes longer than the 1 s response timeout
		String path = "/api/presentations/papers/43/materials/slow-client.pdf";
		List<byte[]> chunks = randomChunks(5, 16 * KB);
		Flux<DataBuffer> body = Flux.fromIterable(chunks)
			.delayElements(Duration.ofMillis(400))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		this.client.put()
			.uri(path)
			.contentType(MediaType.APPLICATION_PDF)
			.body(body, DataBuffer.class)
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.bytes").isEqualTo(5 * 16 * KB)
			.jsonPath("$.sha256").isEqualTo(sha256(chunks));
	}

	@Test
	void serviceThatDoesNotAnswerAfterTheUploadIsServiceUnavailableProblem() {
		String path = "/api/presentations/papers/44/materials/hang";
		this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_PDF)
			.bodyValue(new byte[64 * KB])
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/service-unavailable")
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("presentations service"))
			.jsonPath("$.instance").isEqualTo(path);
		assertThat(backend.bytesSeen(path)).isEqualTo(64 * KB);
	}

	@Test
	void chunkedUploadOverTheLimitIsContentTooLargeAndTheServiceSeesAtMostTheLimit() {
		String path = "/api/presentations/papers/45/materials";
		this.client.post()
			.uri(path + "?filename=huge.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.body(GatewayRequestLimitsTest.chunked(LIMIT + 256 * KB), DataBuffer.class)
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/content-too-large")
			.jsonPath("$.status").isEqualTo(413)
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2 MB"))
			.jsonPath("$.instance").isEqualTo(path);
		assertThat(backend.bytesSeen(path)).isLessThanOrEqualTo(LIMIT);
		assertThat(backend.answered(path)).isFalse();
	}

	@Test
	void uploadWithContentLengthOverTheLimitIsRefusedBeforeAnythingIsForwarded() {
		String path = "/api/presentations/papers/46/materials";
		this.client.post()
			.uri(path + "?filename=huge.pdf")
			.contentType(MediaType.APPLICATION_PDF)
			.bodyValue(new byte[LIMIT + 1])
			.exchange()
			.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(backend.bytesSeen(path)).isZero();
	}

	static List<byte[]> randomChunks(int count, int size) {
		Random random = new Random(count * 31L + size);
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			byte[] chunk = new byte[size];
			random.nextBytes(chunk);
			chunks.add(chunk);
		}
		return chunks;
	}

	static String sha256(List<byte[]> chunks) {
		MessageDigest digest = sha256();
		chunks.forEach(digest::update);
		return HexFormat.of().formatHex(digest.digest());
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stands in for the presentations service: reads each body as it streams in, counting the bytes
	 * and hashing them in arrival order, signals the first bytes of each path, then answers
	 * {@code {"bytes":n,"sha256":"..."}} (or never, for a path ending in {@code /hang}).
	 */
	static final class StreamingBackend implements AutoCloseable {

		private final Map<String, Sinks.Empty<Void>> firstBytes = new ConcurrentHashMap<>();

		private final Map<String, AtomicLong> bytesSeen = new ConcurrentHashMap<>();

		private final Map<String, String> transferEncoding = new ConcurrentHashMap<>();

		private final Map<String, Boolean> answered = new ConcurrentHashMap<>();

		private final DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(this::handle)
			.bindNow();

		String uri() {
			return "http://127.0.0.1:" + this.server.port();
		}

		Mono<Void> firstBytes(String path) {
			return sink(path).asMono();
		}

		long bytesSeen(String path) {
			AtomicLong seen = this.bytesSeen.get(path);
			return (seen != null) ? seen.get() : 0;
		}

		String transferEncoding(String path) {
			return this.transferEncoding.get(path);
		}

		boolean answered(String path) {
			return this.answered.getOrDefault(path, false);
		}

		private Sinks.Empty<Void> sink(String path) {
			return this.firstBytes.computeIfAbsent(path, p -> Sinks.empty());
		}

		private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
			String path = request.fullPath();
			String encoding = request.requestHeaders().get("Transfer-Encoding");
			if (encoding != null) {
				this.transferEncoding.put(path, encoding);
			}
			AtomicLong seen = this.bytesSeen.computeIfAbsent(path, p -> new AtomicLong());
			MessageDigest digest = sha256();
			return request.receive().asByteArray().doOnNext(bytes -> {
				seen.addAndGet(bytes.length);
				digest.update(bytes);
				sink(path).tryEmitEmpty();
			}).then(Mono.defer(() -> {
				if (path.endsWith("/hang")) {
					return Mono.never();
				}
				this.answered.put(path, true);
				String json = "{\"bytes\":" + seen.get() + ",\"sha256\":\"" + HexFormat.of().formatHex(digest.digest())
						+ "\"}";
				return response.status(200)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(json), StandardCharsets.UTF_8)
					.then();
			}));
		}

		@Override
		public void close() {
			this.server.disposeNow();
		}

	}

}
