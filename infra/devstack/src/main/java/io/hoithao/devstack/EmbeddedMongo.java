package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import de.bwaldvogel.mongo.wire.message.MongoMessage;
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
 *
 * <p>A write is durable before it is acknowledged, as with MongoDB's journal: each change is appended
 * to a journal ({@link Journal}) that is written and {@code fsync}ed, one write and one {@code fsync}
 * for all the commands waiting at that moment, before the command answers; the store file is brought
 * up to date by a checkpoint every second, and a start replays what the journal holds beyond it. So a
 * SIGKILL loses nothing that was acknowledged. {@link Durability#DELAYED} is the former behaviour (the
 * store written once a second, a kill loses up to that second), kept for measuring what the journal costs.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** When a write reaches the disk. */
    public enum Durability {
        /** Journalled and {@code fsync}ed before the answer (the default). */
        JOURNALED,
        /** Journalled before the answer, without {@code fsync}: survives a kill of the process, not of the machine. */
        JOURNALED_NO_FSYNC,
        /** No journal: the store is written in the background once a second; a kill loses the last second. */
        DELAYED;

        public static Durability of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }


    public static final String FILE_NAME = "mongo.mv";
    private static final String HOST = "127.0.0.1";
    private static final int UNSAVED_KB = 64 * 1024;
    // A command waiting for the journal's fsync holds its worker thread, and each thread serves the
    // connections given to it: enough threads that waiting commands join one fsync rather than queue.
    private static final int WORKER_THREADS = 32;
    private static final long CHECKPOINT_MILLIS = 1000;

    private final Path dataDir;
    private final int requestedPort;
    private final Durability durability;
    private MongoServer server;
    private ScheduledExecutorService checkpoints;
    private FaithfulH2Backend crashing;
    private int port;
    private long replayed;

    /**
     * @param dataDir where {@value #FILE_NAME} is kept (created if missing)
     * @param port    the port to bind on 127.0.0.1; 0 picks a free one (see {@link #port()})
     */
    public EmbeddedMongo(Path dataDir, int port) {
        this(dataDir, port, Durability.JOURNALED);
    }

    public EmbeddedMongo(Path dataDir, int port, Durability durability) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.port = port;
        this.durability = durability;
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        FaithfulH2Backend backend;
        MVStore store = null;
        try {
            Files.createDirectories(dataDir);
            MVStore.Builder builder = new MVStore.Builder().fileName(dataFile().toString());
            if (durability == Durability.DELAYED) {
                // Changes are written to the file once a second in the background; a write command
                // stores them itself, before it answers, only when this much is unsaved (H2's default is 1 MB).
                store = builder.autoCommitBufferSize(UNSAVED_KB).open();
                backend = new FaithfulH2Backend(store, null);
            } else {
                // The journal makes writes durable; the store is committed by the checkpoints alone, on
                // the calling thread (H2's background writer would commit on a thread of its own,
                // after the call returned).
                store = builder.autoCommitDisabled().open();
                Journal.Recovery recovery = Journal.recover(dataDir, store, durability == Durability.JOURNALED);
                replayed = recovery.replayed();
                backend = new FaithfulH2Backend(store, recovery.journal());
            }
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                store.closeImmediately();
            }
            throw new DevStackException("The Mongo data file " + dataFile() + " could not be opened"
                    + " (is another devstack using this data directory?): " + e.getMessage(), e);
        }
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer mongoServer = new MongoServer(backend);
        try {
            mongoServer.bind(new java.net.InetSocketAddress(HOST, requestedPort), 1, WORKER_THREADS);
        } catch (RuntimeException e) {
            backend.close();
            throw new DevStackException("Mongo could not listen on " + HOST + ":" + requestedPort + ": " + e, e);
        }
        port = mongoServer.getLocalAddress().getPort();
        server = mongoServer;
        crashing = backend;
        if (backend.journal != null) {
            checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mongo-checkpoint");
                thread.setDaemon(true);
                return thread;
            });
            checkpoints.scheduleWithFixedDelay(backend::checkpoint, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** How many journal records the last start applied again (what the store file did not have yet). */
    public synchronized long replayedAtStart() {
        return replayed;
    }

    public Durability durability() {
        return durability;
    }

    /** Closes client connections, stops listening and closes (commits) the data file. Safe to call twice. */
    public synchronized void stop() {
        MongoServer running = server;
        server = null;
        if (checkpoints != null) {
            checkpoints.shutdownNow();
            try {
                checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoints = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Stops as a SIGKILL of the process would: no checkpoint, the store file closed without writing
     * what it holds in memory, the journal left as it is. For tests of the recovery in this JVM.
     */
    synchronized void crash() {
        MongoServer running = server;
        server = null;
        if (checkpoints != null) {
            checkpoints.shutdownNow();
            try {
                checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoints = null;
        }
        if (running != null) {
            FaithfulH2Backend backend = crashing;
            backend.crashed = true;
            running.stopListening();
            backend.getMvStore().closeImmediately();
            running.shutdownNow();
        }
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

        /** Commands that create, drop or rename maps of the store, which the journal does not record: a checkpoint follows them. */
        private static final Set<String> STRUCTURAL = Set.of("create", "createindexes", "drop", "dropdatabase",
                "dropindexes", "deleteindexes", "renamecollection", "collmod");

        /** Null without a journal ({@link Durability#DELAYED}). Read by the collections, which H2Backend's constructor opens before it is set. */
        final Journal journal;
        private final MVStore store;
        volatile boolean crashed;

        FaithfulH2Backend(MVStore store) {
            this(store, null);
        }

        FaithfulH2Backend(MVStore store, Journal journal) {
            super(store);
            this.store = store;
            this.journal = journal;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                if ("hello".equalsIgnoreCase(command)) {
                    Document response = super.handleCommand(channel, databaseName, "ismaster", query);
                    response.put("isWritablePrimary", Boolean.TRUE);
                    return response;
                }
                Document response = super.handleCommand(channel, databaseName, command, query);
                if (journal != null && STRUCTURAL.contains(command.toLowerCase(Locale.ROOT))) {
                    journal.checkpoint(store);
                }
                return response;
            } finally {
                // the answer, success or error, goes out only once this command's changes are on disk
                awaitJournal();
            }
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            try {
                return super.handleMessage(message);
            } finally {
                awaitJournal();
            }
        }

        @Override
        public void close() {
            if (crashed) {
                try {
                    if (journal != null) {
                        journal.close();
                    }
                } catch (IOException e) {
                    // as after a kill
                }
                return;
            }
            if (journal != null) {
                checkpoint();
            }
            super.close();
            if (journal != null) {
                try {
                    journal.close();
                    journal.deleteFiles();
                } catch (IOException e) {
                    // replaying them at the next start is harmless
                }
            }
        }

        void checkpoint() {
            try {
                journal.checkpoint(store);
            } catch (RuntimeException e) {
                // the journal still holds everything; the next checkpoint tries again
                org.slf4j.LoggerFactory.getLogger(EmbeddedMongo.class).warn("Mongo checkpoint failed: {}", e.toString());
            }
        }

        private void awaitJournal() {
            if (journal != null) {
                journal.awaitThisThreadsRecords();
            }
        }

        void journal(String map, Object key, Object value) {
            if (journal != null) {
                journal.append(map, key, value);
            }
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
                return new BsonCollection(this, collectionName, options, data, meta, cursorRegistry, FaithfulH2Backend.this);
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
        private final FaithfulH2Backend backend;

        BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Object> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
            this(database, collectionName, options, data, meta, cursorRegistry, null);
        }

        BsonCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Object> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry,
                       FaithfulH2Backend backend) {
            super(database, collectionName, options, cursorRegistry);
            this.data = data;
            this.meta = meta;
            this.backend = backend;
            meta.putIfAbsent(DATA_SIZE_KEY, Long.valueOf(0));
        }

        /** Each change goes to the journal after it is made and under the same lock, so the journal has the changes of a key in their order. */
        private void journal(MVMap<?, ?> map, Object key, Object value) {
            if (backend != null) {
                backend.journal(map.getName(), key, value);
            }
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
                Long size = Long.valueOf(value.longValue() + sizeDelta);
                meta.put(DATA_SIZE_KEY, size);
                journal(meta, DATA_SIZE_KEY, size);
            }
        }

        @Override
        protected int getDataSize() {
            return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
            byte[] bytes = encode(document);
            Object position = Missing.ofNullable(key);
            Object previous = data.put(position, bytes);
            Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
            journal(data, position, bytes);
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
            journal(data, position, null);
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
            byte[] bytes = encode(newDocument);
            Object key = Missing.ofNullable(position);
            data.put(key, bytes);
            journal(data, key, bytes);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + dataFile() + "]";
    }
}
