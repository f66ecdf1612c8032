package io.hoithao.gateway;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.hoithao.gateway.limits.PerClientRateLimiter;
import io.hoithao.gateway.limits.RetryAfterRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code hoithao.gateway.rate-limit.store=redis}: two gateway instances (application contexts) on
 * one real Redis share each client's budget. Starts the {@code redis-server} of the machine (Debian
 * package {@code redis-server}) on a free port; skipped when there is none.
 *
 * <p>The budget is 3 requests at once, then one per 100 s (rate 1 token/s, a request costs 100,
 * capacity 300), so no token comes back during the test whatever the machine's speed.
 */
class GatewayRedisRateLimitTest {

	static final FakeBackend backend = new FakeBackend();

	static Process redis;

	static Path redisDir;

	static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	static WebTestClient first;

	static WebTestClient second;

	static final String NO_REDIS = "redis-server is not on the PATH: the Redis rate limiter test needs the Debian "
			+ "package redis-server (apt-get install -y redis-server); skipped";

	static final Path binary = onPath("redis-server");

	@BeforeAll
	static void startRedisAndTwoGateways() throws IOException {
		if (binary == null) {
			return; // each test reports the skip (an assumption here would hide it from the reports)
		}
		int port = FakeBackend.closedPort();
		redisDir = Files.createTempDirectory("gateway-redis");
		redis = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", redisDir.toString())
			.redirectErrorStream(true)
			.redirectOutput(redisDir.resolve("redis.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> ping(port));
		for (int i = 0; i < 2; i++) {
			// command-line arguments: above application.yml (builder "properties" are only defaults)
			gateways.add(new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
					"--hoithao.gateway.rate-limit.store=redis", "--hoithao.gateway.rate-limit.replenish-rate=1",
					"--hoithao.gateway.rate-limit.requested-tokens=100",
					"--hoithao.gateway.rate-limit.burst-capacity=300",
					"--hoithao.gateway.rate-limit.address-replenish-rate=1",
					"--hoithao.gateway.rate-limit.address-burst-capacity=300", "--spring.data.redis.host=127.0.0.1",
					"--spring.data.redis.port=" + port, "--hoithao.gateway.events-uri=" + backend.uri(),
					"--hoithao.gateway.registrations-uri=" + backend.uri()));
		}
		first = client(gateways.get(0));
		second = client(gateways.get(1));
	}

	@AfterAll
	static void stopAll() throws IOException {
		gateways.forEach(ConfigurableApplicationContext::close);
		if (redis != null) {
			redis.destroy();
			try {
				redis.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (redisDir != null) {
			try (var files = Files.walk(redisDir)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
		backend.close();
	}

	@BeforeEach
	void redisServerIsInstalled() {
		Assumptions.assumeTrue(binary != null, NO_REDIS);
	}

	static WebTestClient client(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}

	static Path onPath(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (!dir.isEmpty() && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	static boolean ping(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 7);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	static WebTestClient.ResponseSpec get(WebTestClient gateway, String path, String client) {
		return gateway.get().uri(path).header("X-Forwarded-For", client).exchange();
	}

	@Test
	void theRedisLimiterIsTheOneInUse() {
		for (ConfigurableApplicationContext gateway : gateways) {
			RateLimiter<?> limiter = gateway.getBean(RateLimiter.class);
			assertThat(limiter).isInstanceOf(PerClientRateLimiter.class);
			assertThat(((PerClientRateLimiter) limiter).users()).isInstanceOf(RetryAfterRateLimiter.class);
			assertThat(((PerClientRateLimiter) limiter).addresses()).isInstanceOf(RetryAfterRateLimiter.class);
		}
	}

	@Test
	void twoGatewaysShareOneBudgetPerClient() {
		String path = "/api/events/v1/events";
		get(first, path, "203.0.113.1").expectStatus().isOk();
		get(second, path, "203.0.113.1").expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "100");
		get(first, path, "203.0.113.1").expectStatus().isOk();
		// the fourth request, whichever instance gets it, is over the client's shared limit
		for (WebTestClient gateway : List.of(second, first)) {
			get(gateway, path, "203.0.113.1").expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader().valueEquals("Retry-After", "100")
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type").isEqualTo("https://hoithao.io/problems/too-many-requests")
				.jsonPath("$.status").isEqualTo(429)
				.jsonPath("$.instance").isEqualTo(path);
		}
		assertThat(backend.receivedFor(path)).hasSize(3);
	}

	@Test
	void anotherClientHasItsOwnBudget() {
		String path = "/api/registrations/v1/registrations";
		for (int i = 0; i < 3; i++) {
			get((i % 2 == 0) ? first : second, path, "203.0.113.2").expectStatus().isOk();
		}
		get(second, path, "203.0.113.2").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		get(second, path, "203.0.113.3").expectStatus().isOk();
		get(first, path, "203.0.113.3").expectStatus().isOk();
	}

}
