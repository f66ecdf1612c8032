package io.hoithao.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real Kafka broker and Mongo-wire server that integration tests run against, started once per
 * test JVM and shared by every Spring context in it. Where Docker is available they are containers
 * ({@code apache/kafka}, {@code mongo} as a replica set); otherwise the Apache Kafka broker runs
 * in-process in KRaft mode and mongo-java-server serves the real wire protocol. The choice is made
 * once, on first use, and can be forced with {@code -Dhoithao.test.infrastructure=embedded|containers}.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final String bootstrapServers;
    private final String mongoBaseUri;
    private final boolean containers;

    private TestInfrastructure(String bootstrapServers, String mongoBaseUri, boolean containers) {
        this.bootstrapServers = bootstrapServers;
        this.mongoBaseUri = mongoBaseUri;
        this.containers = containers;
    }

    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Kafka's bootstrap servers, for {@code spring.kafka.bootstrap-servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A connection string for the named database, for {@code spring.mongodb.uri}. */
    public String mongoUri(String database) {
        return mongoBaseUri + "/" + database;
    }

    /** Whether the backends are containers (then multi-document transactions and replica-set behaviour exist). */
    public boolean containers() {
        return containers;
    }

    private static TestInfrastructure start() {
        String forced = System.getProperty("hoithao.test.infrastructure", "auto");
        boolean useContainers = switch (forced) {
            case "containers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        long started = System.nanoTime();
        TestInfrastructure infrastructure = useContainers ? startContainers() : startEmbedded();
        log.info("Test infrastructure ({}) ready in {} ms: kafka={} mongo={}",
                useContainers ? "Testcontainers" : "embedded Kafka broker + mongo-java-server",
                (System.nanoTime() - started) / 1_000_000, infrastructure.bootstrapServers, infrastructure.mongoBaseUri);
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();

        MemoryBackend backend = new FaithfulMemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer mongo = new MongoServer(backend);
        mongo.enableOplog();
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "test-infrastructure-shutdown"));
        return new TestInfrastructure(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort(), false);
    }

    /**
     * mongo-java-server with two corrections, so that tests see what real MongoDB guarantees:
     * <ul>
     * <li>Its {@code findAndModify} and conditional updates find and then write without a lock, so two
     * connections can both pass the same guard; real MongoDB applies each single-document write
     * atomically. Handling one command at a time restores that (and tests never need the throughput).</li>
     * <li>It knows the handshake only by its old name {@code isMaster}; Boot's Mongo health indicator
     * sends {@code hello}, and an unanswered {@code hello} would report the service DOWN.</li>
     * </ul>
     */
    static class FaithfulMemoryBackend extends MemoryBackend {

        @Override
        public synchronized de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel,
                String databaseName, String command, de.bwaldvogel.mongo.bson.Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                de.bwaldvogel.mongo.bson.Document response = super.handleCommand(channel, databaseName, "ismaster", query);
                response.put("isWritablePrimary", Boolean.TRUE);
                return response;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        public synchronized de.bwaldvogel.mongo.bson.Document handleMessage(de.bwaldvogel.mongo.wire.message.MongoMessage message) {
            return super.handleMessage(message);
        }

        @Override
        public synchronized de.bwaldvogel.mongo.backend.QueryResult handleQuery(de.bwaldvogel.mongo.wire.message.MongoQuery query) {
            return super.handleQuery(query);
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
        kafka.start();
        mongo.start();
        String uri = mongo.getReplicaSetUrl();
        String base = uri.substring(0, uri.lastIndexOf('/'));
        return new TestInfrastructure(kafka.getBootstrapServers(), base, true);
    }
}
