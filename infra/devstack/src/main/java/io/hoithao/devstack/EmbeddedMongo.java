package io.hoithao.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server ({@code mongo-java-server}) whose data lives in one H2 MVStore
 * file, {@code <dataDir>/mongo.mv}, and so survives a restart. It reports server version 5.0 (the
 * current drivers refuse older ones). It has no sessions or transactions: see ARCHITECTURE.md. This
 * class starts and stops it; what it stores and how is in {@link FaithfulH2Backend} (the commands),
 * {@link BsonCollection} (the documents), {@link InMemoryUniqueIndex} and {@link Journal}.
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
        stopCheckpoints();
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
        stopCheckpoints();
        if (running != null) {
            FaithfulH2Backend backend = crashing;
            backend.crashed = true;
            running.stopListening();
            backend.getMvStore().closeImmediately();
            running.shutdownNow();
        }
    }

    private void stopCheckpoints() {
        if (checkpoints != null) {
            // no further checkpoint, but one under way ends: interrupted, its file channel would close under it
            // (ClosedByInterruptException) and leave the store unusable for the stop's own commit
            checkpoints.shutdown();
            try {
                checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoints = null;
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

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString() + ", " + dataFile() + "]";
    }
}
