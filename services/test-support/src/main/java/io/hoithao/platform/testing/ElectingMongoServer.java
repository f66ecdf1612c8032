package io.hoithao.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A Mongo-wire server of a test's own (mongo-java-server, as {@link TestInfrastructure}'s) whose primary
 * can step down for a while, as in a replica set's election: meanwhile it answers every read and write
 * with {@code NotWritablePrimary} (10107), as a former primary does, while the handshake still
 * answers, so the driver fails each operation at once rather than waiting to select a server.
 */
public final class ElectingMongoServer implements AutoCloseable {

    private static final Set<String> HANDSHAKE = Set.of("hello", "ismaster", "ping", "buildinfo", "getparameter",
            "endsessions", "getlasterror", "killcursors");

    private final MongoServer server;
    private final AtomicBoolean electing = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();

    private ElectingMongoServer() {
        TestInfrastructure.FaithfulMemoryBackend backend = new TestInfrastructure.FaithfulMemoryBackend() {
            @Override
            public synchronized Document handleCommand(Channel channel, String databaseName, String command, Document query) {
                if (electing.get() && !HANDSHAKE.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                    refused.incrementAndGet();
                    throw new MongoServerError(10107, "NotWritablePrimary", "not primary");
                }
                return super.handleCommand(channel, databaseName, command, query);
            }
        };
        backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
    }

    public static ElectingMongoServer start() {
        return new ElectingMongoServer();
    }

    /** A connection string for the named database on this server. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }

    /** The primary steps down now and a new one is elected after {@code duration}, in the background. */
    public void electionFor(Duration duration) {
        electing.set(true);
        Mono.delay(duration).subscribe(tick -> electing.set(false));
    }

    public boolean electing() {
        return electing.get();
    }

    /** How many commands were refused during elections so far. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
