package io.hoithao.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak, run from its distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build into
 * {@code target/}) as a child process: {@code bin/kc.sh start-dev --import-realm} with the compose realm, an in-memory
 * database, HTTP and the management interface (health) on free ports of 127.0.0.1. The management port is moved off
 * Keycloak's default 9000, which is the identity service's.
 */
final class KeycloakServer implements AutoCloseable {

    /** The master realm's administrator, created at the first start (Keycloak's bootstrap admin). */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-dev-password";

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path logFile;

    private KeycloakServer(Process process, int httpPort, int managementPort, Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Copies {@code realmFile} where {@code --import-realm} reads and starts Keycloak, without waiting: its ports are
     * known at once, so what uses it can start meanwhile ({@link #awaitReady}).
     */
    static KeycloakServer launch(Path home, Path realmFile, Path logFile) {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("No Keycloak distribution at " + home.toAbsolutePath() + ": the build unpacks"
                    + " org.keycloak:keycloak-quarkus-dist there before the integration tests (./mvnw -pl infra/devstack -am verify)");
        }
        int[] ports = DevStackConfig.freePortNumbers(2);
        List<String> command = List.of(kc.toAbsolutePath().toString(), "start-dev", "--import-realm",
                "--db=dev-mem", // a fresh realm on every start, nothing left behind
                "--http-host=127.0.0.1", "--http-port=" + ports[0], "--hostname=http://localhost:" + ports[0],
                "--http-management-port=" + ports[1], "--health-enabled=true");
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            // the JDK running the tests; kc.sh's default heap is 70 % of the machine's memory
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            return new KeycloakServer(builder.start(), ports[0], ports[1], logFile);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + String.join(" ", command) + ": " + e, e);
        }
    }

    /**
     * Returns once Keycloak's readiness check says UP (about 20 s here, 40 s or more the first time, when
     * {@code kc.sh} builds the distribution for these options); stops it and throws, with the log's tail, if it exits
     * or is not ready within {@code timeout}.
     */
    KeycloakServer awaitReady(Duration timeout) {
        try {
            poll(timeout);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void poll(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " before it was ready; "
                        + logFile + " ends:" + System.lineSeparator() + ChildProcess.tail(logFile, 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready within " + timeout.toSeconds() + " s; " + logFile
                        + " ends:" + System.lineSeparator() + ChildProcess.tail(logFile, 40));
            }
            try {
                // the pause between two checks, ended at once if Keycloak dies
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
    }

    /** Both ports: HTTP and the management interface. */
    List<Integer> ports() {
        return List.of(httpPort, managementPort);
    }

    /** {@code http://localhost:<port>}, the name the tokens' issuer carries. */
    URI baseUrl() {
        return URI.create("http://localhost:" + httpPort);
    }

    /** The issuer of a realm's tokens, {@code http://localhost:<port>/realms/<realm>}. */
    URI realm(String name) {
        return URI.create(baseUrl() + "/realms/" + name);
    }

    Path logFile() {
        return logFile;
    }

    /** SIGTERM (Keycloak shuts down cleanly), SIGKILL after 10 s. */
    @Override
    public void close() {
        // kc.sh execs java, so the process is Keycloak itself; its children, if any, go with it
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(ChildProcess.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
