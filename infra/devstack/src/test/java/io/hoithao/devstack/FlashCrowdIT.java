package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.devstack.Crowd.Delegate;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        HttpResponse<String> quotasSet = send(admin, "PUT", "/api/registrations/events/" + eventId + "/quotas", Crowd.quotas(QUOTA));
        assertThat(quotasSet.statusCode()).as(quotasSet.body()).isEqualTo(200);

        List<Delegate> delegates = Crowd.signUp(http, stack.url(App.IDENTITY), admin, CROWD, "crowd.hoithao.edu.vn");

        long start = System.nanoTime();
        List<HttpResponse<String>> answers = Crowd.registerAtOnce(http, stack.gatewayUrl(), eventId, delegates);
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
        assertThat(confirmedByUnit).containsOnlyKeys(Crowd.UNITS);
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
        return Crowd.openEvent(http, stack.gatewayUrl(), admin, """
                {"title": "Hội nghị tập huấn chuyên môn cấp tỉnh", "kind": "CONFERENCE", "level": "PROVINCE",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-01-14", "endDate": "2027-01-15", "capacity": %d}
                """.formatted(SEATS));
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, stack.gatewayUrl(), Duration.ofSeconds(30), token, method, path, body);
    }
}
