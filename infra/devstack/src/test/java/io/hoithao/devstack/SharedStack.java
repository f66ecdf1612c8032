package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The stack the end-to-end tests share (WalkingSkeletonIT, FlashCrowdIT, the browser journeys, ReportConsistencyIT): every app
 * of the devstack from its real jar on free ports, with the configuration {@code ./devstack} runs with, started
 * once by the first test that asks (Failsafe runs the test classes in one JVM) and stopped when that JVM ends, so
 * that no test class waits minutes for a stack of its own. Each test makes its own events, people and programmes,
 * so they do not see each other's; a test that changes something seeded (a unit's name) puts it back.
 * A test that needs the gateway configured otherwise (HostileInputIT's rate limits) gets a gateway of its own in front
 * of the shared services ({@link #gatewayWith}); KeycloakIT, whose services check another issuer, keeps a stack of its own.
 */
final class SharedStack {

    private static DevStack stack;
    private static Path dataDir;

    private SharedStack() {
    }

    static synchronized DevStack get() throws IOException {
        if (stack == null) {
            Path dir = Files.createTempDirectory("hoithao-shared-stack");
            DevStack started = DevStack.start(DevStackConfig.builder()
                    .repoRoot(Path.of("../..")) // Failsafe runs in infra/devstack
                    .dataDir(dir)
                    .freePorts()
                    // nine JVMs starting at once on a shared 2-core machine
                    .readyTimeout(Duration.ofSeconds(600))
                    // the consumer's line for each message it handles, with its trace id (WalkingSkeletonIT reads it)
                    .environment(App.OBSERVATIONS, "LOGGING_LEVEL_IO_HOITHAO_PLATFORM_MESSAGING", "debug")
                    // FlashCrowdIT's set-up signs 500 delegates in from 127.0.0.1: not held to the identity service's
                    // per-address budget (the crowd under test, at the gateway, keeps every default)
                    .environment(App.IDENTITY, "HOITHAO_IDENTITY_THROTTLE_SIGNINPERADDRESS_LIMIT", "1000000")
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                delete(dir);
            }, "shared-stack"));
            stack = started;
            dataDir = dir;
            System.out.print(started.urlTable());
        }
        return stack;
    }

    /**
     * A gateway of its own, started with these extra JVM options, in front of the shared stack's services, broker,
     * database and identity service: a test whose gateway must differ (rate limits) waits for one JVM, not a stack.
     * Close it when done; the shared stack goes on.
     */
    static DevStack gatewayWith(String jvmOptions, Path dataDir) throws IOException {
        DevStackConfig shared = get().config();
        DevStackConfig.Builder config = DevStackConfig.builder()
                .repoRoot(Path.of("../.."))
                .dataDir(dataDir)
                .freePorts() // the gateway's own port (and a mail server's, which it does not use)
                .kafkaPort(shared.kafkaPort())
                .mongoPort(shared.mongoPort())
                .externalInfrastructure()
                .services(App.GATEWAY)
                .readyTimeout(Duration.ofSeconds(600))
                .jvmOptions(DevStackConfig.DEFAULT_JVM_OPTIONS + " " + jvmOptions);
        for (App app : App.values()) {
            if (!app.isGateway()) {
                config.port(app, shared.port(app)); // its routes lead to the shared services, its issuer is theirs
            }
        }
        return DevStack.start(config.build());
    }

    /** An app's log file in the shared stack. */
    static synchronized Path log(App app) {
        return dataDir.resolve("logs").resolve(app.id() + ".log");
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }
}
