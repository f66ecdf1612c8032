package io.hoithao.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.hoithao.devstack.App;
import io.hoithao.devstack.DevStack;
import io.hoithao.devstack.DevStackConfig;
import io.hoithao.devstack.SignIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack under test: the broker and the Mongo-wire server each in a process of its own
 * ({@link InfraProcess}), a {@link FaultProxy} in front of each, and the identity, events,
 * registrations and observations services started from their jars as {@code ./devstack} starts them,
 * reaching the broker and the database only through the proxies.
 */
final class FaultStack implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);
    static final String ADMIN = "admin@hoithao.local";
    static final String ADMIN_PASSWORD = "admin-dev-password";
    static final App[] APPS = {App.IDENTITY, App.EVENTS, App.REGISTRATIONS, App.OBSERVATIONS};

    final InfraProcess kafka;
    final InfraProcess mongo;
    final FaultProxy kafkaProxy;
    final FaultProxy mongoProxy;
    final int mongoPort;
    final DevStack stack;
    final List<App> apps;
    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String adminToken;
    private volatile long adminTokenAt;

    FaultStack(Path dataDir) throws Exception {
        this(dataDir, List.of(APPS), "");
    }

    /**
     * The stack with {@code apps} (with the gateway among them, the load goes through it, its rate limits
     * out of the way) and {@code jvmOptions} added to every JVM's, the broker's and the database's too.
     */
    FaultStack(Path dataDir, List<App> apps, String jvmOptions) throws Exception {
        this.apps = List.copyOf(apps);
        int[] ports = DevStackConfig.freePortNumbers(3);
        mongoPort = ports[2];
        mongoProxy = new FaultProxy("mongo", ports[2]);
        kafkaProxy = new FaultProxy("kafka", ports[0]);
        Path logs = dataDir.resolve("logs");
        // the broker's classes mapped from an archive (made once, kept in target/ for the next runs): after a SIGKILL on a
        // loaded machine, loading them again was most of its start
        kafka = new InfraProcess("kafka", logs, Path.of("target", "class-archives"),
                "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 " + jvmOptions,
                "kafka", "--dir=" + dataDir.resolve("kafka"), "--port=" + ports[0], "--controller.port=" + ports[1],
                "--advertised.port=" + kafkaProxy.port());
        mongo = new InfraProcess("mongo", logs, "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 " + jvmOptions,
                "mongo", "--dir=" + dataDir.resolve("mongo"), "--port=" + ports[2]);
        // made for the full form only, whose five kills it shortens; the short form's one kill costs less than making it
        Duration archived = full() ? kafka.prepareClassArchive(START) : Duration.ZERO;
        if (!archived.isZero()) {
            report("kafka's class archive made in %.1f s (a start and a clean stop)", archived.toMillis() / 1000.0);
        }
        report("kafka started in %.1f s: %s", kafka.start(START).toMillis() / 1000.0, kafka.lastReady());
        report("mongo started in %.1f s", mongo.start(START).toMillis() / 1000.0);
        DevStackConfig.Builder config = DevStackConfig.builder()
                .repoRoot(Path.of("../..")) // Failsafe runs in infra/faults
                .dataDir(dataDir)
                .freePorts()
                .kafkaPort(kafkaProxy.port())
                .mongoPort(mongoProxy.port())
                .externalInfrastructure()
                .services(this.apps.toArray(App[]::new))
                .jvmOptions((DevStackConfig.DEFAULT_JVM_OPTIONS + " " + jvmOptions).trim())
                .readyTimeout(Duration.ofSeconds(600))
                .environment(App.IDENTITY, "HOITHAO_IDENTITY_THROTTLE_SIGNINPERADDRESS_LIMIT", "1000000");
        if (this.apps.contains(App.GATEWAY)) {
            // one client (the administrator) sends all the load: the per-client and per-address limits would refuse most of it
            for (String limit : List.of("REPLENISHRATE", "ADDRESSREPLENISHRATE")) {
                config.environment(App.GATEWAY, "HOITHAO_GATEWAY_RATELIMIT_" + limit, "100000");
            }
            for (String burst : List.of("BURSTCAPACITY", "ADDRESSBURSTCAPACITY")) {
                config.environment(App.GATEWAY, "HOITHAO_GATEWAY_RATELIMIT_" + burst, "200000");
            }
        }
        try {
            stack = DevStack.start(config.build());
        } catch (RuntimeException e) {
            // no stack to close later: the broker and the database (processes of their own) must not outlive the run
            mongo.close();
            kafka.close();
            kafkaProxy.close();
            mongoProxy.close();
            throw e;
        }
    }

    /** The administrator's access token, signed in again before it expires (15 minutes). */
    String admin() throws Exception {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofMinutes(10).toNanos()) {
            adminToken = SignIn.accessToken(stack.url(App.IDENTITY), ADMIN, ADMIN_PASSWORD);
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    URI url(App app, String path) {
        return stack.url(app).resolve(path);
    }

    /** Where a client sends a request for {@code app}: through the gateway when the stack runs one, else to the service. */
    URI publicUrl(App app, String path) {
        return apps.contains(App.GATEWAY) ? stack.gatewayUrl().resolve(path) : url(app, path);
    }

    HttpResponse<String> send(String method, App app, String path, String body, Duration timeout) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(app, path)).timeout(timeout)
                .header("Authorization", "Bearer " + admin());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(App app, String path) throws Exception {
        HttpResponse<String> response = send("GET", app, path, null, Duration.ofSeconds(30));
        assertThat(response.statusCode()).as("GET %s %s: %s", app.id(), path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    JsonNode post(App app, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = send("POST", app, path, body, Duration.ofSeconds(30));
        assertThat(response.statusCode()).as("POST %s %s: %s", app.id(), path, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** The readiness probe's status (UP, DOWN, or NONE when it does not answer). */
    String readiness(App app) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(app, "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).path("status").asString("NONE");
        } catch (Exception e) {
            return "NONE";
        }
    }

    void awaitReady(Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                for (App app : apps) {
                    assertThat(readiness(app)).as(app.id()).isEqualTo("UP");
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            diagnose();
            throw e;
        }
    }

    /**
     * For every app not ready: its threads and its heap ({@code jcmd Thread.print}, {@code GC.heap_info}) written
     * next to its log as {@code <app>-not-ready.txt}, so a failed run shows whether it was stuck or starved.
     */
    void diagnose() {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        for (io.hoithao.devstack.ChildProcess child : stack.processes()) {
            String status = readiness(child.app());
            if ("UP".equals(status)) {
                continue;
            }
            Path file = stack.config().logDir().resolve(child.app().id() + "-not-ready.txt");
            try {
                for (String command : List.of("GC.heap_info", "Thread.print")) {
                    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), command).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
                    process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                report("%s not ready (%s): its threads and heap in %s", child.app().id(), status, file);
            } catch (Exception e) {
                report("%s not ready (%s); jcmd failed: %s", child.app().id(), status, e);
            }
        }
    }

    /**
     * Writes the threads and heap of every app, and of the broker and the database, to {@code logs/<name>-<label>.txt}
     * ({@code jcmd Thread.print}, {@code GC.heap_info}): what a stuck process was doing, while it is stuck.
     */
    void dumpThreads(String label) {
        java.util.Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (io.hoithao.devstack.ChildProcess child : stack.processes()) {
            pids.put(child.app().id(), child.pid());
        }
        pids.put("kafka", kafka.pid());
        pids.put("mongo", mongo.pid());
        pids.forEach((name, pid) -> jcmd(pid, stack.config().logDir().resolve(name + "-" + label + ".txt")));
        report("threads and heap of every process at %s in %s/*-%s.txt", label, stack.config().logDir(), label);
    }

    private static void jcmd(long pid, Path file) {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            for (String command : List.of("GC.heap_info", "Thread.print")) {
                Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
                process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            report("jcmd %d failed: %s", pid, e);
        }
    }

    /**
     * Watches every app's readiness once a second for {@code span} from now (on a thread of its own) and returns,
     * when joined, each app's longest stretch without UP and how many probes went unanswered within 5 s; the first
     * time an app has not been UP for {@code dumpAfter}, every process's threads are written ({@link #dumpThreads}).
     */
    java.util.concurrent.CompletableFuture<java.util.Map<App, String>> watchReadiness(Duration span, Duration dumpAfter) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            java.util.Map<App, Long> downSince = new java.util.EnumMap<>(App.class);
            java.util.Map<App, Long> longest = new java.util.EnumMap<>(App.class);
            java.util.Map<App, Integer> unanswered = new java.util.EnumMap<>(App.class);
            boolean dumped = false;
            long end = System.nanoTime() + span.toNanos();
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                for (App app : apps) {
                    String status = readiness(app);
                    if ("NONE".equals(status)) {
                        unanswered.merge(app, 1, Integer::sum);
                    }
                    if ("UP".equals(status)) {
                        downSince.remove(app);
                    } else {
                        long since = downSince.computeIfAbsent(app, a -> now);
                        longest.merge(app, System.nanoTime() - since, Math::max);
                        if (!dumped && System.nanoTime() - since > dumpAfter.toNanos()) {
                            report("%s not ready for %d s (%s)", app.id(), (System.nanoTime() - since) / 1_000_000_000L, status);
                            dumpThreads("stuck");
                            dumped = true;
                        }
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // the probes' pace
            }
            java.util.Map<App, String> seen = new java.util.EnumMap<>(App.class);
            for (App app : apps) {
                seen.put(app, String.format(Locale.ROOT, "not UP for at most %.1f s, %d probe(s) unanswered",
                        longest.getOrDefault(app, 0L) / 1e9, unanswered.getOrDefault(app, 0)));
            }
            return seen;
        });
    }

    /** An event open for registration, its lessons made, everything known to every service. */
    Scenario openEvent(String title, int lessons) throws Exception {
        JsonNode created = post(App.EVENTS, "/api/events", """
                {"title": "%s", "kind": "CONFERENCE", "level": "PROVINCE", "organiserUnit": "Sở GD&ĐT Bắc Kạn",
                 "startDate": "2027-10-25", "endDate": "2027-10-26", "capacity": 100000}
                """.formatted(title), 201);
        String eventId = created.get("id").asString();
        post(App.EVENTS, "/api/events/" + eventId + "/publish", null, 200);
        post(App.EVENTS, "/api/events/" + eventId + "/registration/open", null, 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(get(App.REGISTRATIONS, "/api/registrations/events/" + eventId).get("registrationOpen").asBoolean()).isTrue());
        java.util.List<String> lessonIds = new java.util.ArrayList<>();
        for (int i = 0; i < lessons; i++) {
            String body = """
                    {"title": "Khám phá %d", "hostSchool": "Trường Mầm non Đồng Tâm", "classroom": "A%d",
                     "className": "Mẫu giáo lớn A%d", "ageGroup": "MAU_GIAO_LON", "teacher": "Nguyễn Thị Hoà",
                     "activity": "Thí nghiệm vật chìm – vật nổi", "developmentalArea": "Phát triển nhận thức",
                     "startsAt": "2027-10-25T%02d:00:00+07:00", "endsAt": "2027-10-25T%02d:45:00+07:00", "seats": 30}
                    """.formatted(i, i, i, 7 + i, 7 + i);
            String path = "/api/observations/events/" + eventId + "/lessons";
            JsonNode lesson = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                HttpResponse<String> response = send("POST", App.OBSERVATIONS, path, body, Duration.ofSeconds(30));
                return response.statusCode() == 201 ? json.readTree(response.body()) : null;
            }, java.util.Objects::nonNull);
            lessonIds.add(lesson.get("id").asString());
        }
        return new Scenario(eventId, lessonIds);
    }

    /** Documents of a service's database with messages waiting in their outbox, read from the server itself (not through the proxy). */
    long documentsWithOutbox(String database) {
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            com.mongodb.client.MongoDatabase db = client.getDatabase(database);
            long count = 0;
            for (String collection : db.listCollectionNames()) {
                count += db.getCollection(collection).countDocuments(com.mongodb.client.model.Filters.exists("outbox.0"));
            }
            return count;
        }
    }

    record Scenario(String eventId, java.util.List<String> lessonIds) {
    }

    static void report(String format, Object... args) {
        System.out.println("faults: " + String.format(Locale.ROOT, format, args));
    }

    static boolean full() {
        return Boolean.getBoolean("faults.full");
    }

    @Override
    public void close() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            mongo.close();
            kafka.close();
            kafkaProxy.close();
            mongoProxy.close();
        }
    }
}
