package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./devstack --instances=2}: two of each service behind the gateway, two identity services behind the
 * devstack's balancer. Delegates sign in (their sign-ins' requests spread over both identity services), then 200
 * of them register at the same moment through the gateway, which shares them between both registrations
 * services: exactly the seats are confirmed, no office beyond its quota. A live programme stream held at each
 * events service hears the same changes, whichever instance made them.
 */
class TwoInstancesIT {

    static final int CROWD = 200;
    static final List<String> UNITS = List.of(
            "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông", "Phòng GD&ĐT Ba Bể", "Phòng GD&ĐT Na Rì",
            "Phòng GD&ĐT Ngân Sơn", "Phòng GD&ĐT Pác Nặm", "Phòng GD&ĐT Chợ Đồn", "Phòng GD&ĐT TP Bắc Kạn");
    static final List<String> NAMES = List.of(
            "Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Quốc Bảo",
            "Đặng Thị Mai", "Bùi Văn Long", "Đỗ Thị Hương", "Hà Văn Sơn", "Nông Thị Kim", "Triệu Văn Hùng");
    static final int SEATS = 40;
    /** Quotas add up to more than the seats (8 × 6 = 48 > 40), so both limits bind during the crowd. */
    static final int QUOTA = 6;

    @TempDir
    static Path dataDir;

    static DevStack stack;
    static String admin;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = DevStack.start(DevStackConfig.builder()
                .repoRoot(Path.of("../..")) // Failsafe runs in infra/devstack
                .dataDir(dataDir)
                .freePorts()
                .instances(2)
                // what a registration needs: the accounts, the event and its units, the decisions, the gateway
                .services(App.IDENTITY, App.EVENTS, App.REGISTRATIONS, App.GATEWAY)
                .readyTimeout(Duration.ofSeconds(600))
                .environment(App.IDENTITY, "HOITHAO_IDENTITY_THROTTLE_SIGNINPERADDRESS_LIMIT", "1000000")
                .build());
        admin = SignIn.accessToken(stack.url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoHundredDelegatesAtOnceOverTwoInstancesGetExactlyTheSeatsAndBothStreamsHearTheSameChanges() throws Exception {
        assertThat(stack.processes()).extracting(ChildProcess::name)
                .contains("identity", "identity-2", "events", "events-2", "registrations", "registrations-2", "gateway");
        String eventId = openEvent();
        String venueId = json.readTree(send(admin, "GET", "/api/events/" + eventId, null).body())
                .get("venues").get(0).get("id").asString();
        ObjectNode quotas = json.createObjectNode();
        UNITS.forEach(unit -> quotas.withArray("quotas").addObject()
                .put("unitId", WalkingSkeletonIT.seededUnitId(unit)).put("seats", QUOTA));
        HttpResponse<String> quotasSet = send(admin, "PUT", "/api/registrations/events/" + eventId + "/quotas", quotas.toString());
        assertThat(quotasSet.statusCode()).as(quotasSet.body()).isEqualTo(200);

        // a live stream at each events service
        LiveStream first = LiveStream.open(http, stack.url(App.EVENTS, 1), eventId);
        LiveStream second = LiveStream.open(http, stack.url(App.EVENTS, 2), eventId);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.ready() && second.ready());

            List<Delegate> delegates = signUp(CROWD);
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (Delegate delegate : delegates) {
                ObjectNode body = json.createObjectNode().put("eventId", eventId).put("fullName", delegate.fullName())
                        .put("email", delegate.email()).put("phone", String.format("09%08d", delegate.index()))
                        .put("unit", delegate.unit()).put("unitId", WalkingSkeletonIT.seededUnitId(delegate.unit()))
                        .put("position", "Giáo viên").put("category", "TEACHER");
                inFlight.add(http.sendAsync(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/api/registrations"))
                        .timeout(Duration.ofSeconds(180))
                        .header("Authorization", "Bearer " + delegate.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = inFlight.stream().map(CompletableFuture::join).toList();
            System.out.printf("TwoInstancesIT: %d registrations at once over two instances answered within %.1f s%n", CROWD,
                    (System.nanoTime() - start) / 1e9);

            Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            List<String> notCreated = answers.stream().filter(a -> a.statusCode() != 201)
                    .map(a -> a.statusCode() + " " + a.body()).limit(5).toList();
            assertThat(byStatus).as("answers by status, e.g. %s", notCreated).containsOnlyKeys(201);
            Map<String, Long> decisions = answers.stream()
                    .collect(Collectors.groupingBy(a -> json.readTree(a.body()).get("status").asString(), Collectors.counting()));
            assertThat(decisions).containsOnly(Map.entry("CONFIRMED", (long) SEATS), Map.entry("WAITLISTED", (long) (CROWD - SEATS)));

            JsonNode seats = json.readTree(send(null, "GET", "/api/registrations/events/" + eventId, null).body());
            assertThat(seats.get("confirmed").asInt()).isEqualTo(SEATS);
            assertThat(seats.get("seatsLeft").asInt()).isZero();
            int confirmed = 0;
            for (JsonNode unit : seats.get("quotas")) {
                assertThat(unit.get("overQuota").asBoolean()).as(unit.toString()).isFalse();
                assertThat(unit.get("confirmed").asInt()).as(unit.toString()).isBetween(0, QUOTA);
                confirmed += unit.get("confirmed").asInt();
            }
            assertThat(confirmed).isEqualTo(SEATS);
            // the gateway shared the crowd between both registrations services
            assertThat(registrationsServed(1)).as("registrations decided by the first instance").isPositive();
            assertThat(registrationsServed(2)).as("registrations decided by the second instance").isPositive();

            // a change made through the gateway (by one events service or the other) reaches both streams, and so do
            // the confirmations, which the events services applied each from its share of the partitions
            HttpResponse<String> scheduled = send(admin, "POST", "/api/events/" + eventId + "/sessions", json.createObjectNode()
                    .put("type", "OPENING").put("title", "Khai mạc").put("date", "2027-01-14").put("start", "07:30")
                    .put("end", "08:00").put("venueId", venueId).toString());
            assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
            String sessionId = json.readTree(scheduled.body()).get("id").asString();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(first.subjects("SessionScheduled")).contains(sessionId);
                assertThat(second.subjects("SessionScheduled")).contains(sessionId);
                assertThat(first.subjects("RegistrationConfirmed")).hasSize(SEATS);
                assertThat(second.subjects("RegistrationConfirmed")).isEqualTo(first.subjects("RegistrationConfirmed"));
            });
        } finally {
            first.close();
            second.close();
        }
    }

    record Delegate(int index, String email, String fullName, String unit, String token) {
    }

    /** POST /api/registrations answered by one registrations service, from its own figures. */
    private long registrationsServed(int instance) throws Exception {
        String figures = http.send(HttpRequest.newBuilder(stack.url(App.REGISTRATIONS, instance).resolve("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return figures.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
                        && line.contains("uri=\"/api/registrations\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** A programme's live stream, read line by line: the changes it told, by kind. */
    static final class LiveStream implements AutoCloseable {

        private final Map<String, Set<String>> subjects = new ConcurrentHashMap<>();
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
        private volatile boolean ready;
        private volatile String event;

        private LiveStream(HttpClient http, URI service, String eventId) {
            response = http.sendAsync(HttpRequest.newBuilder(service.resolve("/api/events/" + eventId + "/programme/changes"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(answer -> new Thread(() -> answer.body().forEach(this::line), "live-stream").start());
        }

        static LiveStream open(HttpClient http, URI service, String eventId) {
            return new LiveStream(http, service, eventId);
        }

        private void line(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
                if ("ready".equals(event)) {
                    ready = true;
                }
            } else if (line.startsWith("data:") && "programme-change".equals(event)) {
                JsonNode change = JsonMapper.builder().build().readTree(line.substring(5));
                subjects.computeIfAbsent(change.get("change").asString(), kind -> ConcurrentHashMap.newKeySet())
                        .add(change.path("subjectId").asString());
            }
        }

        boolean ready() {
            return ready;
        }

        Set<String> subjects(String change) {
            return Set.copyOf(subjects.getOrDefault(change, Set.of()));
        }

        @Override
        public void close() {
            response.thenAccept(answer -> answer.body().close());
            response.cancel(true);
        }
    }

    private String openEvent() throws Exception {
        HttpResponse<String> created = send(admin, "POST", "/api/events", """
                {"title": "Hội nghị tập huấn chuyên môn cấp tỉnh", "kind": "CONFERENCE", "level": "PROVINCE",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-01-14", "endDate": "2027-01-15", "capacity": %d,
                 "venues": [{"name": "Hội trường Sở GD&ĐT", "kind": "HALL", "address": "TP Bắc Kạn"}]}
                """.formatted(SEATS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String eventId = json.readTree(created.body()).get("id").asString();
        assertThat(send(admin, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(send(admin, "POST", "/api/events/" + eventId + "/registration/open", null).statusCode()).isEqualTo(200);
        // both registrations services read the same database: one answer through the gateway tells for both
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = send(null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });
        return eventId;
    }

    /** Delegates whose verified accounts the administrator made, each signed in at the balanced identity services. */
    private List<Delegate> signUp(int count) throws Exception {
        URI identity = stack.url(App.IDENTITY);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(
                identity.resolve("/api/identity/accounts"), admin, json.createObjectNode()
                        .put("email", "probe@two.hoithao.edu.vn").put("password", "mat-khau-probe").put("fullName", "Thử")
                        .put("unitId", WalkingSkeletonIT.seededUnitId(UNITS.get(UNITS.size() - 1)))
                        .toString()).statusCode() != 400);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Delegate>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    String email = "gv" + index + "@two.hoithao.edu.vn";
                    String password = "mat-khau-" + index;
                    String fullName = NAMES.get(index % NAMES.size());
                    String unit = UNITS.get(index % UNITS.size());
                    HttpResponse<String> made = post(identity.resolve("/api/identity/accounts"), admin,
                            json.createObjectNode().put("email", email).put("password", password).put("fullName", fullName)
                                    .put("unitId", WalkingSkeletonIT.seededUnitId(unit)).toString());
                    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
                    return new Delegate(index, email, fullName, unit, SignIn.accessToken(identity, email, password));
                }));
            }
            List<Delegate> delegates = new ArrayList<>();
            for (Future<Delegate> future : futures) {
                delegates.add(future.get());
            }
            return delegates;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> post(URI uri, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.header("Content-Type", "application/json");
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gatewayUrl().resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
