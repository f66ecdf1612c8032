package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose realm on the real Keycloak ({@code keycloak-quarkus-dist}, unpacked by the build; no Docker) as the
 * issuer of the services and the gateway, as in docker-compose.yml: people sign in at Keycloak's pages with the PKCE
 * flow as a browser does, and the tokens Keycloak gives work through the gateway as the identity service's do: roles,
 * the unit's id, {@code email_verified} and the audience {@code hoithao}. Keycloak and the stack start once for the
 * class, side by side.
 *
 * <p>The realm's seeded users have temporary passwords: the administrator, the organiser and the reviewer each set a
 * new one on Keycloak's "Update password" page at their first sign-in, as people do. The delegates, an unverified user
 * and a client without the audience are set up through Keycloak's admin API (the master realm's bootstrap admin);
 * they exist only in this test's Keycloak, whose database is in memory.
 */
class KeycloakIT {

    static final String REALM = "hoithao";
    static final String CLIENT = "hoithao-cli";
    static final String DEPARTMENT = "Sở GD&ĐT Bắc Kạn";
    /** Keycloak and three apps start at once: on a machine busy with other builds that takes minutes. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(600);

    @TempDir
    static Path dataDir;

    static KeycloakServer keycloak;
    static DevStack stack;
    static URI issuer;
    static String admin;
    static String organiser;
    static String reviewer;
    static String delegate;

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.4.0"));
        Path repo = Path.of("../.."); // Failsafe runs in infra/devstack
        keycloak = KeycloakServer.launch(home, repo.resolve("infra/compose/keycloak/hoithao-realm.json"),
                Path.of("target/keycloak-it.log"));
        issuer = keycloak.realm(REALM);
        DevStackConfig config;
        do {
            config = DevStackConfig.builder().repoRoot(repo).dataDir(dataDir).freePorts()
                    .services(App.EVENTS, App.REGISTRATIONS, App.GATEWAY)
                    .readyTimeout(READY_TIMEOUT)
                    .issuer(issuer, null) // the keys at Keycloak's <issuer>/protocol/openid-connect/certs
                    .build();
        } while (overlaps(config, keycloak.ports()));
        try {
            // the services fetch the realm's keys until Keycloak answers, so both start at once
            stack = DevStack.start(config, DevStack.silent());
            keycloak.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        admin = KeycloakSignIn.accessToken(issuer, CLIENT, "admin@hoithao.local", "admin-dev-password", "Quan-tri-moi-2026");
        organiser = KeycloakSignIn.accessToken(issuer, CLIENT, "organiser@backan.hoithao.local", "organiser-dev-password",
                "To-chuc-moi-2026");
        // a temporary password gives no token until a new one is set on Keycloak's page
        assertThatThrownBy(() -> KeycloakSignIn.accessToken(issuer, CLIENT, "reviewer@hoithao.local", "reviewer-dev-password", null))
                .isInstanceOfSatisfying(KeycloakSignIn.Stopped.class, stopped -> assertThat(stopped.requiredAction()).isEqualTo("UPDATE_PASSWORD"));
        reviewer = KeycloakSignIn.accessToken(issuer, CLIENT, "reviewer@hoithao.local", "reviewer-dev-password", "Phan-bien-moi-2026");
        createUser("ha.le@mndongtam.edu.vn", "Lê Thị Thu", "Hà", true, "Lop-hoc-hanh-phuc-1");
        delegate = KeycloakSignIn.accessToken(issuer, CLIENT, "ha.le@mndongtam.edu.vn", "Lop-hoc-hanh-phuc-1", null);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void keycloaksTokensCarryTheClaimsTheServicesRead() throws Exception {
        JsonNode claims = claims(organiser);
        assertThat(claims.get("iss").asString()).isEqualTo(issuer.toString());
        assertThat(claims.get("aud").valueStream().map(JsonNode::asString)).contains("hoithao");
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).contains("organiser");
        assertThat(claims.get("email").asString()).isEqualTo("organiser@backan.hoithao.local");
        assertThat(claims.get("email_verified").asBoolean()).isTrue();
        assertThat(claims.get("unit").asString()).isEqualTo(DEPARTMENT);

        // the unit id is the one the units directory gives her department
        HttpResponse<String> found = send(null, "GET", "/api/events/units?level=PROVINCE&q="
                + URLEncoder.encode(DEPARTMENT, StandardCharsets.UTF_8), null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        List<JsonNode> units = json.readTree(found.body()).get("items").valueStream()
                .filter(unit -> unit.get("officialName").asString().equals(DEPARTMENT)).toList();
        assertThat(units).hasSize(1);
        assertThat(claims.get("unit_id").asString()).isEqualTo(units.get(0).get("id").asString());

        assertThat(claims(admin).get("roles").valueStream().map(JsonNode::asString)).contains("admin");
        assertThat(claims(delegate).get("roles").valueStream().map(JsonNode::asString)).containsOnlyOnce("delegate")
                .doesNotContain("admin", "organiser", "reviewer");
    }

    @Test
    void rolesDecideThroughTheGatewayAsWithTheIdentityService() throws Exception {
        // units by their directory id: the organiser's token carries hers as unit_id (Keycloak's mapper)
        String event = """
                {"title": "Hội thảo", "kind": "WORKSHOP", "level": "SCHOOL", "organiserUnitId": "%s",
                 "startDate": "2026-12-22", "endDate": "2026-12-22", "capacity": 10}
                """;
        String ownUnit = event.formatted(WalkingSkeletonIT.seededUnitId(DEPARTMENT));
        String otherUnit = event.formatted(WalkingSkeletonIT.seededUnitId("Trường Mầm non Đồng Tâm"));

        assertThat(send(null, "POST", "/api/events", ownUnit).statusCode()).isEqualTo(401);
        assertThat(send(admin, "POST", "/api/events", otherUnit).statusCode()).isEqualTo(201);
        assertThat(send(organiser, "POST", "/api/events", ownUnit).statusCode()).isEqualTo(201);
        HttpResponse<String> notHers = send(organiser, "POST", "/api/events", otherUnit);
        assertThat(notHers.statusCode()).as(notHers.body()).isEqualTo(403);
        assertThat(send(reviewer, "POST", "/api/events", ownUnit).statusCode()).isEqualTo(403);
        HttpResponse<String> byDelegate = send(delegate, "POST", "/api/events", ownUnit);
        assertThat(byDelegate.statusCode()).isEqualTo(403);
        assertThat(json.readTree(byDelegate.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/forbidden");

        // a delegate's own things go by her verified email
        HttpResponse<String> mine = send(delegate, "GET", "/api/registrations/mine", null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    }

    @Test
    void anUnverifiedAddressOwnsNothing() throws Exception {
        createUser("chua.xac.nhan@mndongtam.edu.vn", "Chưa", "Xác nhận", false, "Chua-xac-nhan-1");
        // a realm that does not ask her to verify her address (an administrator's choice) gives her a token saying it
        // is not verified; the services take no email from it, so nothing is hers: she neither registers herself nor
        // lists "her" registrations
        String unverified;
        admin("PUT", "/admin/realms/" + REALM, "{\"verifyEmail\": false}");
        try {
            unverified = KeycloakSignIn.accessToken(issuer, CLIENT, "chua.xac.nhan@mndongtam.edu.vn", "Chua-xac-nhan-1", null);
        } finally {
            admin("PUT", "/admin/realms/" + REALM, "{\"verifyEmail\": true}");
        }
        // as shipped, the realm asks her to verify it before it gives any token
        assertThatThrownBy(() -> KeycloakSignIn.accessToken(issuer, CLIENT, "chua.xac.nhan@mndongtam.edu.vn", "Chua-xac-nhan-1", null))
                .isInstanceOfSatisfying(KeycloakSignIn.Stopped.class, stopped -> assertThat(stopped.requiredAction()).isEqualTo("VERIFY_EMAIL"));

        assertThat(claims(unverified).get("email_verified").asBoolean()).isFalse();
        assertThat(claims(unverified).get("email").asString()).isEqualTo("chua.xac.nhan@mndongtam.edu.vn");

        HttpResponse<String> mine = send(unverified, "GET", "/api/registrations/mine", null);
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(403);
        HttpResponse<String> herself = send(unverified, "POST", "/api/registrations", """
                {"eventId": "any-event", "fullName": "Chưa Xác nhận", "email": "chua.xac.nhan@mndongtam.edu.vn",
                 "phone": "0987654321", "unit": "Trường Mầm non Đồng Tâm", "position": "Giáo viên", "category": "TEACHER"}
                """);
        assertThat(herself.statusCode()).as(herself.body()).isEqualTo(403);
        assertThat(herself.body()).contains("verify your address first");
        assertThat(send(delegate, "GET", "/api/registrations/mine", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        // another application's public client in the same realm: the same issuer, keys and roles, but not for hoithao
        admin("POST", "/admin/realms/" + REALM + "/clients", """
                {"clientId": "another-app", "publicClient": true, "standardFlowEnabled": true,
                 "directAccessGrantsEnabled": false, "redirectUris": ["%s"],
                 "attributes": {"pkce.code.challenge.method": "S256"},
                 "protocolMappers": [{"name": "roles", "protocol": "openid-connect",
                   "protocolMapper": "oidc-usermodel-realm-role-mapper",
                   "config": {"claim.name": "roles", "jsonType.label": "String", "multivalued": "true", "access.token.claim": "true"}}]}
                """.formatted(KeycloakSignIn.REDIRECT));
        String elsewhere = KeycloakSignIn.accessToken(issuer, "another-app", "ha.le@mndongtam.edu.vn", "Lop-hoc-hanh-phuc-1", null);
        JsonNode claims = claims(elsewhere);
        assertThat(claims.get("iss").asString()).isEqualTo(issuer.toString());
        assertThat(claims.get("roles").valueStream().map(JsonNode::asString)).contains("delegate");
        assertThat(claims.path("aud").valueStream().map(JsonNode::asString)).doesNotContain("hoithao");

        HttpResponse<String> refused = send(elsewhere, "GET", "/api/registrations/mine", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("https://hoithao.io/problems/invalid-token");
        assertThat(send(delegate, "GET", "/api/registrations/mine", null).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean overlaps(DevStackConfig config, List<Integer> taken) {
        List<Integer> ports = new ArrayList<>(List.of(config.kafkaPort(), config.kafkaControllerPort(), config.mongoPort(),
                config.smtpPort(), config.inboxPort()));
        IntStream.range(0, App.values().length).forEach(i -> ports.add(config.port(App.values()[i])));
        return ports.stream().anyMatch(taken::contains);
    }

    /** A user made by an administrator through Keycloak's admin API, with a password that is not temporary. */
    private static void createUser(String email, String firstName, String lastName, boolean verified, String password) throws Exception {
        admin("POST", "/admin/realms/" + REALM + "/users", """
                {"username": "%1$s", "email": "%1$s", "emailVerified": %2$s, "enabled": true,
                 "firstName": "%3$s", "lastName": "%4$s",
                 "credentials": [{"type": "password", "value": "%5$s", "temporary": false}]}
                """.formatted(email, verified, firstName, lastName, password));
    }

    /** A call to Keycloak's admin API as the master realm's administrator (its tokens live 60 s: one each time). */
    private static void admin(String method, String path, String body) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN
                        + "&password=" + KeycloakServer.ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + path))
                .header("Authorization", "Bearer " + json.readTree(token.body()).get("access_token").asString())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isIn(201, 204);
    }

    /** The token's payload; its signature is for the services to check. */
    private static JsonNode claims(String token) {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, stack.gatewayUrl(), Duration.ofSeconds(15), token, method, path, body);
    }
}
