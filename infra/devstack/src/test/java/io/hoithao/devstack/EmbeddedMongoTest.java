package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void keepsDocumentsAndIndexesAcrossARestartOnTheSameDirectory(@TempDir Path dir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("hoithao_registrations").getCollection("delegates");
            delegates.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            delegates.insertOne(new Document("_id", "d-1").append("name", "Nguyễn Thị Hương").append("email", "huong@example.vn"));
        }
        assertThat(dir.resolve(EmbeddedMongo.FILE_NAME)).isNotEmptyFile();

        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> delegates = client.getDatabase("hoithao_registrations").getCollection("delegates");
            Document found = delegates.find(Filters.eq("_id", "d-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Nguyễn Thị Hương");
            // Spring Boot's health indicator sends hello to the service's database
            Document hello = client.getDatabase("hoithao_registrations").runCommand(new Document("hello", 1));
            assertThat(hello.get("isWritablePrimary")).isEqualTo(true);
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(ServerVersion.MONGO_5_0.getWireVersion());
            // the unique index came back too
            assertThatThrownBy(() -> delegates.insertOne(new Document("_id", "d-2").append("email", "huong@example.vn")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void aConditionalWriteByIdChangesThatDocumentOnlyWhenEveryConditionHolds(@TempDir Path dir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> registrations = client.getDatabase("hoithao_registrations").getCollection("registrations");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                many.add(new Document("_id", "r-" + i).append("status", i % 2 == 0 ? "PENDING" : "WAITLISTED").append("n", i));
            }
            registrations.insertMany(many);

            Document settled = registrations.findOneAndUpdate(Filters.and(Filters.eq("_id", "r-42"), Filters.eq("status", "PENDING")),
                    Updates.set("status", "CONFIRMED"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(settled).isNotNull();
            assertThat(settled.getInteger("n")).isEqualTo(42);
            assertThat(settled.getString("status")).isEqualTo("CONFIRMED");
            // the same condition again no longer holds, a condition that never held, an id that does not exist
            assertThat(registrations.findOneAndUpdate(Filters.and(Filters.eq("_id", "r-42"), Filters.eq("status", "PENDING")),
                    Updates.set("status", "WAITLISTED"))).isNull();
            assertThat(registrations.updateOne(Filters.and(Filters.eq("_id", "r-43"), Filters.eq("status", "PENDING")),
                    Updates.set("status", "CONFIRMED")).getMatchedCount()).isZero();
            assertThat(registrations.updateOne(Filters.and(Filters.eq("_id", "r-999"), Filters.exists("status")),
                    Updates.set("status", "CONFIRMED")).getMatchedCount()).isZero();
            // an operator beside the id, as the outbox lease and the seat claim use
            assertThat(registrations.updateOne(Filters.and(Filters.eq("_id", "r-44"), Filters.lt("n", 45), Filters.ne("status", "CONFIRMED")),
                    Updates.set("status", "CONFIRMED")).getModifiedCount()).isEqualTo(1);
            assertThat(registrations.countDocuments(Filters.eq("status", "CONFIRMED"))).isEqualTo(2);

            ObjectId objectId = new ObjectId();
            registrations.insertOne(new Document("_id", objectId).append("status", "PENDING"));
            assertThat(registrations.updateOne(Filters.and(Filters.eq("_id", objectId), Filters.eq("status", "PENDING")),
                    Updates.set("status", "CONFIRMED")).getModifiedCount()).isEqualTo(1);
            assertThat(registrations.countDocuments(Filters.eq("status", "CONFIRMED"))).isEqualTo(3);
        }
    }

    @Test
    void racingConditionalWritesOnSeveralCollectionsAtOnceNeverTakeMoreThanTheSeats(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            List<MongoCollection<Document>> lessons = List.of(
                    client.getDatabase("hoithao_observations").getCollection("lessons"),
                    client.getDatabase("hoithao_registrations").getCollection("events"));
            for (MongoCollection<Document> collection : lessons) {
                collection.insertOne(new Document("_id", "seats").append("seats", 8).append("holders", List.of()));
            }
            MongoCollection<Document> delegates = client.getDatabase("hoithao_registrations").getCollection("delegates");
            delegates.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));

            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String holder = "d-" + i;
                MongoCollection<Document> collection = lessons.get(i % 2);
                // the seat claim's shape: a guard on the document's own fields beside its _id
                var claimable = Filters.and(Filters.eq("_id", "seats"),
                        Filters.expr(new Document("$lt", List.of(new Document("$size", "$holders"), "$seats"))));
                attempts.add(i % 4 < 2
                        ? () -> collection.updateOne(claimable, Updates.push("holders", holder)).getModifiedCount() == 1
                        : () -> collection.findOneAndUpdate(claimable, Updates.push("holders", holder)) != null);
                // and a unique index that admits one of many racing inserts
                attempts.add(() -> {
                    try {
                        delegates.insertOne(new Document("_id", holder).append("email", "same@example.vn"));
                        return false;
                    } catch (MongoWriteException duplicate) {
                        return false;
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(32);
            long granted = 0;
            try {
                for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
                    granted += attempt.get() ? 1 : 0;
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(granted).isEqualTo(16);
            for (MongoCollection<Document> collection : lessons) {
                assertThat(collection.find(Filters.eq("_id", "seats")).first().getList("holders", String.class)).hasSize(8);
            }
            assertThat(delegates.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void readsADataFileWrittenByThePlainH2Backend(@TempDir Path dir) {
        H2Backend plain = new H2Backend(dir.resolve(EmbeddedMongo.FILE_NAME).toString());
        plain.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(plain);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            client.getDatabase("hoithao_events").getCollection("events")
                    .insertOne(new Document("_id", "e-1").append("title", "Hội nghị sơ kết").append("status", "PUBLISHED"));
        } finally {
            server.shutdownNow();
        }

        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("hoithao_events").getCollection("events");
            Document found = events.find(Filters.and(Filters.eq("_id", "e-1"), Filters.eq("status", "PUBLISHED"))).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Hội nghị sơ kết");
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesACrashAndIsReplayedFromTheJournal(@TempDir Path dir) throws Exception {
        int writers = 8;
        int perWriter = 150;
        EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> registrations = client.getDatabase("hoithao_registrations").getCollection("registrations");
            registrations.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            MongoCollection<Document> seats = client.getDatabase("hoithao_registrations").getCollection("seats");
            seats.insertOne(new Document("_id", "event-1").append("confirmed", 0));
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        String id = "r-" + writer + "-" + i;
                        registrations.insertOne(new Document("_id", id).append("email", id + "@example.vn").append("status", "PENDING"));
                        registrations.updateOne(Filters.eq("_id", id), Updates.set("status", "CONFIRMED"));
                        seats.updateOne(Filters.eq("_id", "event-1"), Updates.inc("confirmed", 1));
                        if (i % 10 == 0) {
                            registrations.deleteOne(Filters.eq("_id", id));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
        }
        // every write above was acknowledged; the process dies before any checkpoint could write the store
        mongo.crash();

        try (EmbeddedMongo restarted = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(restarted.connectionString())) {
            MongoCollection<Document> registrations = client.getDatabase("hoithao_registrations").getCollection("registrations");
            long kept = (long) writers * (perWriter - perWriter / 10);
            assertThat(registrations.countDocuments()).isEqualTo(kept);
            assertThat(registrations.countDocuments(Filters.eq("status", "CONFIRMED"))).isEqualTo(kept);
            assertThat(registrations.find(Filters.eq("_id", "r-3-0")).first()).isNull();
            assertThat(client.getDatabase("hoithao_registrations").getCollection("seats").find(Filters.eq("_id", "event-1"))
                    .first().getInteger("confirmed")).isEqualTo(writers * perWriter);
            // the unique index was rebuilt from the replayed documents
            assertThatThrownBy(() -> registrations.insertOne(new Document("_id", "again").append("email", "r-3-5@example.vn")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }
    }

    @Test
    void aCleanStopLeavesNoJournalBehindAndTheStoreHoldsEverything(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("hoithao_events").getCollection("events").insertOne(new Document("_id", "e-1").append("title", "Hội thảo"));
        }
        assertThat(Journal.files(dir)).isEmpty();
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.replayedAtStart()).isZero();
            assertThat(client.getDatabase("hoithao_events").getCollection("events").countDocuments()).isEqualTo(1);
        }
    }
}
