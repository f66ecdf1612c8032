package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.events.event.EventView;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Nothing a client sends makes an event or a programme grow without bound: an event lasts at most 31 days,
 * and its venues, sessions, a programme's phases and plans stop at their limits with a 400 that names it.
 */
@IntegrationTest
class EventLimitsIT {

    static final String PROBLEMS = "https://hoithao.io/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void patience() {
        // the first request of a fresh context can take longer than the default 5 s on a busy machine
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    WebTestClient.ResponseSpec create(String startDate, String endDate) {
        String body = Fixtures.conference("Sở GD&ĐT Bắc Kạn")
                .replace("\"startDate\": \"2026-10-25\", \"endDate\": \"2026-10-26\"",
                        "\"startDate\": \"" + startDate + "\", \"endDate\": \"" + endDate + "\"");
        return http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void anEventLastsAtMostThirtyOneDaysWhenCreatedAndWhenRescheduled() {
        EventView month = create("2026-10-01", "2026-10-31").expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody();
        create("0001-01-01", "9999-12-31").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 31 days"))
                .jsonPath("$.errors[0].field").isEqualTo("endDate");
        create("2026-10-01", "2026-11-01").expectStatus().isBadRequest();

        http.post().uri("/api/events/" + month.id() + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startDate", "2026-10-01", "endDate", "9999-12-31")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 31 days"));
        http.get().uri("/api/events/" + month.id() + "/programme").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.days.length()").isEqualTo(31);
    }

    /** A copy of a stored element under another id (Spring Data keeps an embedded record's id as _id or id). */
    static Document withId(Document element, String id) {
        return new Document(element).append(element.containsKey("_id") ? "_id" : "id", id);
    }

    @Test
    void anEventTakesNoVenueOrSessionOverItsLimit() {
        EventView event = Fixtures.createConference(http);
        SessionView opening = Fixtures.scheduled(http, event.id(), Fixtures.session("OPENING", "Khai mạc", "2026-10-25",
                "07:30", "08:00", Fixtures.hall(event).id()));
        Document stored = mongo.findById(event.id(), Document.class, "events").block();
        Document session = stored.getList("sessions", Document.class).get(0);
        Document venue = stored.getList("venues", Document.class).get(0);
        List<Document> sessions = new ArrayList<>();
        IntStream.range(0, 500).forEach(i -> sessions.add(withId(session, "s" + i)));
        List<Document> venues = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> venues.add(withId(venue, "v" + i).append("name", "Hội trường " + i)));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.id())),
                new Update().set("sessions", sessions).set("venues", venues), "events").block();

        Fixtures.schedule(http, event.id(), Fixtures.session("CLOSING", "Bế mạc", "2026-10-26", "16:00", "16:30",
                        "v0")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "limit-exceeded")
                .jsonPath("$.limit").isEqualTo(500)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("500 sessions"));
        http.post().uri("/api/events/" + event.id() + "/venues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Trường Tiểu học Đồng Tâm", "kind", "HOST_SCHOOL")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "limit-exceeded")
                .jsonPath("$.limit").isEqualTo(50);
        Document after = mongo.findById(event.id(), Document.class, "events").block();
        assertThat(after.getList("sessions", Document.class)).hasSize(500);
        assertThat(after.getList("venues", Document.class)).hasSize(50);
        assertThat(opening).isNotNull();
    }

    @Test
    void aBodyWithTooLongAListIsRefusedNamingTheLimit() {
        List<Map<String, Object>> venues = IntStream.range(0, 51)
                .mapToObj(i -> Map.<String, Object>of("name", "Hội trường " + i, "kind", "HALL")).toList();
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Hội thảo", "kind", "CONFERENCE", "level", "PROVINCE",
                        "organiserUnitId", io.hoithao.platform.testing.TestIdentity.unitId("Sở GD&ĐT Bắc Kạn"), "startDate", "2026-10-25", "endDate", "2026-10-26",
                        "capacity", 10, "venues", venues))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("venues")
                .jsonPath("$.errors[0].message").isEqualTo("at most 50 venues per event");
        http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Chuyên đề", "plans", IntStream.range(0, 201).mapToObj(i -> Map.of("number",
                        i + "/KH", "issuer", "Sở GD&ĐT Bắc Kạn", "issuedOn", "2021-09-22")).toList()))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].message").isEqualTo("at most 200 plans per programme");
    }

    @Test
    void aProgrammeTakesNoPhaseOrPlanOverItsLimit() {
        String programme = http.post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Chuyên đề " + UUID.randomUUID(),
                        "phases", IntStream.range(0, 20).mapToObj(i -> Map.of("name", "Giai đoạn " + i,
                                "fromYear", 2000 + i, "toYear", 2001 + i)).toList(),
                        "plans", IntStream.range(0, 200).mapToObj(i -> Map.of("number", i + "/KH",
                                "issuer", "Sở GD&ĐT Bắc Kạn", "issuedOn", "2021-09-22")).toList()))
                .exchange().expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getLocation().getPath()
                .substring("/api/events/programmes/".length());

        http.post().uri("/api/events/programmes/" + programme + "/phases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Giai đoạn 2026–2030", "fromYear", 2026, "toYear", 2030))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "limit-exceeded")
                .jsonPath("$.limit").isEqualTo(20)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("20 phases"));
        http.post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "999/KH", "issuer", "Sở GD&ĐT Bắc Kạn", "issuedOn", "2021-09-22"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "limit-exceeded")
                .jsonPath("$.limit").isEqualTo(200);
        http.post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "7/KH", "issuer", "Sở GD&ĐT Bắc Kạn", "issuedOn", "2021-09-22"))
                .exchange().expectStatus().isEqualTo(409);
        http.get().uri("/api/events/programmes/" + programme).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.phases.length()").isEqualTo(20).jsonPath("$.plans.length()").isEqualTo(200);
    }
}
