package io.hoithao.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in {@link DevStackTest}: the JDK alone, packed into a jar at
 * test time. Listens on {@code SERVER_PORT}; the readiness probe answers OUT_OF_SERVICE twice, then
 * UP; {@code /env} echoes the environment the devstack gave it.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        AtomicInteger probes = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            if (probes.incrementAndGet() <= 2) {
                respond(exchange, 503, "{\"status\":\"OUT_OF_SERVICE\"}");
            } else {
                respond(exchange, 200, "{\"status\":\"UP\"}");
            }
        });
        server.createContext("/env", exchange -> {
            StringBuilder body = new StringBuilder();
            new TreeMap<>(System.getenv()).forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            respond(exchange, 200, body.toString());
        });
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A service that fails on start-up, like one that cannot bind its port or read its config. */
    public static final class Crashing {

        private Crashing() {
        }

        public static void main(String[] args) {
            System.out.println("APPLICATION FAILED TO START: boom (fake)");
            System.exit(3);
        }
    }
}
