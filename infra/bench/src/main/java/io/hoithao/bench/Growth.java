package io.hoithao.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * P6: reading an event's registrations (the list, and a search by unit) and the events (the list,
 * and a text search) as the collections grow to each size. Documents are seeded fast, straight into
 * the Mongo-wire server with the Mongo driver, as copies of documents the services wrote themselves
 * (without their outbox, so nothing is relayed); the measured reads go through the gateway.
 */
final class Growth extends Scenario {

    private static final int BATCH = 1000;

    Growth(Context context) {
        super(context);
    }

    void run() throws Exception {
        String event = api.openEvent("Bench P6 growth", 50);
        // One real registration per unit, made by the administrator for others, as templates.
        for (int u = 0; u < Api.UNITS.size(); u++) {
            String body = Api.JSON.createObjectNode().put("eventId", event).put("fullName", "Nguyễn Thị Mẫu")
                    .put("email", "mau" + u + "@growth.hoithao.edu.vn").put("phone", "0912345678").put("unitId", Api.unitId(Api.UNITS.get(u)))
                    .put("position", "Giáo viên").put("category", "TEACHER").toString();
            api.expect(api.send("POST", target.registrations().resolve("/api/registrations"), api.adminToken(), body), 201);
        }
        String searchUnit = Api.UNITS.get(0);
        try (MongoClient mongo = MongoClients.create(target.mongoConnectionString())) {
            MongoDatabase registrationsDb = mongo.getDatabase("hoithao_registrations");
            MongoDatabase eventsDb = mongo.getDatabase("hoithao_events");
            MongoCollection<Document> registrations = registrationsDb.getCollection("registrations");
            MongoCollection<Document> events = eventsDb.getCollection("events");
            List<Document> registrationTemplates = registrations.find(Filters.eq("eventId", event)).into(new ArrayList<>());
            Document eventTemplate = events.find(Filters.eq("_id", event)).first();
            if (registrationTemplates.isEmpty() || eventTemplate == null) {
                throw new IllegalStateException("P6: no template documents found for event " + event);
            }
            long seededRegistrations = registrations.countDocuments(Filters.eq("eventId", event));
            long seededEvents = events.countDocuments();
            Map<String, Series> lastSize = new LinkedHashMap<>();
            for (int size : options.p6Sizes) {
                long t0 = System.nanoTime();
                seededRegistrations += seedRegistrations(registrations, registrationTemplates, event, seededRegistrations, size);
                seededEvents += seedEvents(events, eventTemplate, seededEvents, size);
                double seedSeconds = (System.nanoTime() - t0) / 1e9;
                Map<String, URI> reads = new LinkedHashMap<>();
                reads.put("registrations list", target.gateway().resolve("/api/registrations/events/" + event + "/registrations?page=0&size=50"));
                reads.put("registrations by unit", target.gateway().resolve("/api/registrations/events/" + event
                        + "/registrations?unitId=" + Api.encode(Api.unitId(searchUnit)) + "&page=0&size=50"));
                reads.put("events list", target.gateway().resolve("/api/events?page=0&size=50"));
                reads.put("events search", target.gateway().resolve("/api/events?q=" + word(7) + "&page=0&size=50"));
                List<String> figures = new ArrayList<>();
                List<Series> all = new ArrayList<>();
                boolean allOk = true;
                String statuses = "";
                for (Map.Entry<String, URI> read : reads.entrySet()) {
                    String token = read.getKey().startsWith("registrations") ? api.adminToken() : null;
                    load.closedLoop(2, Duration.ofMillis(500), () -> Api.get(read.getValue(), token)); // warm
                    Series s = new Series(read.getKey() + " @" + size, load.closedLoop(4, Duration.ofSeconds(options.p6Seconds),
                            () -> Api.get(read.getValue(), token)));
                    all.add(s);
                    lastSize.put(read.getKey(), s);
                    figures.add(read.getKey() + " " + Report.ms(s.percentile(99)));
                    allOk &= s.count() > 0 && s.countStatus(200) == s.count();
                    statuses += read.getKey() + ": " + s.statusSummary() + "; ";
                }
                report.row("P6", "p99 at " + String.format("%,d", size) + " documents (4 clients, " + options.p6Seconds + " s each)",
                        String.join(", ", figures.subList(0, 2)), String.join(", ", figures.subList(2, 4)),
                        String.format("seeded in %.1f s", seedSeconds));
                report.check("P6", "every read at " + size + " documents answered 200", allOk, statuses);
                report.chart("P6 reads at " + String.format("%,d", size) + " documents", all);
            }
            List<String> ignored = IgnoredIndexes.ignored();
            report.note("P6 index use: the embedded Mongo-wire server (mongo-java-server) has no query planner to ask: " + explain(registrationsDb, event)
                    + " It lists the services' indexes (registrations: " + indexNames(registrations) + "; events: " + indexNames(events) + ")"
                    + (ignored.isEmpty() ? "" : " but logged at start-up that it ignores " + ignored.size() + " of them, every non-unique"
                    + " secondary index: [" + String.join("], [", ignored) + "]")
                    + "; it keeps unique indexes for equality look-ups. Lists, sorts and searches therefore scan the collection, which the"
                    + " growth of p99 with the size shows. On MongoDB (compose) run the same reads with explain('executionStats').");
        }
    }

    private long seedRegistrations(MongoCollection<Document> collection, List<Document> templates, String event, long have, int want) {
        List<Document> batch = new ArrayList<>(BATCH);
        long added = 0;
        Instant base = Instant.now();
        for (long i = have; i < want; i++) {
            Document template = templates.get((int) (i % templates.size()));
            Document copy = new Document(template);
            copy.put("_id", UUID.randomUUID().toString());
            copy.put("email", "seed" + i + "@growth.hoithao.edu.vn");
            copy.put("confirmationCode", "SEED" + Long.toString(i, 32).toUpperCase());
            copy.remove("idempotencyScope");
            copy.put("status", "CONFIRMED");
            copy.put("outbox", new ArrayList<>());
            copy.put("createdAt", Date.from(base.plusMillis(i)));
            copy.put("updatedAt", Date.from(base.plusMillis(i)));
            batch.add(copy);
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                added += batch.size();
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            added += batch.size();
        }
        return added;
    }

    @SuppressWarnings("unchecked")
    private long seedEvents(MongoCollection<Document> collection, Document template, long have, int want) {
        List<Document> batch = new ArrayList<>(BATCH);
        long added = 0;
        for (long i = have; i < want; i++) {
            Document copy = new Document(template);
            copy.put("_id", UUID.randomUUID().toString());
            copy.put("title", template.getString("title") + " " + word((int) i));
            List<String> terms = new ArrayList<>((List<String>) template.get("searchTerms", List.class));
            terms.add(word((int) i));
            copy.put("searchTerms", terms);
            copy.put("outbox", new ArrayList<>());
            batch.add(copy);
            if (batch.size() == BATCH) {
                collection.insertMany(batch);
                added += batch.size();
                batch = new ArrayList<>(BATCH);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
            added += batch.size();
        }
        return added;
    }

    /** One of 100 made-up words of letters only: a search for one matches about 1 % of the seeded events. */
    static String word(int i) {
        int n = Math.floorMod(i, 100);
        return "hth" + (char) ('a' + n / 26) + (char) ('a' + n % 26);
    }

    private static String explain(MongoDatabase db, String event) {
        try {
            Document answer = db.runCommand(new Document("explain", new Document("find", "registrations")
                    .append("filter", new Document("eventId", event))));
            return "explain answered " + answer.toJson() + ".";
        } catch (RuntimeException e) {
            return "explain answers \"" + e.getMessage().replaceAll("\\s+", " ") + "\".";
        }
    }

    private static String indexNames(MongoCollection<Document> collection) {
        List<String> names = new ArrayList<>();
        collection.listIndexes().forEach(index -> names.add(index.getString("name")));
        return String.join(", ", names);
    }
}
