package io.hoithao.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The real Apache Kafka broker, in this JVM, in KRaft combined mode (one node that is both broker
 * and controller).
 *
 * <p>Layout under {@code dataDir}: {@code cluster.id} (the stable cluster id, chosen on the first
 * start), {@code server.properties} (rewritten on every start from the current ports) and
 * {@code data/} (the log directory, formatted once with {@code kafka-storage format
 * --ignore-formatted}). Starting again on the same directory keeps every topic and record.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int advertisedPort;
    private KafkaRaftServer server;

    /**
     * @param dataDir        where the broker keeps its state (created if missing)
     * @param port           the PLAINTEXT listener clients connect to, on localhost
     * @param controllerPort the KRaft CONTROLLER listener, on localhost
     */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this(dataDir, port, controllerPort, port);
    }

    /**
     * @param advertisedPort the port clients are told to connect to after bootstrapping: another than
     *                       {@code port} when something (a proxy) stands between them and the broker
     */
    public EmbeddedKafka(Path dataDir, int port, int controllerPort, int advertisedPort) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("broker and controller ports must differ: " + port);
        }
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.advertisedPort = advertisedPort;
    }

    /** Formats the log directory if needed and starts the broker; returns once it accepts clients. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(dataDir.resolve("data"));
            Path propsFile = dataDir.resolve("server.properties");
            Properties props = brokerProperties();
            try (Writer out = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
                props.store(out, "Written by devstack on every start; edit EmbeddedKafka instead");
            }
            format(propsFile);
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                raftServer.startup();
            } catch (RuntimeException e) {
                shutdownQuietly(raftServer);
                throw e;
            }
            server = raftServer;
            return this;
        } catch (IOException e) {
            throw new DevStackException("Kafka could not prepare its data directory " + dataDir + ": " + e, e);
        } catch (RuntimeException e) {
            if (e instanceof DevStackException) {
                throw e;
            }
            throw new DevStackException("Kafka did not start (ports " + port + "/" + controllerPort
                    + ", data " + dataDir + "): " + e, e);
        }
    }

    /** Shuts the broker down cleanly (flushes and closes its logs). Safe to call twice. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        server = null;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The stable cluster id of this data directory; chosen and stored on first use. */
    public String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(dataDir);
        Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
        return id;
    }

    Properties brokerProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + advertisedPort);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("data").toString());
        // Topics appear on first use, like the services expect; one replica everywhere.
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // A consumer group forms at once instead of waiting 3 s for more members.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // After a kill -9 the controller keeps the dead broker's registration until its session
        // expires, and the restarted broker waits for that (9 s by default): 6 s here. The heartbeat
        // stays at Kafka's 2 s, because the controller gives each heartbeat half the interval to be
        // handled: at 1 s (500 ms) a controller starved of CPU timed every heartbeat out, and a
        // restarted broker stayed fenced for minutes (infra/faults, F1 on a loaded machine).
        p.setProperty("broker.session.timeout.ms", "6000");
        p.setProperty("broker.heartbeat.interval.ms", "2000");
        return p;
    }

    private void format(Path propsFile) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {
                    "format", "-t", clusterId(), "-c", propsFile.toString(), "--ignore-formatted"}, out);
        } catch (RuntimeException e) {
            throw new DevStackException("Formatting the Kafka log directory " + dataDir.resolve("data")
                    + " failed: " + e.getMessage() + System.lineSeparator() + buffer.toString(StandardCharsets.UTF_8), e);
        }
        if (exit != 0) {
            throw new DevStackException("Formatting the Kafka log directory " + dataDir.resolve("data")
                    + " failed (exit " + exit + "):" + System.lineSeparator() + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void shutdownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException ignored) {
            // the start-up failure is the error worth reporting
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", controller " + controllerPort + ", " + dataDir + "]";
    }
}
