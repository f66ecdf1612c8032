package io.hoithao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.MessageCodec;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.UserAccount;
import io.hoithao.identity.user.UserDirectory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who belongs to which unit, with the directory learnt from {@code hoithao.units} on a real (embedded) broker: a
 * unit chosen at sign-up is a request that an administrator or an organiser of that unit or one above it confirms;
 * the tokens then carry {@code unit_id} and the unit's current name. Two schools whose names fold alike stay two.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoithao.identity.issuer=" + VerificationMailOutboxIT.ISSUER,
        "hoithao.identity.verification-mail=log",
        "hoithao.identity.throttle.sign-in-per-address.limit=100000",
        "hoithao.identity.throttle.sign-up-per-address.limit=100000"})
class UnitMembershipIT {

    static final EmbeddedKafkaKraftBroker KAFKA = VerificationMailOutboxIT.KAFKA;
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "long-enough-password";

    static final String DEPARTMENT = UUID.randomUUID().toString();
    static final String OFFICE = UUID.randomUUID().toString();
    static final String TAN_HOA = UUID.randomUUID().toString();
    static final String TAN_HOA_ACUTE = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("identity_units_it"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @LocalServerPort
    int port;

    @Autowired
    KnownUnits units;

    @Autowired
    UserDirectory users;

    @BeforeAll
    static void publishTheDirectory() {
        publish(created(DEPARTMENT, "Sở GD&ĐT Thử nghiệm", null, "DEPARTMENT", "PROVINCE"),
                created(OFFICE, "Phòng GD&ĐT Tân Lập", DEPARTMENT, "DISTRICT_OFFICE", "DISTRICT"),
                created(TAN_HOA, "Trường Mầm non Tân Hòa", OFFICE, "SCHOOL", "SCHOOL"),
                created(TAN_HOA_ACUTE, "Trường Mầm non Tân Hóa", OFFICE, "SCHOOL", "SCHOOL"));
    }

    @Test
    void aRequestedUnitIsHersOnceAnOrganiserAboveItConfirmsItAndARenameShowsInHerNextToken() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find(TAN_HOA_ACUTE).isPresent() && units.find(OFFICE).isPresent());
        Browser browser = new Browser(URI.create("http://localhost:" + port));
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        String hoaOrganiser = organiser(browser, admin, TAN_HOA);
        String officeOrganiser = organiser(browser, admin, OFFICE);

        String lan = "lan-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        HttpResponse<String> signedUp = browser.json("POST", "/api/identity/users", """
                {"email": "%s", "password": "%s", "fullName": "Phạm Thị Lan", "unitId": "%s"}""".formatted(lan, PASSWORD, TAN_HOA_ACUTE), null);
        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(202);
        assertThat(claims(browser, lan).getClaims()).as("a request is not her unit").doesNotContainKeys("unit", "unit_id");

        // the organiser of Tân Hòa neither sees nor decides a request for Tân Hóa, whose name folds like hers
        assertThat(browser.json("GET", "/api/identity/unit-requests", null, hoaOrganiser).body()).doesNotContain(lan);
        HttpResponse<String> notHers = browser.json("POST", "/api/identity/unit-requests/" + lan,
                "{\"decision\": \"confirm\", \"unitId\": \"" + TAN_HOA_ACUTE + "\"}", hoaOrganiser);
        assertThat(notHers.statusCode()).as(notHers.body()).isEqualTo(403);
        assertThat(notHers.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        HttpResponse<String> wrongUnit = browser.json("POST", "/api/identity/unit-requests/" + lan,
                "{\"decision\": \"confirm\", \"unitId\": \"" + TAN_HOA + "\"}", hoaOrganiser);
        assertThat(wrongUnit.statusCode()).as("she asked for another unit").isEqualTo(409);
        assertThat(users.find(lan).orElseThrow().unitId()).isNull();

        // the district office's organiser, above the school, sees and confirms it
        HttpResponse<String> pending = browser.json("GET", "/api/identity/unit-requests", null, officeOrganiser);
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body()).contains(lan).contains(TAN_HOA_ACUTE);
        HttpResponse<String> confirmed = browser.json("POST", "/api/identity/unit-requests/" + lan,
                "{\"decision\": \"confirm\", \"unitId\": \"" + TAN_HOA_ACUTE + "\"}", officeOrganiser);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(confirmed.body());
        assertThat(view.get("unitId").asString()).isEqualTo(TAN_HOA_ACUTE);
        assertThat(view.has("requestedUnitId")).isFalse();
        assertThat(browser.json("POST", "/api/identity/unit-requests/" + lan,
                "{\"decision\": \"confirm\", \"unitId\": \"" + TAN_HOA_ACUTE + "\"}", officeOrganiser).statusCode())
                .as("decided already").isEqualTo(409);

        JWTClaimsSet hers = claims(browser, lan);
        assertThat(hers.getStringClaim("unit_id")).isEqualTo(TAN_HOA_ACUTE);
        assertThat(hers.getStringClaim("unit")).isEqualTo("Trường Mầm non Tân Hóa");

        publish(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, TAN_HOA_ACUTE,
                "Trường Mầm non Tân Hóa B", "MN Tân Hóa B", "Trường Mầm non Tân Hóa", 1));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "Trường Mầm non Tân Hóa B".equals(claims(browser, lan).getStringClaim("unit")));
        assertThat(claims(browser, lan).getStringClaim("unit_id")).isEqualTo(TAN_HOA_ACUTE);
    }

    @Test
    void aRejectedRequestLeavesHerWithoutAUnitAndOnlyThoseAboveAUnitSetIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> units.find(TAN_HOA).isPresent() && units.find(OFFICE).isPresent());
        Browser browser = new Browser(URI.create("http://localhost:" + port));
        String admin = Browser.accessToken(browser.base(), "admin@hoithao.local", "admin-dev-password");
        String hoaOrganiser = organiser(browser, admin, TAN_HOA);

        String minh = "minh-" + UUID.randomUUID().toString().substring(0, 8) + "@truong.edu.vn";
        assertThat(browser.json("POST", "/api/identity/users", """
                {"email": "%s", "password": "%s", "fullName": "Trần Văn Minh", "unit": "Tân Hòa", "unitId": "%s"}"""
                .formatted(minh, PASSWORD, TAN_HOA), null).statusCode()).isEqualTo(202);
        HttpResponse<String> rejected = browser.json("POST", "/api/identity/unit-requests/" + minh,
                "{\"decision\": \"reject\", \"unitId\": \"" + TAN_HOA + "\"}", hoaOrganiser);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        UserAccount stored = users.find(minh).orElseThrow();
        assertThat(stored.unitId()).isNull();
        assertThat(stored.requestedUnitId()).isNull();

        // her own school's organiser may set it; the office above hers is not hers to give
        assertThat(browser.json("PUT", "/api/identity/users/" + minh + "/unit", "{\"unitId\": \"" + OFFICE + "\"}", hoaOrganiser)
                .statusCode()).isEqualTo(403);
        assertThat(browser.json("PUT", "/api/identity/users/" + minh + "/unit", "{\"unitId\": \"" + TAN_HOA + "\"}", hoaOrganiser)
                .statusCode()).isEqualTo(200);
        assertThat(users.find(minh).orElseThrow().unitId()).isEqualTo(TAN_HOA);
        String delegate = Browser.accessToken(browser.base(), minh, PASSWORD);
        assertThat(browser.json("PUT", "/api/identity/users/" + minh + "/unit", "{\"unitId\": \"" + TAN_HOA + "\"}", delegate)
                .statusCode()).isEqualTo(403);
        assertThat(browser.json("GET", "/api/identity/unit-requests", null, delegate).statusCode()).isEqualTo(403);

        HttpResponse<String> unknown = browser.json("POST", "/api/identity/users", """
                {"email": "x-%s", "password": "%s", "fullName": "Ai Đó", "unitId": "no-such-unit"}""".formatted(minh, PASSWORD), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"unitId\"");
        assertThat(browser.json("PUT", "/api/identity/users/" + minh + "/unit", "{\"unitId\": \"no-such-unit\"}", admin)
                .statusCode()).isEqualTo(400);
    }

    /** A new organiser of the unit, made by the administrator; her access token. */
    private static String organiser(Browser browser, String admin, String unitId) {
        String email = "organiser-" + UUID.randomUUID().toString().substring(0, 8) + "@phong.edu.vn";
        HttpResponse<String> made = browser.json("POST", "/api/identity/accounts", """
                {"email": "%s", "password": "%s", "fullName": "Ban tổ chức"}""".formatted(email, PASSWORD), admin);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        HttpResponse<String> promoted = browser.json("PUT", "/api/identity/users/" + email + "/roles",
                "{\"roles\": [\"organiser\"], \"unitId\": \"" + unitId + "\"}", admin);
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        return Browser.accessToken(browser.base(), email, PASSWORD);
    }

    private static JWTClaimsSet claims(Browser browser, String email) throws Exception {
        return Jwts.verified(Browser.accessToken(browser.base(), email, PASSWORD), browser.get("/oauth2/jwks").body());
    }

    private static UnitCreated created(String id, String name, String parentId, String kind, String level) {
        return new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, id, name, name, kind, level, parentId, 0);
    }

    private static void publish(IntegrationMessage... messages) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (IntegrationMessage message : messages) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.UNITS, message.eventId(),
                        MessageCodec.instance().encode(message));
                record.headers().add("ce_type", MessageCodec.instance().typeName(message.getClass()).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
