package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventProgrammeChanged;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.util.List;
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
    void programmesTheirPhasesAndAnEventsProgrammeAreToldOnTheEventsTopic() {
        try (TestMessages messages = new TestMessages()) {
            TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
            String programme = http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"name": "Chuyên đề Lấy trẻ làm trung tâm – tin nhắn",
                             "phases": [{"name": "2016–2020", "fromYear": 2016, "toYear": 2020}]}
                            """)
                    .exchange().expectStatus().isCreated()
                    .expectBody().jsonPath("$.outbox").doesNotExist()
                    .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/programmes/".length());
            http.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "2021–2025", "fromYear", 2021, "toYear", 2025))
                    .exchange().expectStatus().isOk();
            String other = http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Chuyên đề khác – tin nhắn")).exchange().expectStatus().isCreated()
                    .returnResult(String.class).getResponseHeaders().getLocation().getPath()
                    .substring("/api/events/programmes/".length());

            String event = Fixtures.conference("Sở GD&ĐT Bắc Kạn")
                    .replaceFirst("\\{", "{\"programmeId\": \"" + programme + "\",");
            String eventId = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                    .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().getPath()
                    .substring("/api/events/".length());
            http.post().uri("/api/events/" + eventId + "/publish").exchange().expectStatus().isOk();
            http.patch().uri("/api/events/" + eventId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programmeId", other)).exchange().expectStatus().isOk();
            http.patch().uri("/api/events/" + eventId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programmeId", other)).exchange().expectStatus().isOk(); // no change, no message
            http.patch().uri("/api/events/" + eventId).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programmeId", "")).exchange().expectStatus().isOk();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<IntegrationMessage> told = topic.messages();
                assertThat(told.stream().filter(m -> m instanceof ProgrammeCreated c && c.programmeId().equals(programme)))
                        .singleElement().satisfies(m -> {
                            assertThat(((ProgrammeCreated) m).name()).isEqualTo("Chuyên đề Lấy trẻ làm trung tâm – tin nhắn");
                            assertThat(m.eventId()).isEqualTo(EventsMessage.NO_EVENT);
                        });
                assertThat(told.stream().filter(m -> m instanceof ProgrammePhaseAdded p && p.programmeId().equals(programme))
                        .map(m -> ((ProgrammePhaseAdded) m).name() + " " + ((ProgrammePhaseAdded) m).fromYear()))
                        .containsExactly("2016–2020 2016", "2021–2025 2021");
                assertThat(told.stream().filter(m -> m instanceof EventPublished p && p.eventId().equals(eventId))
                        .map(m -> ((EventPublished) m).programmeId())).containsExactly(programme);
                assertThat(told.stream().filter(m -> m instanceof EventProgrammeChanged c && c.eventId().equals(eventId))
                        .map(m -> String.valueOf(((EventProgrammeChanged) m).programmeId()))).containsExactly(other, "null");
            });
        }
    }

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

        String event = Fixtures.conference("Sở GD&ĐT Bắc Kạn").replaceFirst("\\{", "{\"programmeId\": \"" + programme + "\",");
        String eventId = http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(event)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.programmeId").isEqualTo(programme)
                .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/".length());
        http.get().uri("/api/events?programmeId=" + programme).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(eventId);
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.conference("Sở GD&ĐT Bắc Kạn").replaceFirst("\\{", "{\"programmeId\": \"no-such\","))
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
