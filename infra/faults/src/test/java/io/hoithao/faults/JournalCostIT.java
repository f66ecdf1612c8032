package io.hoithao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.hoithao.devstack.EmbeddedMongo;
import io.hoithao.devstack.EmbeddedMongo.Durability;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal costs: the same writes (an insert and a conditional update each, from 16 clients at
 * once) against the embedded Mongo-wire server journalled with fsync (the default), journalled
 * without fsync, and without a journal (the store written once a second), one after the other in the
 * same run. Prints writes per second for each.
 */
class JournalCostIT {

    static final int CLIENTS = 16;

    @Test
    void writesPerSecondWithAndWithoutTheJournalsFsync(@TempDir Path dir) throws Exception {
        int perClient = FaultStack.full() ? 1000 : 60;
        Map<Durability, Double> rates = new EnumMap<>(Durability.class);
        for (int round = 0; round < 2; round++) { // the first round warms the JVM up
            for (Durability durability : Durability.values()) {
                rates.put(durability, writesPerSecond(dir.resolve(durability.name() + round), durability, perClient));
            }
        }
        FaultStack.report("journal cost, %d clients, %d writes each: with fsync %.0f writes/s, journalled without fsync"
                        + " %.0f writes/s, no journal %.0f writes/s (fsync: %.2f× of none)", CLIENTS, perClient * 2,
                rates.get(Durability.JOURNALED), rates.get(Durability.JOURNALED_NO_FSYNC), rates.get(Durability.DELAYED),
                rates.get(Durability.JOURNALED) / rates.get(Durability.DELAYED));
        assertThat(rates.values()).allMatch(rate -> rate > 0);
    }

    private static double writesPerSecond(Path dir, Durability durability, int perClient) throws Exception {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir, 0, durability).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> registrations = client.getDatabase("hoithao_registrations").getCollection("registrations");
            registrations.insertOne(new Document("_id", "warm"));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNumber = c;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        String id = "r-" + clientNumber + "-" + i;
                        registrations.insertOne(new Document("_id", id).append("status", "PENDING").append("outbox", List.of()));
                        registrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("status", "PENDING")),
                                Updates.set("status", "CONFIRMED"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            assertThat(registrations.countDocuments(Filters.eq("status", "CONFIRMED"))).isEqualTo((long) CLIENTS * perClient);
            return CLIENTS * perClient * 2 / seconds;
        }
    }
}
