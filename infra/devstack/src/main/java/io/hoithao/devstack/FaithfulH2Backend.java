package io.hoithao.devstack;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * The H2Backend of {@link EmbeddedMongo}: it also answers {@code hello} (see there), keeps documents as BSON and
 * unique indexes in memory (see {@link BsonDatabase}).
 *
 * <p>It takes no lock of its own: mongo-java-server's collections already apply each command
 * (a conditional update, a findAndModify, an insert checked against the unique indexes) under the
 * collection's lock, so a guard and the write it allows are one step, as on MongoDB; and since
 * every read decodes a copy of the stored document, a command never sees a document another
 * command is changing. Commands on different collections, and so every service's, run at once.
 */
final class FaithfulH2Backend extends H2Backend {

    /** Commands that create, drop or rename maps of the store, which the journal does not record: a checkpoint follows them. */
    private static final Set<String> STRUCTURAL = Set.of("create", "createindexes", "drop", "dropdatabase",
            "dropindexes", "deleteindexes", "renamecollection", "collmod");

    /** Null without a journal ({@link Durability#DELAYED}). Read by the collections, which H2Backend's constructor opens before it is set. */
    final Journal journal;
    private final MVStore store;
    volatile boolean crashed;

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
            LoggerFactory.getLogger(EmbeddedMongo.class).warn("Mongo checkpoint failed: {}", e.toString());
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
