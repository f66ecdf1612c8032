package io.hoithao.web;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The APIs behind the pages, stood in for by a small HTTP server that answers the routes a page test gives, and
 * what the web application needs to talk to it: its properties, a Mongo-wire server for the signed-in pages' web
 * sessions, and a browser signed in with the claims the test names. A JUnit extension that stops its servers
 * after the test class:
 * <pre>{@code
 * @RegisterExtension
 * static final StandInApi api = StandInApi.withSessions(routes -> routes.get("/api/events/e1", (req, res) -> StandInApi.json(res, EVENT)));
 *
 * @DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 *     api.properties(registry);
 * }
 * }</pre>
 */
public final class StandInApi implements AfterAllCallback {

    /** The identity provider the pages name; never called by the page tests. */
    public static final String ISSUER = "http://issuer.example:9000";

    private final DisposableServer server;
    private final MongoServer sessions;
    private final int sessionsPort;

    private StandInApi(Consumer<? super HttpServerRoutes> routes, boolean withSessions) {
        this.server = HttpServer.create().port(0).route(routes).bindNow();
        this.sessions = withSessions ? new MongoServer(new MemoryBackend()) : null;
        this.sessionsPort = withSessions ? sessions.bind().getPort() : 0;
    }

    /** For the public pages: the APIs only. */
    public static StandInApi of(Consumer<? super HttpServerRoutes> routes) {
        return new StandInApi(routes, false);
    }

    /** For the signed-in pages: the APIs, and a Mongo-wire server for the web sessions; no account page. */
    public static StandInApi withSessions(Consumer<? super HttpServerRoutes> routes) {
        return new StandInApi(routes, true);
    }

    /** Points the web application at the stand-in API (and sessions store); a test adds what it needs besides. */
    public void properties(DynamicPropertyRegistry registry) {
        registry.add("hoithao.web.api-uri", () -> "http://localhost:" + server.port());
        registry.add("hoithao.web.issuer", () -> ISSUER);
        if (sessions != null) {
            registry.add("hoithao.web.account-uri", () -> "none");
            registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + sessionsPort + "/hoithao_web");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.disposeNow();
        if (sessions != null) {
            sessions.shutdownNow();
        }
    }

    /** A browser signed in with an ID token of these claims, sending the CSRF token, patient on a loaded machine. */
    public static WebTestClient signedIn(ApplicationContext context, Consumer<OidcIdToken.Builder> claims) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build()
                .mutateWith(mockOidcLogin().idToken(claims))
                .mutateWith(csrf());
    }

    /** Answers with a JSON body. */
    public static Mono<Void> json(HttpServerResponse res, String body) {
        return res.header("Content-Type", "application/json").sendString(Mono.just(body), StandardCharsets.UTF_8).then();
    }

    /** Answers with a problem+json refusal of the type (its last segment), with an English detail. */
    public static Mono<Void> problem(HttpServerResponse res, int status, String type) {
        return res.status(status).header("Content-Type", "application/problem+json")
                .sendString(Mono.just("{\"status\":" + status + ",\"type\":\"https://hoithao.io/problems/" + type
                        + "\",\"detail\":\"English detail\"}"), StandardCharsets.UTF_8).then();
    }
}
