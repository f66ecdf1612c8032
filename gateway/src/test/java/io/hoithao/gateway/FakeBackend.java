package io.hoithao.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server standing in for the four services: it records every request it gets and
 * answers by the last path segment ({@code problem}, {@code flaky}, {@code boom}, {@code slow},
 * {@code hang}; anything else is a 200 JSON).
 */
final class FakeBackend implements AutoCloseable {

	static final String PROBLEM_BODY = """
			{"type":"https://hoithao.io/problems/validation","title":"Bad Request","status":400,\
			"detail":"name must not be blank","instance":"/api/events/problem"}""";

	record Received(String method, String uri, HttpHeaders headers, byte[] body) {

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	private final Queue<Received> received = new ConcurrentLinkedQueue<>();

	private final DisposableServer server;

	FakeBackend() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.port();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> receivedFor(String path) {
		return this.received.stream().filter(r -> r.uri().split("\\?")[0].equals(path)).toList();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
			HttpHeaders headers = new HttpHeaders();
			request.requestHeaders().forEach(entry -> headers.add(entry.getKey(), entry.getValue()));
			this.received.add(new Received(request.method().name(), request.uri(), headers, body));
			String path = request.fullPath();
			String last = path.substring(path.lastIndexOf('/') + 1);
			return switch (last) {
				case "problem" -> response.status(400)
					.header("Content-Type", "application/problem+json")
					.sendString(Mono.just(PROBLEM_BODY))
					.then();
				case "flaky" -> response.status(503).sendString(Mono.just("busy")).then();
				case "boom" -> response.status(500).sendString(Mono.just("bug")).then();
				case "slow" -> Mono.delay(Duration.ofMillis(1500)).then(Mono.defer(() -> json(response)));
				case "hang" -> Mono.never();
				default -> json(response);
			};
		});
	}

	private static Mono<Void> json(HttpServerResponse response) {
		return response.status(200)
			.header("Content-Type", "application/json")
			.sendString(Mono.just("{\"from\":\"backend\"}"))
			.then();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/** A port nothing listens on (bound once, then released). */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
