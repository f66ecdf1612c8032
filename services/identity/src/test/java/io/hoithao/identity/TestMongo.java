package io.hoithao.identity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * A real Mongo wire-protocol server (mongo-java-server, in memory) for the tests, started once per
 * test JVM on a free port of 127.0.0.1 and stopped when the JVM ends.
 *
 * <p>Two corrections so it behaves like MongoDB where the tests rely on it: it handles one command at a
 * time (real MongoDB applies each single-document write, unique index check included, atomically;
 * mongo-java-server checks then writes), and it answers {@code hello} (what Boot's health indicator
 * sends) like {@code isMaster}.
 */
public final class TestMongo {

    private static final MongoServer SERVER = start();

    private TestMongo() {
    }

    /** A connection string for the named database, for {@code spring.mongodb.uri}. */
    public static String uri(String database) {
        return "mongodb://127.0.0.1:" + SERVER.getLocalAddress().getPort() + "/" + database;
    }

    private static MongoServer start() {
        MemoryBackend backend = new FaithfulMemoryBackend();
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-shutdown"));
        return server;
    }

    static final class FaithfulMemoryBackend extends MemoryBackend {

        @Override
        public synchronized Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document response = super.handleCommand(channel, databaseName, "ismaster", query);
                response.put("isWritablePrimary", Boolean.TRUE);
                return response;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        public synchronized Document handleMessage(MongoMessage message) {
            return super.handleMessage(message);
        }

        @Override
        public synchronized QueryResult handleQuery(MongoQuery query) {
            return super.handleQuery(query);
        }
    }
}
