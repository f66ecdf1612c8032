package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.platform.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class SearchIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Every test's events share a made-up word and organiser, so events of other tests never match. */
    final String tag = "x" + UUID.randomUUID().toString().substring(0, 8);
    final String organiserName = "Phòng GD&ĐT Chợ Mới " + tag;
    String organiser;

    @org.junit.jupiter.api.BeforeEach
    void unit() {
        organiser = io.hoithao.events.unit.Units.create(http, organiserName, "DISTRICT_OFFICE", "DISTRICT",
                io.hoithao.platform.testing.TestIdentity.unitId("Sở GD&ĐT Bắc Kạn"));
    }

    String create(String title, String kind, String level, String start, String end) {
        String body = """
                {"title": "%s %s", "kind": "%s", "level": "%s", "organiserUnitId": "%s",
                 "startDate": "%s", "endDate": "%s", "capacity": 50}
                """.formatted(title, tag, kind, level, organiser, start, end);
        return http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
    }

    WebTestClient.BodyContentSpec find(String query) {
        return http.get().uri("/api/events?" + query).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void textSearchIgnoresDiacriticsAndCase() {
        String dongTam = create("Sinh hoạt chuyên đề tại Trường Mầm non Đồng Tâm", "THEMATIC_SESSION", "SCHOOL", "2026-12-21", "2026-12-21");
        create("Hội thảo cấp huyện Yên Đĩnh", "WORKSHOP", "DISTRICT", "2026-11-10", "2026-11-10");

        for (String q : List.of("dong tam", "Đồng Tâm", "ĐỒNG TÂM", "DONG TAM", "đồng tam", "tam dong")) {
            find("q=" + q + " " + tag).jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(dongTam);
        }
        find("q=yen dinh " + tag).jsonPath("$.total").isEqualTo(1);
        find("q=hoi thao " + tag).jsonPath("$.total").isEqualTo(1);
        find("q=dong tam yen " + tag).jsonPath("$.total").isEqualTo(0);
        // the organiser filter takes the unit's id; its name, in any spelling, is no unit
        find("organiser=" + organiser).jsonPath("$.total").isEqualTo(2);
        find("organiser=phong gd dt cho moi " + tag).jsonPath("$.total").isEqualTo(0);
        // the organiser's name is searched like the rest
        find("q=cho moi " + tag).jsonPath("$.total").isEqualTo(2);
    }

    @Test
    void filtersCombineAndPagesAreCounted() {
        String school = create("Sinh hoạt chuyên đề", "THEMATIC_SESSION", "SCHOOL", "2026-12-21", "2026-12-21");
        String district = create("Hội thảo cấp huyện", "WORKSHOP", "DISTRICT", "2026-11-10", "2026-11-11");
        String province = create("Hội nghị sơ kết", "CONFERENCE", "PROVINCE", "2026-10-25", "2026-10-26");
        http.post().uri("/api/events/" + province + "/publish").exchange().expectStatus().isOk();
        String scope = "q=" + tag + "&";

        find(scope + "level=SCHOOL").jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(school);
        find(scope + "kind=WORKSHOP").jsonPath("$.items[0].id").isEqualTo(district);
        find(scope + "status=PUBLISHED").jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(province);
        find(scope + "status=DRAFT&level=DISTRICT").jsonPath("$.total").isEqualTo(1);
        // date range: events with a day in it; the district workshop's second day overlaps
        find(scope + "from=2026-11-11&to=2026-12-01").jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(district);
        find(scope + "from=2026-10-26&to=2026-11-10").jsonPath("$.total").isEqualTo(2);
        // sorted by start date, paginated
        find(scope + "size=2&page=0").jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo(province)
                .jsonPath("$.items[1].id").isEqualTo(district);
        find(scope + "size=2&page=1").jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(school);
        http.get().uri("/api/events?level=COUNTRY").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theFiltersAndTheSearchAreBackedByIndexes() {
        List<String> indexed = mongo.indexOps("events").getIndexInfo().map(IndexInfo::getName).collectList().block();
        assertThat(indexed).contains("status_startDate", "level_kind_startDate", "kind_startDate", "organiserUnitId_startDate",
                "programme_startDate", "startDate_endDate", "searchTerms");
        assertThat(mongo.indexOps("programme_registrations").getIndexInfo().map(IndexInfo::getName).collectList().block())
                .contains("eventId_status");
    }
}
