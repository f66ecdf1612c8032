package io.hoithao.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.units.KnownUnits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Units are the directory's ids here: two schools whose names fold alike keep two quotas and two attendance rows,
 * a delegate registering herself is counted under her confirmed unit whatever her body names, and a rename that
 * reaches this service through {@code hoithao.units} shows in its answers.
 */
@IntegrationTest
class UnitsByIdIT {

    static final String TAN_HOA = "Trường Mầm non Tân Hòa";
    static final String TAN_HOA_ACUTE = "Trường Mầm non Tân Hóa";

    @Autowired
    WebTestClient http;

    @Autowired
    KnownUnits units;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    @SuppressWarnings("unchecked")
    void twoUnitsWhoseNamesFoldAlikeKeepTwoQuotasAndTwoAttendanceRows() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(10);
        // its day, for the attendance
        f.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo sơ kết chuyên đề – Chợ Mới", "WORKSHOP",
                "DISTRICT", "Phòng GD&ĐT Chợ Mới", LocalDate.of(2027, 10, 25), LocalDate.of(2027, 10, 25), "Asia/Ho_Chi_Minh", 10,
                TestDirectory.id("Phòng GD&ĐT Chợ Mới")));
        f.awaitEvent(eventId, seats -> seats.jsonPath("$.days[0]").isEqualTo("2027-10-25"));
        f.quotas(eventId, Map.of(TAN_HOA, 1, TAN_HOA_ACUTE, 1));

        assertThat(f.registered(Fixtures.delegate(eventId, fresh(), TAN_HOA)).get("status")).isEqualTo("CONFIRMED");
        // Tân Hòa's quota is spent; Tân Hóa's is its own
        assertThat(f.registered(Fixtures.delegate(eventId, fresh(), TAN_HOA_ACUTE)).get("status")).isEqualTo("CONFIRMED");
        assertThat(f.registered(Fixtures.delegate(eventId, fresh(), TAN_HOA)).get("status")).isEqualTo("WAITLISTED");

        http.get().uri("/api/registrations/events/{e}", eventId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.quotas.length()").isEqualTo(2)
                .jsonPath("$.quotas[?(@.unitId == '%s')].confirmed".formatted(TestDirectory.id(TAN_HOA))).isEqualTo(1)
                .jsonPath("$.quotas[?(@.unitId == '%s')].confirmed".formatted(TestDirectory.id(TAN_HOA_ACUTE))).isEqualTo(1);
        http.get().uri("/api/registrations/events/{e}/attendance", eventId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.days[0].units.length()").isEqualTo(2)
                .jsonPath("$.days[0].units[*].unit").value(names -> assertThat((List<Object>) names)
                        .containsExactlyInAnyOrder(TAN_HOA, TAN_HOA_ACUTE));
        http.get().uri("/api/registrations/events/{e}/registrations?unitId={u}", eventId, TestDirectory.id(TAN_HOA_ACUTE))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void aDelegateRegisteringHerselfIsCountedUnderHerConfirmedUnitWhateverTheBodySays() {
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(10);
        f.quotas(eventId, Map.of(TAN_HOA, 5, TAN_HOA_ACUTE, 5));
        String email = fresh();
        Caller lan = TestIdentity.person(email, "Phạm Thị Lan", TAN_HOA, Role.DELEGATE);

        Map<?, ?> hers = TestIdentity.get().as(http, lan).post().uri("/api/registrations")
                .bodyValue(Fixtures.delegate(eventId, email, TAN_HOA_ACUTE)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(hers.get("unitId")).isEqualTo(TestDirectory.id(TAN_HOA));
        assertThat(hers.get("unit")).isEqualTo(TAN_HOA);
        http.get().uri("/api/registrations/events/{e}", eventId).exchange().expectBody()
                .jsonPath("$.quotas[?(@.unitId == '%s')].confirmed".formatted(TestDirectory.id(TAN_HOA))).isEqualTo(1)
                .jsonPath("$.quotas[?(@.unitId == '%s')].confirmed".formatted(TestDirectory.id(TAN_HOA_ACUTE))).isEqualTo(0);

        // without a confirmed unit: refused, and told why
        String other = fresh();
        TestIdentity.get().as(http, TestIdentity.delegate(other)).post().uri("/api/registrations")
                .bodyValue(Fixtures.delegate(eventId, other, TAN_HOA_ACUTE)).exchange()
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/no-confirmed-unit");
    }

    @Test
    void aRenameReachesTheRegistrationsAndTheQuotasAfterItsMessage() {
        String name = "Trường Mầm non Đổi Tên " + UUID.randomUUID().toString().substring(0, 6);
        String unitId = TestDirectory.add(units, name);
        Fixtures f = new Fixtures(http, messages);
        String eventId = f.openEvent(10);
        f.quotas(eventId, Map.of(name, 3));
        String id = f.registered(Fixtures.delegate(eventId, fresh(), name)).get("id").toString();
        assertThat(f.registration(id).get("unit")).isEqualTo(name);

        messages.send(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unitId, name + " (mới)", "MN mới",
                name, 1));
        Scenario.eventually(() -> assertThat(f.registration(id).get("unit")).isEqualTo(name + " (mới)"));
        http.get().uri("/api/registrations/events/{e}", eventId).exchange().expectBody()
                .jsonPath("$.quotas[0].unit").isEqualTo(name + " (mới)")
                .jsonPath("$.quotas[0].unitId").isEqualTo(unitId);
        http.get().uri("/api/registrations/events/{e}/registrations", eventId).exchange().expectBody()
                .jsonPath("$.items[0].unit").isEqualTo(name + " (mới)");
    }

    private static String fresh() {
        return "dv." + UUID.randomUUID().toString().substring(0, 8) + "@mn.edu.vn";
    }
}
