package io.hoithao.devstack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The apps of a stack, each instance a child JVM ({@link ChildProcess}), and the balancers in front of several
 * instances: launched in order, awaited until every one is ready, stopped together. Once stopping has begun no app
 * is launched any more, so that none outlives the stack.
 */
final class AppProcesses {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);

    private final DevStackConfig config;
    private final AppEnvironment environment;
    private final Progress progress;
    private final List<ChildProcess> children = Collections.synchronizedList(new ArrayList<>());
    private final List<RoundRobinProxy> balancers = Collections.synchronizedList(new ArrayList<>());
    /** Held while an app is launched and while stopping begins: a launch either is stopped or does not happen. */
    private final Object launching = new Object();
    private volatile boolean stopping;

    AppProcesses(DevStackConfig config, AppEnvironment environment, Progress progress) {
        this.config = config;
        this.environment = environment;
        this.progress = progress;
    }

    /** Every instance of every app of the configuration, in order, and a balancer after an app's balanced instances. */
    void launchAll() {
        for (App app : config.apps()) {
            for (int k = 1; k <= config.instances(app); k++) {
                synchronized (launching) {
                    if (stopping) {
                        throw new DevStackException("Stopped while starting");
                    }
                    ChildProcess child = launch(app, k);
                    children.add(child);
                    progress.row(child.name(), child.baseUrl(), "starting, pid %d, log %s", child.pid(), relative(child.logFile()));
                }
            }
            if (config.balanced(app)) {
                List<Integer> ports = config.layout().instancePorts(app);
                balancers.add(new RoundRobinProxy(config.port(app), ports));
                progress.row(app.id(), "http://localhost:" + config.port(app), "balances %s", ports);
            }
        }
    }

    /** Launches an app's first instance again, which must have exited, in its place among the children. */
    void relaunch(App app) {
        ChildProcess old = first(app);
        if (old.isAlive()) {
            throw new DevStackException(app.id() + " is still running (pid " + old.pid() + ")");
        }
        synchronized (launching) {
            if (stopping) {
                throw new DevStackException("Stopped");
            }
            ChildProcess child = launch(app, old.instance());
            synchronized (children) {
                children.set(children.indexOf(old), child);
            }
        }
    }

    private ChildProcess launch(App app, int instance) {
        return ChildProcess.launch(app, instance, config.port(app, instance), config.javaExecutable(), config.jvmOptions(),
                config.jar(app), environment.of(app, instance), config.repoRoot(),
                config.logDir().resolve(ChildProcess.name(app, instance) + ".log"));
    }

    /** SIGKILL of an app's first instance; returns once it is gone. */
    void kill(App app) {
        ChildProcess child = first(app);
        ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            if (!child.waitForExit(Duration.ofSeconds(30))) {
                throw new DevStackException(app.id() + " (pid " + child.pid() + ") did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException("Interrupted while killing " + app.id(), e);
        }
    }

    private ChildProcess first(App app) {
        return snapshot().stream().filter(c -> c.app() == app).findFirst()
                .orElseThrow(() -> new DevStackException(app.id() + " is not part of this stack"));
    }

    /**
     * Returns once every app answers UP on its readiness probe; throws when one exits first (with its log's tail),
     * when the configured timeout counted from {@code t0} (a {@link System#nanoTime()}) passes, or when stopping begins.
     */
    void awaitReady(long t0) {
        if (children.isEmpty()) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = t0 + config.readyTimeout().toNanos();
        while (true) {
            ChildProcess waitingOn = null;
            for (ChildProcess child : snapshot()) {
                if (child.isReady()) {
                    continue;
                }
                if (!child.isAlive()) {
                    throw new DevStackException(child.name() + " exited with code " + child.exitValue()
                            + " before it was ready. Last lines of " + child.logFile() + ":" + System.lineSeparator()
                            + indent(child.logTail(LOG_TAIL_LINES)));
                }
                if (child.probeReady(http)) {
                    progress.row(child.name(), child.baseUrl(), "ready in %.1f s", Progress.seconds(child.startupTime()));
                } else if (waitingOn == null) {
                    waitingOn = child;
                }
            }
            if (waitingOn == null) {
                return;
            }
            if (stopping) {
                throw new DevStackException("Stopped while starting");
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("Not ready within " + config.readyTimeout().toSeconds() + " s:");
                for (ChildProcess child : snapshot()) {
                    if (!child.isReady()) {
                        message.append(System.lineSeparator()).append(child.name()).append(" (")
                                .append(child.readinessUrl()).append("), last lines of ").append(child.logFile())
                                .append(':').append(System.lineSeparator()).append(indent(child.logTail(15)));
                    }
                }
                throw new DevStackException(message.toString());
            }
            try {
                // Sleeps between polls, but wakes at once if this child dies.
                waitingOn.waitForExit(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevStackException("Interrupted while waiting for the services", e);
            }
        }
    }

    /**
     * SIGTERM to every app, up to {@link ChildProcess#STOP_GRACE} for all of them to finish, then SIGKILL; then the
     * balancers. Returns the apps that were stopped.
     */
    List<ChildProcess> stop() {
        stopping = true;
        List<ChildProcess> running;
        synchronized (launching) {
            running = snapshot();
        }
        running.forEach(ChildProcess::requestStop);
        long deadline = System.nanoTime() + ChildProcess.STOP_GRACE.toNanos();
        running.forEach(child -> child.awaitStop(deadline));
        synchronized (balancers) {
            balancers.forEach(RoundRobinProxy::close);
        }
        return running;
    }

    /** Once stopping has begun. */
    boolean stopping() {
        return stopping;
    }

    /** The children, in start order. */
    List<ChildProcess> snapshot() {
        synchronized (children) {
            return List.copyOf(children);
        }
    }

    private static String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String indent(String text) {
        return "  | " + text.replace(System.lineSeparator(), System.lineSeparator() + "  | ");
    }
}
