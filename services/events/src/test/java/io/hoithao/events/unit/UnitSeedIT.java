package io.hoithao.events.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The development directory of Bắc Kạn, as the devstack starts it ({@code hoithao.units.seed=bac-kan}). */
@IntegrationTest
@TestPropertySource(properties = "hoithao.units.seed=bac-kan")
class UnitSeedIT {

    @Autowired
    WebTestClient http;

    @Autowired
    UnitSeed seed;

    private Map<String, Object> page(String uri) {
        return http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> names(Map<String, Object> page) {
        return items(page).stream().map(item -> item.get("officialName")).toList();
    }

    @Test
    void theDepartmentItsEightOfficesAndSomeSchoolsAreThereOnceWhateverTheRestarts() throws Exception {
        String department = UnitSeed.id(UnitSeed.DEPARTMENT);
        assertThat(page("/api/events/units?level=PROVINCE")).containsEntry("total", 1);
        assertThat(names(page("/api/events/units/" + department + "/children?kind=DISTRICT_OFFICE"))).contains(
                "Phòng GD&ĐT TP Bắc Kạn", "Phòng GD&ĐT Ba Bể", "Phòng GD&ĐT Bạch Thông", "Phòng GD&ĐT Chợ Đồn",
                "Phòng GD&ĐT Chợ Mới", "Phòng GD&ĐT Na Rì", "Phòng GD&ĐT Ngân Sơn", "Phòng GD&ĐT Pác Nặm");
        assertThat(page("/api/events/units?kind=DISTRICT_OFFICE")).containsEntry("total", 8);
        Map<String, Object> dongTam = items(page("/api/events/units?q=dong tam")).get(0);
        assertThat(dongTam).containsEntry("officialName", "Trường Mầm non Đồng Tâm").containsEntry("shortName", "MN Đồng Tâm")
                .containsEntry("parentId", UnitSeed.id("Phòng GD&ĐT Chợ Mới"));
        int all = (Integer) page("/api/events/units").get("total");
        assertThat(all).isEqualTo(UnitSeed.BAC_KAN.size());

        try (TestMessages messages = new TestMessages()) {
            TestMessages.Subscription units = messages.subscribe(Topics.UNITS);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(units.messages(UnitCreated.class))
                    .extracting(UnitCreated::unitId).contains(department, (String) dongTam.get("id")));

            // the devstack restarted: the seed runs again, adds nothing and publishes nothing
            java.time.Instant restarted = java.time.Instant.now();
            seed.run(null);

            assertThat(page("/api/events/units").get("total")).isEqualTo(all);
            assertThat(items(page("/api/events/units?size=200"))).allSatisfy(unit -> assertThat(unit).containsEntry("version", 0));
            // a unit created after the second run is published after anything that run could have queued
            String marker = Units.create(http.mutate().responseTimeout(Duration.ofSeconds(60)).build(),
                    "Trường Mầm non Thanh Vận", "SCHOOL", "SCHOOL", UnitSeed.id("Phòng GD&ĐT Chợ Mới"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(units.messages(UnitCreated.class))
                    .extracting(UnitCreated::unitId).contains(marker));
            // every test context seeds its own database and publishes on the one broker: the seed's messages are
            // told by their units' ids, and none of them was made by the second run
            List<String> ids = UnitSeed.BAC_KAN.stream().map(unit -> UnitSeed.id(unit.officialName())).toList();
            List<UnitCreated> seeded = units.messages(UnitCreated.class).stream().filter(m -> ids.contains(m.unitId())).toList();
            assertThat(seeded).extracting(UnitCreated::unitId).containsAll(ids);
            assertThat(seeded).filteredOn(m -> m.occurredAt().isAfter(restarted)).isEmpty();
        }

        // the development organiser's token names the department: she manages the units below it
        WebTestClient organiser = TestIdentity.get().as(http.mutate().responseTimeout(Duration.ofSeconds(60)).build(),
                TestIdentity.organiser("Sở GD&ĐT Bắc Kạn"));
        Units.create(organiser, "Trường Mầm non Nông Hạ", "SCHOOL", "SCHOOL", UnitSeed.id("Phòng GD&ĐT Chợ Mới"));
        Units.post(organiser, Units.body("Sở GD&ĐT Thái Nguyên", "DEPARTMENT", "PROVINCE", null)).expectStatus().isForbidden();
    }
}
