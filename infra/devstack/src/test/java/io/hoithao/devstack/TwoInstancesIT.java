package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.devstack.Crowd.Delegate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./devstack --instances=2}: two of each service behind the gateway, two identity services behind the
 * devstack's balancer. Delegates sign in (their sign-ins' requests spread over both identity services), then 200
 * of them register at the same moment through the gateway, which shares them between both registrations
 * services: exactly the seats are confirmed, no office beyond its quota. A live programme stream held at each
 * events service hears the same changes, whichever instance made them.
 */
class TwoInstancesIT {

    static final int CROWD = 200;
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
        HttpResponse<String> quotasSet = send(admin, "PUT", "/api/registrations/events/" + eventId + "/quotas", Crowd.quotas(QUOTA));
        assertThat(quotasSet.statusCode()).as(quotasSet.body()).isEqualTo(200);

        // a live stream at each events service
        LiveStream first = LiveStream.open(http, stack.url(App.EVENTS, 1), eventId);
        LiveStream second = LiveStream.open(http, stack.url(App.EVENTS, 2), eventId);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.ready() && second.ready());

            // the sign-ins' requests spread over both identity services
            List<Delegate> delegates = Crowd.signUp(http, stack.url(App.IDENTITY), admin, CROWD, "two.hoithao.edu.vn");
            long start = System.nanoTime();
            List<HttpResponse<String>> answers = Crowd.registerAtOnce(http, stack.gatewayUrl(), eventId, delegates);
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
        // both registrations services read the same database: one answer through the gateway tells for both
        return Crowd.openEvent(http, stack.gatewayUrl(), admin, """
                {"title": "Hội nghị tập huấn chuyên môn cấp tỉnh", "kind": "CONFERENCE", "level": "PROVINCE",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-01-14", "endDate": "2027-01-15", "capacity": %d,
                 "venues": [{"name": "Hội trường Sở GD&ĐT", "kind": "HALL", "address": "TP Bắc Kạn"}]}
                """.formatted(SEATS));
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, stack.gatewayUrl(), Duration.ofSeconds(30), token, method, path, body);
    }
}
