package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole stack from the real jars, on free ports in a temporary directory: the way an
 * end-to-end test uses {@link DevStack}. Takes about a minute, so it runs only when asked:
 * {@code ./mvnw -B install -DskipTests && ./mvnw -B -pl infra/devstack test -Ddevstack.e2e=true -Dtest=FullStackTest}.
 */
@EnabledIfSystemProperty(named = "devstack.e2e", matches = "true")
class FullStackTest {

    @Test
    void everyServiceAndTheGatewayBecomeReadyAndAreReachable(@TempDir Path dataDir) throws Exception {
        DevStackConfig config = DevStackConfig.builder()
                .repoRoot(Path.of("../..")) // surefire runs in infra/devstack
                .dataDir(dataDir)
                .freePorts()
                .build();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        try (DevStack stack = DevStack.start(config)) {
            System.out.print(stack.urlTable());
            System.out.print(stack.memoryTable());
            for (App app : App.values()) {
                assertThat(status(http, stack.url(app).resolve("/actuator/health"))).as(app.id()).isEqualTo(200);
            }
            assertThat(status(http, stack.gatewayUrl().resolve("/swagger-ui.html"))).isEqualTo(200);
        }
    }

    private static int status(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
