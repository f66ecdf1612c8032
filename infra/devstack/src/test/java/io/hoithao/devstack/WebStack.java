package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The stack the browser journeys share (WebJourneyIT, CheckInAndReviewJourneyIT): the real jars on free ports,
 * started once by the first journey that asks (Failsafe runs the test classes in one JVM) and stopped when that
 * JVM ends, so the second class does not wait minutes for a second stack. Each journey makes its own events and
 * people, so they do not see each other's.
 */
final class WebStack {

    private static DevStack stack;

    private WebStack() {
    }

    static synchronized DevStack get() throws IOException {
        if (stack == null) {
            Path dataDir = Files.createTempDirectory("web-journeys");
            DevStack started = DevStack.start(DevStackConfig.builder()
                    .repoRoot(Path.of("../..")) // Failsafe runs in infra/devstack
                    .dataDir(dataDir)
                    .freePorts()
                    // eight JVMs starting at once on a shared 2-core machine
                    .readyTimeout(Duration.ofSeconds(600))
                    .services(App.IDENTITY, App.EVENTS, App.REGISTRATIONS, App.OBSERVATIONS, App.PRESENTATIONS, App.NOTIFICATIONS,
                            App.WEB, App.GATEWAY)
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                delete(dataDir);
            }, "web-journeys-stack"));
            stack = started;
        }
        return stack;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }
}
