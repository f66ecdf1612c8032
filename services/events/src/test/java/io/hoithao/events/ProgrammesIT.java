package io.hoithao.events;

import io.hoithao.platform.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ProgrammesIT {

    @Autowired
    WebTestClient http;

    @Test
    void aProgrammeHasPhasesAndPlansAndItsEvents() {
        String programme = http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name": "Xây dựng trường mầm non lấy trẻ làm trung tâm",
                         "phases": [{"name": "Giai đoạn 2016–2020", "fromYear": 2016, "toYear": 2020}],
                         "plans": [{"number": "3357/KH-SGDĐT", "issuer": "Sở GD&ĐT Bắc Kạn", "issuedOn": "2021-09-22",
                                    "level": "PROVINCE"}]}
                        """)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.plans[0].number").isEqualTo("3357/KH-SGDĐT")
                .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/programmes/".length());

        http.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Giai đoạn 2021–2025", "fromYear", 2021, "toYear", 2025))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.phases.length()").isEqualTo(2);
        http.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Ngược", "fromYear", 2025, "toYear", 2021))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("toYear");
        http.post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "3357/KH-SGDĐT", "issuer", "Sở GD&ĐT Bắc Kạn", "issuedOn", "2021-09-22"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate");
        http.post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "125/KH-PGDĐT", "issuer", "Phòng GD&ĐT Chợ Mới", "issuedOn", "2021-10-05", "level", "DISTRICT"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.plans.length()").isEqualTo(2);
        http.post().uri("/api/events/programmes/no-such/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "1/KH", "issuer", "X", "issuedOn", "2021-10-05"))
                .exchange().expectStatus().isNotFound();

        String event = Fixtures.REVIEW_CONFERENCE.formatted("Sở GD&ĐT Bắc Kạn").replaceFirst("\\{", "{\"programmeId\": \"" + programme + "\",");
        String eventId = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.programmeId").isEqualTo(programme)
                .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
        http.get().uri("/api/events?programmeId=" + programme).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(eventId);
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.REVIEW_CONFERENCE.formatted("Sở").replaceFirst("\\{", "{\"programmeId\": \"no-such\","))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("programmeId");
        http.get().uri("/api/events/programmes/" + programme).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Xây dựng trường mầm non lấy trẻ làm trung tâm");
        http.get().uri("/api/events/programmes").exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isNumber();
    }

    @Test
    void nullPhasesAndPlansAreValidationErrorsNotServerErrors() {
        http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Chương trình\", \"phases\": [null], \"plans\": [null]}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("phases[0]")
                .jsonPath("$.errors[1].field").isEqualTo("plans[0]");
    }
}
