package io.hoithao.events.unit;

import static io.hoithao.events.unit.Units.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.units.ModelSiteDesignated;
import io.hoithao.contracts.units.ModelSiteWithdrawn;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Model sites (mô hình điểm) designated in the directory per programme and phase: who may designate at which
 * level, the programme's phase checked, one message per change and none for a designation that changes nothing.
 */
@IntegrationTest
class ModelSitesIT {

    private static final TestIdentity identity = TestIdentity.get();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void patient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private String programme() {
        return http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Lấy trẻ làm trung tâm " + UUID.randomUUID(),
                        "phases", List.of(Map.of("name", "2016–2020", "fromYear", 2016, "toYear", 2020),
                                Map.of("name", "2021–2025", "fromYear", 2021, "toYear", 2025))))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().getPath()
                .substring("/api/events/programmes/".length());
    }

    private WebTestClient.ResponseSpec designate(WebTestClient as, String unitId, String programme, String phase, String level) {
        return as.post().uri("/api/events/units/" + unitId + "/model-sites").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programmeId", programme, "phase", phase, "level", level)).exchange();
    }

    @Test
    void aUnitAboveDesignatesItsModelSitesAndEachChangeIsToldOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String departmentName = "Sở GD&ĐT mô hình " + tag;
        String department = create(http, departmentName, "DEPARTMENT", "PROVINCE", null);
        String officeName = "Phòng GD&ĐT mô hình " + tag;
        String office = create(http, officeName, "DISTRICT_OFFICE", "DISTRICT", department);
        String school = create(http, "Trường Mầm non mô hình " + tag, "SCHOOL", "SCHOOL", office);
        String elsewhere = create(http, "Trường Mầm non nơi khác " + tag, "SCHOOL", "SCHOOL", department);
        String programme = programme();
        WebTestClient districtOrganiser = identity.as(http, TestIdentity.organiser(officeName, office));
        WebTestClient provinceOrganiser = identity.as(http, TestIdentity.organiser(departmentName, department));

        try (TestMessages messages = new TestMessages()) {
            TestMessages.Subscription units = messages.subscribe(Topics.UNITS);

            designate(districtOrganiser, school, programme, "2021–2025", "DISTRICT").expectStatus().isOk()
                    .expectBody().jsonPath("$.level").isEqualTo("DISTRICT").jsonPath("$.revision").isEqualTo(0);
            designate(districtOrganiser, school, programme, "2021–2025", "DISTRICT").expectStatus().isOk(); // nothing new
            // a district office does not make province model sites, nor designate outside its district, nor itself
            designate(districtOrganiser, school, programme, "2021–2025", "PROVINCE").expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            designate(districtOrganiser, elsewhere, programme, "2021–2025", "DISTRICT").expectStatus().isForbidden();
            designate(districtOrganiser, office, programme, "2021–2025", "DISTRICT").expectStatus().isForbidden();
            designate(identity.as(http, TestIdentity.delegate("d." + tag + "@hoithao.test")), school, programme, "2021–2025",
                    "DISTRICT").expectStatus().isForbidden();
            designate(TestIdentity.anonymous(http), school, programme, "2021–2025", "DISTRICT").expectStatus().isUnauthorized();
            // the programme must have the phase; the unit must exist; the level must be one of the two
            designate(provinceOrganiser, school, programme, "2026–2030", "PROVINCE").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("phase");
            designate(provinceOrganiser, school, "no-such-programme", "2021–2025", "PROVINCE").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("programmeId");
            designate(provinceOrganiser, "no-such-unit", programme, "2021–2025", "PROVINCE").expectStatus().isNotFound();
            designate(provinceOrganiser, school, programme, "2021–2025", "NATIONAL").expectStatus().isBadRequest();

            designate(provinceOrganiser, school, programme, "2021–2025", "PROVINCE").expectStatus().isOk()
                    .expectBody().jsonPath("$.level").isEqualTo("PROVINCE").jsonPath("$.revision").isEqualTo(1);
            designate(districtOrganiser, school, programme, "2016–2020", "DISTRICT").expectStatus().isOk();
            districtOrganiser.post().uri("/api/events/units/" + school + "/model-sites/withdraw").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programmeId", programme, "phase", "2016–2020")).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.level").doesNotExist();

            TestIdentity.anonymous(http).get().uri("/api/events/units/" + school + "/model-sites").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].phase").isEqualTo("2021–2025").jsonPath("$[0].level").isEqualTo("PROVINCE");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<IntegrationMessage> told = units.messages().stream()
                        .filter(m -> m instanceof ModelSiteDesignated d && d.unitId().equals(school)
                                || m instanceof ModelSiteWithdrawn w && w.unitId().equals(school))
                        .toList();
                assertThat(told).extracting(m -> m instanceof ModelSiteDesignated d
                                ? d.phase() + " " + d.level() + " " + d.revision()
                                : ((ModelSiteWithdrawn) m).phase() + " withdrawn " + ((ModelSiteWithdrawn) m).revision())
                        .containsExactly("2021–2025 DISTRICT 0", "2021–2025 PROVINCE 1", "2016–2020 DISTRICT 0",
                                "2016–2020 withdrawn 1");
            });
        }
    }
}
