package io.hoithao.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded default: Kafka and a Mongo-wire server in this JVM, every service and the gateway as
 * child JVMs, all on one machine without Docker.
 *
 * <p>From code (an end-to-end test, say):
 *
 * <pre>{@code
 * DevStackConfig config = DevStackConfig.builder()
 *         .repoRoot(repoRoot).dataDir(tempDir).freePorts().build();
 * try (DevStack stack = DevStack.start(config)) {
 *     URI gateway = stack.gatewayUrl();
 *     ...
 * }
 * }</pre>
 *
 * From a shell: {@code ./devstack} at the repository root (builds, then runs {@link #main}).
 */
public final class DevStack implements AutoCloseable {

    private final DevStackConfig config;
    private final Progress progress;
    private final Infrastructure infrastructure;
    private final AppProcesses apps;
    private final PidFile pids;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Duration startupTime;

    DevStack(DevStackConfig config, PrintStream out) {
        this.config = config;
        this.progress = new Progress(out);
        this.infrastructure = new Infrastructure(config);
        this.apps = new AppProcesses(config, new AppEnvironment(config, infrastructure), progress);
        this.pids = new PidFile(config.dataDir());
    }

    /** Starts everything and returns when every app answers UP on its readiness probe; progress to stdout. */
    public static DevStack start(DevStackConfig config) {
        return start(config, System.out);
    }

    /**
     * Starts everything and returns when every app is ready. On any failure everything already
     * started is stopped again and a {@link DevStackException} says what went wrong.
     *
     * @param progress where to report progress; {@link #silent()} for none
     */
    public static DevStack start(DevStackConfig config, PrintStream progress) {
        DevStack stack = new DevStack(config, progress);
        stack.startAll();
        return stack;
    }

    /** A stream that drops everything, for {@link #start(DevStackConfig, PrintStream)}. */
    public static PrintStream silent() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** {@code ./devstack}: see {@link CommandLine}. */
    public static void main(String[] args) {
        CommandLine.run(args);
    }

    void startAll() {
        long t0 = System.nanoTime();
        try {
            Preflight.check(config, pids);
            Files.createDirectories(config.logDir());
            progress.println("devstack: data in " + config.dataDir());
            infrastructure.start(progress);
            SigningKey.writeIfShared(config);
            apps.launchAll();
            pids.write(apps.snapshot(), progress);
            apps.awaitReady(t0);
            startupTime = Duration.ofNanos(System.nanoTime() - t0);
        } catch (IOException e) {
            close();
            throw new DevStackException("Could not create " + config.logDir() + ": " + e, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Stops the apps (SIGTERM to all, up to 10 s for them to finish, then SIGKILL), then Mongo, then
     * Kafka. Safe to call more than once and from a shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!apps.stop().isEmpty()) {
            pids.delete();
        }
        infrastructure.stop(progress);
    }

    /** Once {@link #close()} has begun. */
    boolean isClosing() {
        return closed.get();
    }

    public DevStackConfig config() {
        return config;
    }

    /** SIGKILL of one app's JVM, as a crash: no shutdown hook, nothing flushed. Returns once it is gone. */
    public void kill(App app) {
        apps.kill(app);
    }

    /** Starts an app that was killed (or exited) again, with the same port and environment, and waits until it is ready. */
    public void restart(App app) {
        apps.relaunch(app);
        pids.write(apps.snapshot(), progress);
        apps.awaitReady(System.nanoTime());
    }

    /** {@code localhost:<port>}. */
    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** {@code mongodb://127.0.0.1:<port>} (add {@code /<database>}). */
    public String mongoConnectionString() {
        return infrastructure.mongoConnectionString();
    }

    /** The development mail server: every mail the notifications service sent, oldest first. */
    public EmbeddedSmtp mailServer() {
        return infrastructure.mailServer();
    }

    /** Where a person reads those mails ({@code http://localhost:<inbox port>/}). */
    public String inboxUrl() {
        return infrastructure.mailServer().inboxUrl();
    }

    public URI gatewayUrl() {
        return url(App.GATEWAY);
    }

    public URI url(App app) {
        return URI.create("http://localhost:" + config.port(app));
    }

    /** One instance of an app (1 is the first, {@link #url(App)}). */
    public URI url(App app, int instance) {
        return URI.create("http://localhost:" + config.port(app, instance));
    }

    /** The running children, in start order. */
    public List<ChildProcess> processes() {
        return apps.snapshot();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public Duration kafkaStartupTime() {
        return infrastructure.kafkaStartup();
    }

    public Duration mongoStartupTime() {
        return infrastructure.mongoStartup();
    }

    /** The URL table, for people. */
    public String urlTable() {
        return Summary.urls(config, infrastructure);
    }

    /** Resident memory of this JVM (Kafka, Mongo) and every child, from /proc. */
    public String memoryTable() {
        return Summary.memory(apps.snapshot());
    }
}
