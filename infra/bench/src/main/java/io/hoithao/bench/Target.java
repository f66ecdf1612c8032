package io.hoithao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hoithao.devstack.App;
import io.hoithao.devstack.ChildProcess;
import io.hoithao.devstack.DevStack;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The stack under measurement: one the bench started (the embedded default, with the devstack's own
 * classes) or one already running. Setup calls go straight to the services; measured calls go to the
 * gateway or the service as each scenario says.
 */
public final class Target implements AutoCloseable {

    private final URI gateway;
    private final URI identity;
    private final URI events;
    private final URI registrations;
    private final URI observations;
    private final String kafka;
    private final String mongo;
    private final DevStack stack;
    private final Duration startup;

    private Target(URI gateway, URI identity, URI events, URI registrations, URI observations, String kafka,
                   String mongo, DevStack stack, Duration startup) {
        this.gateway = gateway;
        this.identity = identity;
        this.events = events;
        this.registrations = registrations;
        this.observations = observations;
        this.kafka = kafka;
        this.mongo = mongo;
        this.stack = stack;
        this.startup = startup;
    }

    /** Wraps a stack this bench started; {@code startup} is from the start call to every app ready. */
    public static Target of(DevStack stack, Duration startup) {
        return new Target(stack.gatewayUrl(), stack.url(App.IDENTITY), stack.url(App.EVENTS), stack.url(App.REGISTRATIONS),
                stack.url(App.OBSERVATIONS), stack.kafkaBootstrapServers(), stack.mongoConnectionString(), stack, startup);
    }

    /** A stack that is already running (./devstack, or compose): nothing is started or stopped. */
    public static Target running(URI gateway, URI identity, URI events, URI registrations, URI observations,
                                 String kafka, String mongo) {
        return new Target(gateway, identity, events, registrations, observations, kafka, mongo, null, null);
    }

    public URI gateway() {
        return gateway;
    }

    public URI identity() {
        return identity;
    }

    public URI events() {
        return events;
    }

    public URI registrations() {
        return registrations;
    }

    public URI observations() {
        return observations;
    }

    public String kafkaBootstrapServers() {
        return kafka;
    }

    public String mongoConnectionString() {
        return mongo;
    }

    /** Whether the bench started this stack (then P5 has figures). */
    public boolean started() {
        return stack != null;
    }

    public Duration startup() {
        return startup;
    }

    /** The devstack's own memory table (RSS of its JVM and of every app). */
    public String memoryTable() {
        return stack == null ? "" : stack.memoryTable();
    }

    /** Resident memory of the devstack JVM (Kafka, Mongo, and this harness) and of every app, in MB. */
    public List<long[]> rss() {
        List<long[]> rows = new ArrayList<>();
        if (stack != null) {
            rows.add(new long[] {ProcessHandle.current().pid(), kilobytes(ProcessHandle.current().pid()).orElse(0) / 1024});
            for (ChildProcess child : stack.processes()) {
                rows.add(new long[] {child.pid(), kilobytes(child.pid()).orElse(0) / 1024});
            }
        }
        return rows;
    }

    /** The Mongo-wire server's name in {@link #cpu()}. */
    static final String MONGO = "Mongo-wire server";

    /**
     * CPU time used so far by each app of the stack the bench started and by the Mongo-wire server's
     * threads in this JVM (its network workers, the journal's checkpoints and the store's background writer); empty for a
     * running stack. On a machine shared with other work, CPU time per request changes far less with
     * the load than requests per second do.
     */
    public Map<String, Duration> cpu() {
        Map<String, Duration> used = new LinkedHashMap<>();
        if (stack == null) {
            return used;
        }
        for (ChildProcess child : stack.processes()) {
            ProcessHandle.of(child.pid()).flatMap(p -> p.info().totalCpuDuration())
                    .ifPresent(d -> used.put(child.app().id(), d));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long mongo = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("mongo-") || info.getThreadName().startsWith("MVStore"))) {
                mongo += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        used.put(MONGO, Duration.ofNanos(mongo));
        return used;
    }

    public List<String> processNames() {
        List<String> names = new ArrayList<>();
        if (stack != null) {
            names.add("bench JVM (Kafka, Mongo, harness)");
            stack.processes().forEach(child -> names.add(child.app().id()));
        }
        return names;
    }

    static OptionalLong kilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or the process is gone
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
