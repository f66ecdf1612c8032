package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A crowd of delegates of the seeded district offices of Bắc Kạn, for the tests where many register at the same
 * moment: their accounts, made by the administrator and signed in as a script does, the offices' quotas, and
 * their registrations, all sent before the first answer is read.
 */
final class Crowd {

    static final List<String> UNITS = List.of(
            "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông", "Phòng GD&ĐT Ba Bể", "Phòng GD&ĐT Na Rì",
            "Phòng GD&ĐT Ngân Sơn", "Phòng GD&ĐT Pác Nặm", "Phòng GD&ĐT Chợ Đồn", "Phòng GD&ĐT TP Bắc Kạn");
    static final List<String> NAMES = List.of(
            "Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Quốc Bảo",
            "Đặng Thị Mai", "Bùi Văn Long", "Đỗ Thị Hương", "Hà Văn Sơn", "Nông Thị Kim", "Triệu Văn Hùng");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Delegate(int index, String email, String fullName, String unit, String token) {
    }

    private Crowd() {
    }

    /** The body of PUT .../quotas giving each office of {@link #UNITS} (by its seeded id) this many seats. */
    static String quotas(int seats) {
        ObjectNode quotas = JSON.createObjectNode();
        UNITS.forEach(unit -> quotas.withArray("quotas").addObject().put("unitId", WalkingSkeletonIT.seededUnitId(unit))
                .put("seats", seats));
        return quotas.toString();
    }

    /**
     * Delegates whose verified accounts the administrator made at the identity service, each of her office, signed in
     * as a script does; their emails are {@code gv<index>@<domain>}.
     */
    static List<Delegate> signUp(HttpClient http, URI identity, String admin, int count, String domain) throws Exception {
        // each account is of her office (the administrator vouches for it): the identity service must have learnt the
        // seeded directory from hoithao.units first
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> account(http, identity, admin,
                "probe@" + domain, "mat-khau-probe", "Thử", UNITS.get(UNITS.size() - 1)).statusCode() != 400);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Delegate>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    String email = "gv" + index + "@" + domain;
                    String password = "mat-khau-" + index;
                    String fullName = NAMES.get(index % NAMES.size());
                    String unit = UNITS.get(index % UNITS.size());
                    HttpResponse<String> made = account(http, identity, admin, email, password, fullName, unit);
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

    private static HttpResponse<String> account(HttpClient http, URI identity, String admin, String email, String password,
            String fullName, String unit) throws Exception {
        return Calls.send(http, identity, Duration.ofSeconds(30), admin, "POST", "/api/identity/accounts", JSON.createObjectNode()
                .put("email", email).put("password", password).put("fullName", fullName)
                .put("unitId", WalkingSkeletonIT.seededUnitId(unit)).toString());
    }

    /** Each delegate registers herself for the event through the gateway, all at once; the answers in the delegates' order. */
    static List<HttpResponse<String>> registerAtOnce(HttpClient http, URI gateway, String eventId, List<Delegate> delegates) {
        // all at once: every request is sent before the first answer is read
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (Delegate delegate : delegates) {
            ObjectNode body = JSON.createObjectNode().put("eventId", eventId).put("fullName", delegate.fullName())
                    .put("email", delegate.email()).put("phone", String.format("09%08d", delegate.index()))
                    .put("unit", delegate.unit()).put("unitId", WalkingSkeletonIT.seededUnitId(delegate.unit()))
                    .put("position", "Giáo viên").put("category", "TEACHER");
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(gateway.resolve("/api/registrations"))
                    .timeout(Duration.ofSeconds(180)) // longer than the gateway's 120 s: its answer is what is tested
                    .header("Authorization", "Bearer " + delegate.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }

    /**
     * Creates the event (its JSON) as the administrator through the gateway, publishes it, opens its registration, and
     * waits until the registrations service has it open; returns its id.
     */
    static String openEvent(HttpClient http, URI gateway, String admin, String event) throws Exception {
        HttpResponse<String> created = Calls.send(http, gateway, Duration.ofSeconds(30), admin, "POST", "/api/events", event);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String eventId = JSON.readTree(created.body()).get("id").asString();
        assertThat(Calls.send(http, gateway, Duration.ofSeconds(30), admin, "POST", "/api/events/" + eventId + "/publish", null)
                .statusCode()).isEqualTo(200);
        assertThat(Calls.send(http, gateway, Duration.ofSeconds(30), admin, "POST", "/api/events/" + eventId + "/registration/open",
                null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = Calls.send(http, gateway, Duration.ofSeconds(30), null, "GET",
                    "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });
        return eventId;
    }
}
