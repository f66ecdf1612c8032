package io.hoithao.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One service or the gateway, running as a child JVM with its output in a log file. */
public final class ChildProcess {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final App app;
    private final int instance;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final long startedAtNanos;
    private volatile long readyAtNanos;

    private ChildProcess(App app, int instance, int port, Path logFile, Process process, long startedAtNanos) {
        this.app = app;
        this.instance = instance;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.startedAtNanos = startedAtNanos;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar>} in {@code workDir} with {@code env} added to this
     * process's environment; stdout and stderr go to {@code logFile} (the previous one is kept as
     * {@code <name>.log.1}).
     */
    static ChildProcess launch(App app, int instance, int port, Path java, List<String> jvmOptions, Path jar,
                               Map<String, String> env, Path workDir, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(logFile, "# devstack: " + String.join(" ", command) + System.lineSeparator()
                    + "# env: " + env + System.lineSeparator(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            long started = System.nanoTime();
            return new ChildProcess(app, instance, port, logFile, builder.start(), started);
        } catch (IOException e) {
            throw new DevStackException("Could not start " + name(app, instance) + " (" + String.join(" ", command) + "): " + e, e);
        }
    }

    public App app() {
        return app;
    }

    public int port() {
        return port;
    }

    /** Which instance of its app this is: 1, or 2 and more with {@code --instances}. */
    public int instance() {
        return instance;
    }

    /** The app's id, with the instance's number after the first ({@code events}, {@code events-2}). */
    public String name() {
        return name(app, instance);
    }

    static String name(App app, int instance) {
        return instance == 1 ? app.id() : app.id() + "-" + instance;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    URI readinessUrl() {
        return URI.create("http://localhost:" + port + "/actuator/health/readiness");
    }

    /** Asks the readiness probe once: 200 with status UP. */
    boolean probeReady(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(readinessUrl()).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ready = response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
            if (ready && readyAtNanos == 0) {
                readyAtNanos = System.nanoTime();
            }
            return ready;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isReady() {
        return readyAtNanos != 0;
    }

    /** How long from launch until the first UP answer. */
    Duration startupTime() {
        return readyAtNanos == 0 ? null : Duration.ofNanos(readyAtNanos - startedAtNanos);
    }

    /** Waits up to {@code timeout} for the process to exit; true if it has. */
    boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks the JVM to stop (SIGTERM: Spring shuts down gracefully) without waiting. */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the exit asked for by {@link #requestStop()} until {@code deadlineNanos}, then kills. */
    void awaitStop(long deadlineNanos) {
        try {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0 && process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last {@code lines} lines of the log, for error messages. */
    String logTail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[chunk];
            raf.seek(length - chunk);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String[] all = text.split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), List.of(all).subList(from, all.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name() + "[pid " + pid() + ", port " + port + "]";
    }
}
