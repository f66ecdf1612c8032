package io.hoithao.events;

import io.hoithao.events.event.EventView;
import io.hoithao.events.event.Venue;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.TestIdentity;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The provincial review conference of DOMAIN.md, created through the API. */
final class Fixtures {

    static final String REVIEW_CONFERENCE = """
            {"title": "Hội nghị – hội thảo sơ kết 2 năm chuyên đề Xây dựng trường mầm non lấy trẻ làm trung tâm",
             "description": "Sở GD&ĐT Bắc Kạn tổ chức tại huyện Chợ Mới",
             "kind": "CONFERENCE", "level": "PROVINCE", "organiserUnitId": "%s",
             "startDate": "2026-10-25", "endDate": "2026-10-26", "capacity": 120,
             "venues": [
               {"name": "Hội trường UBND huyện Chợ Mới", "kind": "HALL", "address": "Thị trấn Đồng Tâm, Chợ Mới, Bắc Kạn"},
               {"name": "Trường Mầm non Đồng Tâm", "kind": "HOST_SCHOOL", "address": "Chợ Mới, Bắc Kạn",
                "classrooms": ["MGL A1", "MGN B2"]}],
             "officials": [
               {"name": "Nguyễn Văn An", "position": "Phó Giám đốc", "unit": "Sở GD&ĐT Bắc Kạn", "role": "DIRECTING"}]}
            """;

    private Fixtures() {
    }

    /** The conference's body, organised by the seeded unit of this official name (its id is {@link TestIdentity#unitId}'s). */
    static String conference(String unitName) {
        return REVIEW_CONFERENCE.formatted(TestIdentity.unitId(unitName));
    }

    /** The conference, organised by the unit of this official name (seeded: its id is {@link TestIdentity#unitId}'s). */
    static EventView createConference(WebTestClient http, String organiser) {
        return http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(REVIEW_CONFERENCE.formatted(TestIdentity.unitId(organiser)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody();
    }

    static EventView createConference(WebTestClient http) {
        return createConference(http, "Sở GD&ĐT Bắc Kạn");
    }

    static Venue hall(EventView event) {
        return event.venues().get(0);
    }

    static Venue school(EventView event) {
        return event.venues().get(1);
    }

    static WebTestClient.ResponseSpec schedule(WebTestClient http, String eventId, Map<String, Object> session) {
        return http.post().uri("/api/events/" + eventId + "/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(session).exchange();
    }

    static SessionView scheduled(WebTestClient http, String eventId, Map<String, Object> session) {
        return schedule(http, eventId, session).expectStatus().isCreated()
                .expectBody(SessionView.class).returnResult().getResponseBody();
    }

    static Map<String, Object> session(String type, String title, String date, String start, String end, String venueId) {
        return Map.of("type", type, "title", title, "date", date, "start", start, "end", end, "venueId", venueId);
    }
}
