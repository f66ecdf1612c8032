package io.hoithao.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./devstack}: reads the options, starts the stack, prints where everything is and stays until Ctrl-C,
 * whose shutdown hook stops it all; says when an app exits while it runs.
 */
final class CommandLine {

    private CommandLine() {
    }

    static void run(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(Options.usage());
                return;
            }
        }
        DevStackConfig config;
        try {
            config = Options.parse(args, System.getProperties(), Path.of("").toAbsolutePath());
        } catch (DevStackException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(2);
            return;
        }

        DevStack stack = new DevStack(config, System.out);
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (stack.isClosing()) {
                return; // already stopped after a failed start
            }
            stopRequested.set(true);
            System.out.println(System.lineSeparator() + "devstack: stopping...");
            long t = System.nanoTime();
            stack.close();
            System.out.printf(Locale.ROOT, "devstack: stopped in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }, "devstack-shutdown");
        hook.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            if (stopRequested.get()) {
                return; // Ctrl-C during start-up; the shutdown hook reports
            }
            if (!(e instanceof DevStackException)) {
                e.printStackTrace();
            }
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
            return;
        }

        Duration sinceLaunch = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(stack.startupTime());
        System.out.println();
        System.out.printf(Locale.ROOT, "hoithao devstack is ready in %.1f s%n", Progress.seconds(sinceLaunch));
        System.out.print(stack.urlTable());
        System.out.println("Memory (RSS)");
        System.out.print(stack.memoryTable());
        System.out.println("Data in " + config.dataDir() + " (delete it to start afresh); logs in " + config.logDir());
        System.out.println("Press Ctrl-C to stop everything.");

        for (ChildProcess child : stack.processes()) {
            ProcessHandle.of(child.pid()).ifPresent(handle -> handle.onExit().thenRun(() -> {
                if (!stack.isClosing()) {
                    System.out.println("devstack: " + child.name() + " exited (code " + exitValue(child)
                            + "); see " + child.logFile());
                }
            }));
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook does the rest
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String exitValue(ChildProcess child) {
        try {
            return Integer.toString(child.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }
}
