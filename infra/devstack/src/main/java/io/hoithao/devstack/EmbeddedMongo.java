package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

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
 * <p>What makes it fit for a crowd (see docs/decisions.md, "The embedded Mongo-wire server under
 * load"): it keeps no oplog (no service reads change streams); a query that names a document's
 * {@code _id} (alone, or beside other conditions as in every conditional update: {@code {_id,
 * status}}, the seat claim, the outbox lease) reads that one document by its key instead of scanning
 * the collection, as MongoDB does with its {@code _id} index; documents are stored as BSON, not by
 * Java serialisation; unique indexes live in memory; and commands on different collections run at
 * the same time, each conditional write still atomic under its collection's lock.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String FILE_NAME = "mongo.mv";
    private static final String HOST = "127.0.0.1";
    private static final int UNSAVED_KB = 64 * 1024;

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
            backend = new FaithfulH2Backend(new MVStore.Builder().fileName(dataFile().toString())
                    // Changes are written to the file once a second in the background; a write
                    // command stores them itself, before it answers, only when this much is unsaved
                    // (H2's default is 1 MB).
                    .autoCommitBufferSize(UNSAVED_KB)
                    .open());
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
     * H2Backend that also answers {@code hello} (see the class comment), keeps documents as BSON and
     * unique indexes in memory (see {@link BsonDatabase}).
     *
     * <p>It takes no lock of its own: mongo-java-server's collections already apply each command
     * (a conditional update, a findAndModify, an insert checked against the unique indexes) under the
     * collection's lock, so a guard and the write it allows are one step, as on MongoDB; and since
     * every read decodes a copy of the stored document, a command never sees a document another
     * command is changing. Commands on different collections, and so every service's, run at once.
     */
    static final class FaithfulH2Backend extends H2Backend {

        FaithfulH2Backend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document response = super.handleCommand(channel, databaseName, "ismaster", query);
                response.put("isWritablePrimary", Boolean.TRUE);
                return response;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new BsonDatabase(databaseName);
        }

        /**
         * An H2 database whose collections keep their documents as BSON ({@link BsonCollection}) and
         * whose unique indexes (the {@code _id} index of every collection among them) live in memory,
         * rebuilt from the documents when the database is opened. H2's own index maps compare their
         * keys by Java-serialising both sides at every step of a B-tree search, on every insert, update
         * and removal. An inner class: H2Database opens its collections and indexes in its
         * constructor, before a field of its own could hold the store.
         */
        final class BsonDatabase extends H2Database {

            // H2Database's own map names, so that data files written before stay readable
            private static final String DATA_PREFIX = "databases.";
            private static final String META_PREFIX = "meta.";

            BsonDatabase(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, Object> data = getMvStore().openMap(DATA_PREFIX + fullName);
                MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
                return new BsonCollection(this, collectionName, options, data, meta, cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return new InMemoryUniqueIndex(indexName, keys, sparse);
            }
        }
    }

    /** A unique index in a hash map: the collection fills it from its documents when it is added. */
    static final class InMemoryUniqueIndex extends AbstractUniqueIndex<Object> {

        private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

        InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return positions.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return positions.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return positions.get(keyValue);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public boolean isEmpty() {
            return positions.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * A collection whose documents are stored as BSON bytes, keyed by their {@code _id}, in an H2
     * map. H2 stores an object it does not know by Java serialisation, and estimates its size at
     * 10 KB, so after about a hundred writes a writing command could have to store the map itself,
     * serialising every document of the changed pages again. BSON bytes are written as they are, and each read decodes a copy
     * of its own. Documents written by the plain H2 backend (Java-serialised) are still read.
     *
     * <p>A query that names one {@code _id} (a string or an ObjectId, the ids the services use) is
     * answered from that document alone: it is read by its key and matched against the whole
     * query, so the answer is the one a scan would give. Other queries scan.
     */
    static final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

        private static final String ID = "_id";
        private static final String DATA_SIZE_KEY = "dataSize";

        private final MVMap<Object, Object> data;
        private final MVMap<String, Object> meta;

        BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Object> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
            this.data = data;
            this.meta = meta;
            meta.putIfAbsent(DATA_SIZE_KEY, Long.valueOf(0));
        }

        static byte[] encode(Document document) {
            ByteBuf buffer = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, buffer);
                byte[] bytes = new byte[buffer.readableBytes()];
                buffer.readBytes(bytes);
                return bytes;
            } finally {
                buffer.release();
            }
        }

        static Document decode(Object stored) {
            if (stored == null) {
                return null;
            }
            if (stored instanceof byte[] bytes) {
                return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
            }
            return ((Document) stored).cloneDeeply(); // written by the plain H2 backend
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = query.get(ID);
            if (ID.equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
                Document document = getDocument(id);
                return matchDocumentsFromStream(document == null ? Stream.empty() : Stream.of(document),
                        query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        // An index is filled from the documents under the collection's lock, so that no insert slips
        // between the fill and the index taking over.
        @Override
        public synchronized void addIndex(Index<Object> index) {
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
        }

        @Override
        protected void updateDataSize(int sizeDelta) {
            synchronized (meta) {
                Number value = (Number) meta.get(DATA_SIZE_KEY);
                meta.put(DATA_SIZE_KEY, Long.valueOf(value.longValue() + sizeDelta));
            }
        }

        @Override
        protected int getDataSize() {
            return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            Object previous = data.put(Missing.ofNullable(key), encode(document));
            Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
            return key;
        }

        @Override
        public int count() {
            return data.size();
        }

        @Override
        public boolean isEmpty() {
            return data.isEmpty();
        }

        @Override
        protected Document getDocument(Object position) {
            return decode(data.get(position));
        }

        @Override
        protected void removeDocument(Object position) {
            if (data.remove(position) == null) {
                throw new NoSuchElementException("No document with key " + position);
            }
        }

        @Override
        protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
            return data.entrySet().stream().map(entry -> new DocumentWithPosition<>(decode(entry.getValue()), entry.getKey()));
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                             Document fieldSelector) {
            Stream<Document> documents;
            if (isNaturalDescending(orderBy)) {
                documents = streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument);
            } else {
                documents = data.values().stream().map(BsonCollection::decode);
            }
            return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            data.put(Missing.ofNullable(position), encode(newDocument));
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + dataFile() + "]";
    }
}
