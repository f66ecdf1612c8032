package io.hoithao.bench;

import io.hoithao.devstack.Calls;
import io.hoithao.devstack.SignIn;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The setup calls (events, quotas, delegates, tokens), straight to the services, as an administrator. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String ORGANISER_UNIT = "Sở GD&ĐT Bắc Kạn";
    /** The units delegates register for; P1 gives each a quota. */
    public static final List<String> UNITS = List.of(
            "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Bạch Thông", "Phòng GD&ĐT Ba Bể", "Phòng GD&ĐT Na Rì",
            "Phòng GD&ĐT Ngân Sơn", "Phòng GD&ĐT Pác Nặm", "Phòng GD&ĐT Chợ Đồn", "Phòng GD&ĐT TP Bắc Kạn");
    private static final List<String> NAMES = List.of(
            "Nguyễn Thị Hoà", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Vũ Quốc Bảo",
            "Đặng Thị Mai", "Bùi Văn Long", "Đỗ Thị Hương", "Hà Văn Sơn", "Nông Thị Kim", "Triệu Văn Hùng");

    private final Target target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String admin;
    private final java.util.concurrent.atomic.AtomicInteger signInFailures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastSignInFailure;

    public Api(Target target) throws Exception {
        this.target = target;
        this.admin = SignIn.accessToken(target.identity(), "admin@hoithao.local", "admin-dev-password");
    }

    /** The id the events service's seed (hoithao.units.seed=bac-kan, the devstack's default) gives a unit of this official name. */
    public static String unitId(String officialName) {
        return java.util.UUID.nameUUIDFromBytes(("hoithao/units/seed/" + officialName)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public String adminToken() {
        return admin;
    }

    public HttpClient http() {
        return http;
    }

    /** A signed-in delegate with a verified email. */
    public record Delegate(int index, String email, String fullName, String token) {
    }

    /** An event of the organiser unit, published and open for registration, known to the registrations service. */
    public String openEvent(String title, int capacity) throws Exception {
        LocalDate day = LocalDate.now().plusMonths(2);
        ObjectNode body = JSON.createObjectNode()
                .put("title", title).put("kind", "CONFERENCE").put("level", "PROVINCE").put("organiserUnit", ORGANISER_UNIT)
                .put("startDate", day.toString()).put("endDate", day.plusDays(1).toString()).put("capacity", capacity);
        String id = expect(send("POST", target.events().resolve("/api/events"), admin, body.toString()), 201).get("id").asString();
        expect(send("POST", target.events().resolve("/api/events/" + id + "/publish"), admin, null), 200);
        expect(send("POST", target.events().resolve("/api/events/" + id + "/registration/open"), admin, null), 200);
        awaitJson(target.registrations().resolve("/api/registrations/events/" + id), null,
                seats -> seats.path("registrationOpen").asBoolean(false), Duration.ofSeconds(60));
        return id;
    }

    public JsonNode quotas(String eventId, Map<String, Integer> seatsByUnit) throws Exception {
        var list = JSON.createArrayNode();
        seatsByUnit.forEach((unit, seats) -> list.addObject().put("unitId", unitId(unit)).put("seats", seats));
        ObjectNode body = JSON.createObjectNode();
        body.set("quotas", list);
        return expect(send("PUT", target.registrations().resolve("/api/registrations/events/" + eventId + "/quotas"), admin,
                body.toString()), 200);
    }

    public JsonNode seats(String eventId) throws Exception {
        return expect(send("GET", target.registrations().resolve("/api/registrations/events/" + eventId), null, null), 200);
    }

    /**
     * {@code count} delegates whose verified accounts the administrator makes, signed in (tokens minted
     * once, reused by every scenario), {@code threads} at a time.
     */
    public List<Delegate> delegates(int count, String tag, int threads) throws Exception {
        // each account belongs to a unit of the directory, which the identity service learns from hoithao.units:
        // until it has, an account naming a unit is refused (400)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String probe = JSON.createObjectNode().put("email", "probe." + tag + "@bench.hoithao.edu.vn")
                .put("password", "bench-password-probe").put("fullName", "Thử").put("unitId", unitId(UNITS.get(UNITS.size() - 1)))
                .toString();
        while (send("POST", target.identity().resolve("/api/identity/accounts"), admin, probe).statusCode() == 400) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The identity service did not learn the units directory within 60 s");
            }
            Thread.sleep(500); // polling another process's state: nothing to wait on but time
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Delegate>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> delegate(index, tag)));
            }
            List<Delegate> delegates = new ArrayList<>();
            for (Future<Delegate> f : futures) {
                delegates.add(f.get());
            }
            return delegates;
        } finally {
            pool.shutdownNow();
        }
    }

    private Delegate delegate(int index, String tag) throws Exception {
        String email = "gv" + index + "." + tag + "@bench.hoithao.edu.vn";
        String password = "bench-password-" + index;
        String name = NAMES.get(index % NAMES.size());
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password).put("fullName", name)
                .put("unitId", unitId(UNITS.get(index % UNITS.size())));
        // the administrator makes the accounts, verified (a self sign-up is verified only from its mailbox)
        HttpResponse<String> created = send("POST", target.identity().resolve("/api/identity/accounts"), admin, body.toString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Account for " + email + " answered " + created.statusCode() + ": " + created.body());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return new Delegate(index, email, name, SignIn.accessToken(target.identity(), email, password));
            } catch (IllegalStateException e) {
                // Concurrent sign-ins sometimes get a 500 from the issuer; counted and reported, then signed in again.
                if (attempt >= 5 || !e.getMessage().contains(" answered 5")) {
                    throw e;
                }
                signInFailures.incrementAndGet();
                lastSignInFailure = e.getMessage();
            }
        }
    }

    /** Sign-ins the issuer answered with a 5xx (then tried again) while minting the delegates' tokens. */
    public int signInFailures() {
        return signInFailures.get();
    }

    public String lastSignInFailure() {
        return lastSignInFailure;
    }

    /** The registration a delegate makes for herself, as a request to {@code base} (the gateway or the service). */
    public static HttpRequest registration(URI base, Delegate delegate, String eventId, String unit) {
        ObjectNode body = JSON.createObjectNode().put("eventId", eventId).put("fullName", delegate.fullName())
                .put("email", delegate.email()).put("phone", String.format("09%08d", delegate.index() % 100_000_000))
                .put("unit", unit).put("unitId", unitId(unit)).put("position", "Giáo viên").put("category", "TEACHER");
        return HttpRequest.newBuilder(base.resolve("/api/registrations")).timeout(Load.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + delegate.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public static HttpRequest get(URI uri, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Load.REQUEST_TIMEOUT).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    /** The registration's status field of a 201 answer, else null. */
    public static String registrationStatus(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            return null;
        }
        return JSON.readTree(response.body()).path("status").asString(null);
    }

    public HttpResponse<String> send(String method, URI uri, String token, String body) throws Exception {
        return Calls.send(http, uri, Duration.ofSeconds(60), token, method, body);
    }

    public JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** Polls a JSON GET until the answer is 200 and satisfies {@code ready}. */
    public JsonNode awaitJson(URI uri, String token, Predicate<JsonNode> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", uri, token, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode node = JSON.readTree(response.body());
                if (ready.test(node)) {
                    return node;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Not ready within " + timeout.toSeconds() + " s: GET " + uri + " last answered " + last);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
