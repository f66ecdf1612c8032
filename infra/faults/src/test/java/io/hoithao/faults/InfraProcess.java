package io.hoithao.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.hoithao.devstack.Standalone;

/**
 * The broker or the Mongo-wire server as a process of its own ({@link Standalone}), on a fixed port and
 * data directory, so that a scenario can SIGKILL it (the real pid, {@link Process#destroyForcibly()})
 * or stop it cleanly (SIGTERM) and start it again on the same port and data.
 */
final class InfraProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final String jvmOptions;
    private final Path logFile;
    private Process process;
    private int starts;

    InfraProcess(String name, Path logDir, String jvmOptions, String... arguments) {
        this.name = name;
        this.arguments = List.of(arguments);
        this.jvmOptions = jvmOptions;
        this.logFile = logDir.resolve(name + ".log");
    }

    /** Starts it and returns once it accepts clients (its ready line). */
    synchronized Duration start(Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions.split("\\s+")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Standalone.class.getName());
        command.addAll(arguments);
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, "# start " + (++starts) + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long readyMarks = countReady();
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        long deadline = t0 + timeout.toNanos();
        while (countReady() == readyMarks) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + "; see " + logFile);
            }
            process.waitFor(100, TimeUnit.MILLISECONDS); // wakes at once if it dies
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private long countReady() throws IOException {
        if (!Files.exists(logFile)) {
            return 0;
        }
        return Files.readAllLines(logFile, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(Standalone.READY)).count();
    }

    /** SIGKILL of the real process: nothing flushed, no shutdown hook. */
    synchronized void kill() throws InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** SIGTERM: a clean stop. */
    synchronized void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
