package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) whose data lives in one H2 MVStore
 * file, {@code <dataDir>/mongo.mv}, and so survives a restart. It reports server version 5.0 (the
 * current drivers refuse older ones) and keeps an oplog so change streams work. It has no sessions
 * or transactions: see ARCHITECTURE.md.
 *
 * <p>mongo-java-server 1.47 knows the handshake command only by its old name {@code isMaster}; the
 * {@code hello} command (what Spring Boot's Mongo health indicator sends to the service's own
 * database) fails with "no such command", which would make every service's {@code /actuator/health}
 * DOWN. This server answers {@code hello} like {@code isMaster}, plus {@code isWritablePrimary}.
 *
 * <p>Two things make it fit for a crowd (see docs/decisions.md, "The embedded Mongo-wire server under
 * load"): it keeps no oplog (no service reads change streams, and the oplog cost one more serialised
 * write for every write), and a query that names a document's {@code _id} (alone, or beside other
 * conditions as in every conditional update: {@code {_id, status}}, the seat claim, the outbox lease)
 * reads that one document by its key instead of scanning the collection, as MongoDB does with its
 * {@code _id} index. mongo-java-server itself uses an index only when the query's fields are exactly
 * the index's, and its H2 index compares keys by serialising them.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String FILE_NAME = "mongo.mv";
    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int requestedPort;
    private MongoServer server;
    private int port;

    /**
     * @param dataDir where {@value #FILE_NAME} is kept (created if missing)
     * @param port    the port to bind on 127.0.0.1; 0 picks a free one (see {@link #port()})
     */
    public EmbeddedMongo(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.port = port;
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        H2Backend backend;
        try {
            Files.createDirectories(dataDir);
            backend = new FaithfulH2Backend(dataFile().toString());
        } catch (IOException | RuntimeException e) {
            throw new DevStackException("The Mongo data file " + dataFile() + " could not be opened"
                    + " (is another devstack using this data directory?): " + e.getMessage(), e);
        }
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer mongoServer = new MongoServer(backend);
        try {
            mongoServer.bind(HOST, requestedPort);
        } catch (RuntimeException e) {
            backend.close();
            throw new DevStackException("Mongo could not listen on " + HOST + ":" + requestedPort + ": " + e, e);
        }
        port = mongoServer.getLocalAddress().getPort();
        server = mongoServer;
        return this;
    }

    /** Closes client connections, stops listening and closes (commits) the data file. Safe to call twice. */
    public synchronized void stop() {
        MongoServer running = server;
        server = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The bound port (the requested one, or the one picked when 0 was asked for). */
    public synchronized int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}; append {@code /<database>} for a Spring URI. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port();
    }

    public Path dataFile() {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * H2Backend that also answers {@code hello} (see the class comment) and handles one command at a
     * time: its find-then-write operations take no lock, so two connections could both pass the same
     * conditional guard, where real MongoDB applies each single-document write atomically.
     */
    static final class FaithfulH2Backend extends H2Backend {

        FaithfulH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public synchronized Document handleMessage(de.bwaldvogel.mongo.wire.message.MongoMessage message) {
            return super.handleMessage(message);
        }

        @Override
        public synchronized de.bwaldvogel.mongo.backend.QueryResult handleQuery(de.bwaldvogel.mongo.wire.message.MongoQuery query) {
            return super.handleQuery(query);
        }

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
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new IdLookupDatabase(databaseName);
        }

        /**
         * An H2 database whose collections find a document named by its {@code _id} without a scan. An
         * inner class: H2Database opens its collections in its constructor, before a field of its own
         * could hold the store, while the enclosing backend already holds it.
         */
        final class IdLookupDatabase extends H2Database {

            // H2Database's own map names, so that data files written before stay readable
            private static final String DATA_PREFIX = "databases.";
            private static final String META_PREFIX = "meta.";

            IdLookupDatabase(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + fullName);
                MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
                return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
            }
        }
    }

    /**
     * A collection that answers a query naming one {@code _id} (a string or an ObjectId, the ids the
     * services use) from that document alone: the document is read by its key and matched against the
     * whole query, so the answer is the one a scan would give. Other queries go the usual way.
     */
    static final class IdLookupCollection extends H2Collection {

        private static final String ID = "_id";

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get(ID);
            if (ID.equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
                List<Object> positions = getDocument(id) == null ? List.of() : List.of(id);
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + dataFile() + "]";
    }
}
