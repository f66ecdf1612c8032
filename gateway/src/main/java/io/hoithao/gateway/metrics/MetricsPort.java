package io.hoithao.gateway.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's figures for Prometheus, {@code GET /actuator/prometheus} on a port of their own
 * ({@code hoithao.gateway.metrics-port}). The gateway's own port is the public one, where every actuator
 * endpoint is reachable from the internet; the figures (routes, rates, failures) are for the operators'
 * network only, so they are not exposed there.
 */
public class MetricsPort implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MetricsPort.class);

	static final String PATH = "/actuator/prometheus";

	private final PrometheusMeterRegistry registry;

	private final int port;

	private HttpServer server;

	private ExecutorService executor;

	public MetricsPort(PrometheusMeterRegistry registry, int port) {
		this.registry = registry;
		this.port = port;
	}

	@Override
	public synchronized void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The metrics port " + this.port + " is not free", ex);
		}
		this.server.createContext(PATH, exchange -> {
			try (exchange) {
				if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				byte[] body = this.registry.scrape().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		// One scrape at a time, off the gateway's event loops.
		this.executor = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "metrics-port");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.start();
		log.info("Metrics for Prometheus at http://{}:{}{}", this.server.getAddress().getHostString(), port(), PATH);
	}

	/** The port it listens on (the one chosen by the system when configured as 0). */
	public int port() {
		return this.server == null ? this.port : this.server.getAddress().getPort();
	}

	@Override
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
			this.server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.server != null;
	}

}
