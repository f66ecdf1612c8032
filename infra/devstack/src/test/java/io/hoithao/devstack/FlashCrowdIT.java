package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registration opening as a province lives it: 500 signed-in delegates of eight district offices
 * register at the same moment through the gateway, for an event with far fewer seats and a quota
 * per office, on the real jars started as {@code ./devstack} starts them and with its default
 * configuration (rate limits, timeouts, pools). Every delegate gets an answer that is a decision,
 * never a 5xx nor a 429; exactly the seats are confirmed, no office beyond its quota, everyone
 * else waitlisted.
 *
 * <p>The other side, a breaker that still opens when a service is really down, is shown at the
 * gateway by {@code GatewayConcurrencyTest} (gateway module).
 */
class FlashCrowdIT {

    static final int CROWD = 500;
    static final int SEATS = 40;
    static final List<String> UNITS = List.of(
            "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông", "Phòng GD&ĐT Ba Bể", "Phòng GD&ĐT Na Rì",
            "Phòng GD&ĐT Ngân Sơn", "Phòng GD&ĐT Pác Nặm", "Phòng GD&ĐT Chợ Đồn", "Phòng GD&ĐT TP Bắc Kạn");
    static final List<String> NAMES = List.of(
            "Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Quốc Bảo",
            "Đặng Thị Mai", "Bùi Văn Long", "Đỗ Thị Hương", "Hà Văn Sơn", "Nông Thị Kim", "Triệu Văn Hùng");
    /** Quotas add up to more than the seats (8 × 6 = 48 > 40), so both limits bind during the crowd. */
    static final int QUOTA = 6;

    static DevStack stack;
    static String admin;

    final JsonMapper json = JsonMapper.builder().build();
    // HTTP/1.1: every request in flight has a connection of its own, as 500 browsers would.
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        admin = SignIn.accessToken(stack.url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");
    }

    @Test
    void fiveHundredDelegatesAtOnceThroughTheGatewayGetExactlyTheSeatsAndTheRestAreWaitlisted() throws Exception {
        String eventId = openEvent();
        ObjectNode quotas = json.createObjectNode();
        // the seeded district offices of the units directory, by id
        UNITS.forEach(unit -> quotas.withArray("quotas").addObject().put("unitId", WalkingSkeletonIT.seededUnitId(unit))
                .put("seats", QUOTA));
        HttpResponse<String> quotasSet = send(admin, "PUT", "/api/registrations/events/" + eventId + "/quotas", quotas.toString());
        assertThat(quotasSet.statusCode()).as(quotasSet.body()).isEqualTo(200);

        List<Delegate> delegates = signUp(CROWD);

        // all at once: every request is sent before the first answer is read
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (Delegate delegate : delegates) {
            ObjectNode body = json.createObjectNode().put("eventId", eventId).put("fullName", delegate.fullName())
                    .put("email", delegate.email()).put("phone", String.format("09%08d", delegate.index()))
                    .put("unit", delegate.unit()).put("unitId", WalkingSkeletonIT.seededUnitId(delegate.unit()))
                    .put("position", "Giáo viên").put("category", "TEACHER");
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/api/registrations"))
                    .timeout(Duration.ofSeconds(180)) // longer than the gateway's 120 s: its answer is what is tested
                    .header("Authorization", "Bearer " + delegate.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = inFlight.stream().map(CompletableFuture::join).toList();
        System.out.printf("FlashCrowdIT: %d registrations at once answered within %.1f s%n", CROWD, (System.nanoTime() - start) / 1e9);

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        List<String> notCreated = answers.stream().filter(a -> a.statusCode() != 201)
                .map(a -> a.statusCode() + " " + a.body()).limit(5).toList();
        assertThat(byStatus).as("answers by status, e.g. %s", notCreated).containsOnlyKeys(201);
        Map<String, Long> decisions = answers.stream()
                .collect(Collectors.groupingBy(a -> json.readTree(a.body()).get("status").asString(), Collectors.counting()));
        assertThat(decisions).containsOnly(Map.entry("CONFIRMED", (long) SEATS), Map.entry("WAITLISTED", (long) (CROWD - SEATS)));

        // what the service counts agrees with the answers, and no office is beyond its quota
        JsonNode seats = json.readTree(send(null, "GET", "/api/registrations/events/" + eventId, null).body());
        assertThat(seats.get("confirmed").asInt()).isEqualTo(SEATS);
        assertThat(seats.get("seatsLeft").asInt()).isZero();
        Map<String, Integer> confirmedByUnit = new LinkedHashMap<>();
        for (JsonNode unit : seats.get("quotas")) {
            confirmedByUnit.put(unit.get("unit").asString(), unit.get("confirmed").asInt());
            assertThat(unit.get("overQuota").asBoolean()).as(unit.toString()).isFalse();
        }
        assertThat(confirmedByUnit).containsOnlyKeys(UNITS);
        assertThat(confirmedByUnit.values()).allSatisfy(confirmed -> assertThat(confirmed).isBetween(0, QUOTA));
        assertThat(confirmedByUnit.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(SEATS);
        Map<String, Long> confirmedAnswersByUnit = new LinkedHashMap<>();
        for (int i = 0; i < CROWD; i++) {
            if (json.readTree(answers.get(i).body()).get("status").asString().equals("CONFIRMED")) {
                confirmedAnswersByUnit.merge(delegates.get(i).unit(), 1L, Long::sum);
            }
        }
        confirmedByUnit.forEach((unit, confirmed) ->
                assertThat(confirmedAnswersByUnit.getOrDefault(unit, 0L)).as(unit).isEqualTo(confirmed.longValue()));
    }

    private String openEvent() throws Exception {
        HttpResponse<String> created = send(admin, "POST", "/api/events", """
                {"title": "Hội nghị tập huấn chuyên môn cấp tỉnh", "kind": "CONFERENCE", "level": "PROVINCE",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-01-14", "endDate": "2027-01-15", "capacity": %d}
                """.formatted(SEATS));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String eventId = json.readTree(created.body()).get("id").asString();
        assertThat(send(admin, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(send(admin, "POST", "/api/events/" + eventId + "/registration/open", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = send(null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });
        return eventId;
    }

    record Delegate(int index, String email, String fullName, String unit, String token) {
    }

    /** Delegates whose verified accounts the administrator made at the identity service, signed in as a script does. */
    private List<Delegate> signUp(int count) throws Exception {
        // each account is of her office (the administrator vouches for it): the identity service must have learnt the
        // seeded directory from hoithao.units first
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(
                stack.url(App.IDENTITY).resolve("/api/identity/accounts"), admin, json.createObjectNode()
                        .put("email", "probe@crowd.hoithao.edu.vn").put("password", "mat-khau-probe").put("fullName", "Thử")
                        .put("unitId", WalkingSkeletonIT.seededUnitId(UNITS.get(UNITS.size() - 1))).toString()).statusCode() != 400);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Delegate>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    String email = "gv" + index + "@crowd.hoithao.edu.vn";
                    String password = "mat-khau-" + index;
                    String fullName = NAMES.get(index % NAMES.size());
                    HttpResponse<String> made = post(stack.url(App.IDENTITY).resolve("/api/identity/accounts"), admin,
                            json.createObjectNode().put("email", email).put("password", password).put("fullName", fullName)
                                    .put("unitId", WalkingSkeletonIT.seededUnitId(UNITS.get(index % UNITS.size()))).toString());
                    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
                    return new Delegate(index, email, fullName, UNITS.get(index % UNITS.size()),
                            SignIn.accessToken(stack.url(App.IDENTITY), email, password));
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
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
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
