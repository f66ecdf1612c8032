package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite from the real jars, as {@code ./devstack} runs it (real Kafka broker, Mongo-wire
 * server, four services, gateway), driven only through the gateway: an organiser creates an event and
 * opens its registration; the registrations service learns it from Kafka and accepts a delegate; the
 * observations service learns of the confirmed delegate from Kafka. The delegate reads her mails where
 * a person running {@code ./devstack} reads them, in the devstack's inbox (its SMTP server): the link that
 * verifies her address (identity, Kafka, notifications, SMTP) and the confirmation of her registration.
 * The stack is the one the end-to-end tests share ({@link SharedStack}).
 */
class WalkingSkeletonIT {

    static DevStack stack;
    static URI gateway;
    static String admin;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        gateway = stack.gatewayUrl();
        try {
            admin = SignIn.accessToken(stack.url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");
        } catch (Exception e) {
            throw new AssertionError("Could not sign in as the seeded administrator", e);
        }
        System.out.print(stack.urlTable());
        System.out.print(stack.memoryTable());
    }

    @Test
    void anEventOpenedForRegistrationReachesRegistrationsAndItsDelegateReachesObservations() throws Exception {
        HttpResponse<String> created = send(admin, "POST", "/api/events", """
                {"title": "Sinh hoạt chuyên đề: Xây dựng lớp học hạnh phúc",
                 "kind": "THEMATIC_SESSION", "level": "SCHOOL", "organiserUnit": "Trường Mầm non Đồng Tâm",
                 "startDate": "2026-12-21", "endDate": "2026-12-21", "capacity": 36}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String eventId = json.readTree(created.body()).get("id").asString();

        assertThat(send(admin, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        HttpResponse<String> opened = send(admin, "POST", "/api/events/" + eventId + "/registration/open", null);
        assertThat(json.readTree(opened.body()).get("status").asString()).isEqualTo("REGISTRATION_OPEN");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = send(null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });

        // Her school joins the directory (below the seeded district office of Chợ Mới) through the gateway.
        String school = "Trường Mầm non Hạnh Phúc " + java.util.UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> unit = send(admin, "POST", "/api/events/units", """
                {"officialName": "%s", "kind": "SCHOOL", "level": "SCHOOL", "parentId": "%s"}
                """.formatted(school, seededUnitId("Phòng GD&ĐT Chợ Mới")));
        assertThat(unit.statusCode()).as(unit.body()).isEqualTo(201);
        String schoolId = json.readTree(unit.body()).get("id").asString();

        // The delegate signs up at the identity service choosing her school, a request until someone above confirms it
        // (the identity service learns the new unit from hoithao.units: until then the id is unknown there, 400).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> signedUp = http.send(HttpRequest.newBuilder(stack.url(App.IDENTITY).resolve("/api/identity/users"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"email": "ha.le@mndongtam.edu.vn", "password": "lop-hoc-hanh-phuc", "fullName": "Lê Thị Thu Hà",
                             "unitId": "%s"}
                            """.formatted(schoolId))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(202);
        });
        // until her email is verified she owns nothing: she opens the link mailed to her and confirms
        JsonNode verification = awaitMail("ha.le@mndongtam.edu.vn", "Xác nhận địa chỉ thư điện tử");
        String link = verification.get("text").asString().lines().filter(line -> line.contains("/verify-email?token="))
                .findFirst().orElseThrow().trim();
        assertThat(link).startsWith(stack.url(App.IDENTITY) + "/verify-email?token=");
        SignIn.confirmEmail(URI.create(link), "lop-hoc-hanh-phuc");
        // the administrator confirms the school she asked for; her next token carries it
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(stack.url(App.IDENTITY)
                        .resolve("/api/identity/unit-requests/ha.le@mndongtam.edu.vn"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"confirm\", \"unitId\": \"" + schoolId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String delegate = SignIn.accessToken(stack.url(App.IDENTITY), "ha.le@mndongtam.edu.vn", "lop-hoc-hanh-phuc");
        assertThat(claim(delegate, "unit_id")).isEqualTo(schoolId);
        // She names another school in the body: she is registered for her own. Her request comes with a trace of its
        // own (as from a traced client): one trace id from the gateway to the consumers.
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(gateway.resolve("/api/registrations"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + delegate)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"eventId": "%s", "fullName": "Lê Thị Thu Hà", "email": "ha.le@mndongtam.edu.vn",
                         "phone": "0987654321", "unit": "Trường Mầm non Đồng Tâm", "unitId": "%s", "position": "Giáo viên",
                         "category": "TEACHER"}
                        """.formatted(eventId, seededUnitId("Trường Mầm non Đồng Tâm")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode registration = json.readTree(registered.body());
        assertThat(registration.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(registration.get("unitId").asString()).isEqualTo(schoolId);
        assertThat(registration.get("unit").asString()).isEqualTo(school);
        // her own registration is hers to read; nobody else's token opens it
        String registrationPath = "/api/registrations/" + registration.get("id").asString();
        assertThat(send(delegate, "GET", registrationPath, null).statusCode()).isEqualTo(200);
        assertThat(send(null, "GET", registrationPath, null).statusCode()).isEqualTo(401);

        // her confirmation mail, with her code, and the organisers' delivery log through the gateway
        JsonNode confirmation = awaitMail("ha.le@mndongtam.edu.vn", "Đã xác nhận đăng ký");
        assertThat(confirmation.get("subject").asString()).isEqualTo("Đã xác nhận đăng ký: Sinh hoạt chuyên đề: Xây dựng lớp học hạnh phúc");
        assertThat(confirmation.get("text").asString()).contains("Kính gửi Lê Thị Thu Hà,")
                .contains("Mã xác nhận: " + registration.get("confirmationCode").asString());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode log = json.readTree(send(admin, "GET", "/api/notifications/events/" + eventId + "/deliveries", null).body());
            assertThat(log.get("items").get(0).get("kind").asString()).isEqualTo("registration.confirmed");
            assertThat(log.get("items").get(0).get("state").asString()).isEqualTo("SENT");
        });

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode observers = json.readTree(send(admin, "GET", "/api/observations/events/" + eventId + "/observers", null).body());
            assertThat(observers.isArray()).isTrue();
            assertThat(observers).hasSize(1);
            assertThat(observers.get(0).get("registrationId").asString()).isEqualTo(registration.get("id").asString());
            assertThat(observers.get(0).get("fullName").asString()).isEqualTo("Lê Thị Thu Hà");
        });
        // The observations service applied her RegistrationConfirmed in the trace her request began at the gateway:
        // through the registrations service, its outbox (the traceparent kept with the entry) and the Kafka record.
        Path observationsLog = SharedStack.log(App.OBSERVATIONS);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(java.nio.file.Files.readAllLines(observationsLog))
                        .as("the observations service's log line for her confirmation")
                        .anySatisfy(line -> assertThat(line).contains("Handling RegistrationConfirmed", traceId)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(send(null, "GET", "/api/presentations/events/" + eventId, null).statusCode()).isEqualTo(200));

        // The school is renamed in the directory: once the message is applied, her registration and her next token say so.
        HttpResponse<String> renamed = send(admin, "POST", "/api/events/units/" + schoolId + "/rename",
                "{\"officialName\": \"" + school + " (mới)\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(json.readTree(send(delegate, "GET", registrationPath, null).body()).get("unit").asString())
                    .isEqualTo(school + " (mới)");
            assertThat(claim(SignIn.accessToken(stack.url(App.IDENTITY), "ha.le@mndongtam.edu.vn", "lop-hoc-hanh-phuc"), "unit"))
                    .isEqualTo(school + " (mới)");
        });
    }

    /** The id the events service's seed (hoithao.units.seed=bac-kan) gives the unit of this official name. */
    static String seededUnitId(String officialName) {
        return java.util.UUID.nameUUIDFromBytes(("hoithao/units/seed/" + officialName)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** A claim of an access token, read from its payload (its signature is the services' to check). */
    private String claim(String token, String name) throws Exception {
        JsonNode payload = json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.has(name) ? payload.get(name).asString() : null;
    }

    @Test
    void theGatewayAnswersBadRequestsWithProblemJson() throws Exception {
        HttpResponse<String> malformed = send(admin, "POST", "/api/events", "{\"title\": \"Hội nghị\",");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(malformed.body()).get("type").asString())
                .isEqualTo("https://hoithao.io/problems/malformed-request");

        HttpResponse<String> unknown = send(null, "GET", "/api/nowhere", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(unknown.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/not-found");
    }

    @Test
    void everyServiceIsHealthyAndDescribesItsApiThroughTheGateway() throws Exception {
        for (App app : App.values()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(stack.url(app).resolve("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(app.id() + " " + health.body()).isEqualTo(200);
        }
        for (String service : new String[] {"events", "registrations", "observations", "presentations", "notifications"}) {
            HttpResponse<String> docs = send(null, "GET", "/api/" + service + "/v3/api-docs", null);
            assertThat(docs.statusCode()).as(service).isEqualTo(200);
            assertThat(json.readTree(docs.body()).get("paths").propertyNames())
                    .as(service).anyMatch(path -> path.startsWith("/api/" + service));
        }
    }

    @Test
    void signingInIsNeededAndBadTokensStopAtTheGateway() throws Exception {
        String event = """
                {"title": "Hội thảo", "kind": "WORKSHOP", "level": "SCHOOL", "organiserUnit": "Trường Mầm non Đồng Tâm",
                 "startDate": "2026-12-22", "endDate": "2026-12-22", "capacity": 10}
                """;
        HttpResponse<String> anonymous = send(null, "POST", "/api/events", event);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json.readTree(anonymous.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/unauthenticated");

        HttpResponse<String> forged = send(admin.substring(0, admin.length() - 4) + "AAAA", "POST", "/api/events", event);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/invalid-token");

        // the department's organiser: another unit's event, named by its directory id, is not hers to make; her own is
        String organiser = SignIn.accessToken(stack.url(App.IDENTITY), "organiser@backan.hoithao.local", "organiser-dev-password");
        String byId = event.replace("\"organiserUnit\": \"Trường Mầm non Đồng Tâm\"",
                "\"organiserUnitId\": \"" + seededUnitId("Trường Mầm non Đồng Tâm") + "\"");
        HttpResponse<String> otherUnit = send(organiser, "POST", "/api/events", byId);
        assertThat(otherUnit.statusCode()).as(otherUnit.body()).isEqualTo(403);
        HttpResponse<String> own = send(organiser, "POST", "/api/events", byId.replace(seededUnitId("Trường Mầm non Đồng Tâm"),
                seededUnitId("Sở GD&ĐT Bắc Kạn")));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        assertThat(json.readTree(own.body()).get("organiserUnit").asString()).isEqualTo("Sở GD&ĐT Bắc Kạn");
    }

    /** The first mail to {@code to} whose subject starts so, from the devstack's inbox (as JSON), once it has arrived. */
    private JsonNode awaitMail(String to, String subject) {
        URI inbox = URI.create(stack.inboxUrl()).resolve("/api/messages?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8));
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> mails = http.send(HttpRequest.newBuilder(inbox).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode mail : json.readTree(mails.body())) {
                if (mail.get("subject").asString().startsWith(subject)) {
                    found[0] = mail;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, gateway, Duration.ofSeconds(15), token, method, path, body);
    }
}
