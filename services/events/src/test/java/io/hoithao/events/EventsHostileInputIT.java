package io.hoithao.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.events.event.EventView;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bodies that try to set what the API does not let them (state, ids, version, the outbox, derived
 * search fields, sessions) change nothing of it, read back from the database; Mongo operators and
 * dotted names in paths, queries and bodies are plain data. Nothing here is answered with a 5xx.
 */
@IntegrationTest
class EventsHostileInputIT {

    static final String UNIT = "Sở GD&ĐT Bắc Kạn";

    private static final TestIdentity identity = TestIdentity.get();

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient organiser() {
        return identity.as(http, TestIdentity.organiser(UNIT));
    }

    Document stored(String collection, String id) {
        return mongo.findById(id, Document.class, collection).block();
    }

    @Test
    void creatingAnEventTakesNoStateIdsOrDerivedFieldsFromTheBody() {
        String planted = "planted" + UUID.randomUUID().toString().substring(0, 8);
        String chosenId = "chosen-" + planted;
        String body = Fixtures.conference(UNIT).replaceFirst("\\{", """
                {"id": "%1$s", "_id": "%1$s", "status": "PUBLISHED", "cancelledFrom": "DRAFT", "version": 41,
                 "organiserUnit": "Phòng GD&ĐT Chợ Mới", "searchTerms": ["%2$s"], "createdAt": "2001-01-01T00:00:00Z",
                 "outbox": [{"id": "m1", "type": "events.EventPublished.v1", "payload": "{}"}],
                 "sessions": [{"id": "s1", "type": "OPENING", "title": "%2$s", "date": "2026-10-25", "start": "07:30",
                               "end": "08:00", "venueId": "v", "status": "SCHEDULED", "sequence": 0}],
                """.formatted(chosenId, planted));
        EventView created = organiser().post().uri("/api/events").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody();

        assertThat(created.id()).isNotEqualTo(chosenId);
        Document doc = stored("events", created.id());
        assertThat(doc.getString("status")).isEqualTo("DRAFT");
        assertThat(doc.get("cancelledFrom")).isNull();
        assertThat(((Number) doc.get("version")).longValue()).isZero();
        assertThat(doc.getString("organiserUnitId")).isEqualTo(TestIdentity.unitId(UNIT));
        assertThat(doc.getString("organiserUnit")).as("the name is the directory's, not the body's").isEqualTo(UNIT);
        assertThat(doc.getList("searchTerms", String.class)).doesNotContain(planted).contains("bac", "kan");
        assertThat(doc.getList("outbox", Document.class)).isEmpty();
        assertThat(doc.getList("sessions", Document.class)).isEmpty();
        assertThat(doc.getDate("createdAt").toInstant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(stored("events", chosenId)).isNull();

        // still a draft: hidden from visitors, not findable by the planted word
        TestIdentity.anonymous(http).get().uri("/api/events/" + created.id()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/events?q=" + planted).exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        http.get().uri("/api/events/" + created.id() + "/sessions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void patchingAnEventChangesOnlyItsDescriptiveDetails() {
        EventView event = Fixtures.createConference(http, UNIT);
        String id = event.id();
        SessionView opening = Fixtures.scheduled(http, id, Fixtures.session("OPENING", "Khai mạc", "2026-10-25", "07:30", "08:00",
                Fixtures.hall(event).id()));
        http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();
        Document before = stored("events", id);
        String planted = "planted" + UUID.randomUUID().toString().substring(0, 8);

        organiser().patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"title": "Hội nghị sơ kết (đã sửa)", "id": "other", "_id": "other", "status": "CANCELLED",
                         "cancelledFrom": "DRAFT", "version": 0, "capacity": 1, "startDate": "2030-01-01",
                         "endDate": "2030-01-02", "timeZone": "Europe/Paris", "kind": "WORKSHOP",
                         "organiserUnit": "Phòng GD&ĐT Chợ Mới", "searchTerms": ["%1$s"], "createdAt": "2001-01-01T00:00:00Z",
                         "venues": [], "sessions": [], "outbox": [{"id": "m1", "type": "%1$s", "payload": "{}"}]}
                        """.formatted(planted))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Hội nghị sơ kết (đã sửa)").jsonPath("$.status").isEqualTo("PUBLISHED");

        Document after = stored("events", id);
        assertThat(after.getString("title")).isEqualTo("Hội nghị sơ kết (đã sửa)");
        for (String unchanged : List.of("status", "capacity", "startDate", "endDate", "timeZone", "kind", "organiserUnit",
                "organiserUnitId", "venues", "sessions", "createdAt")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(after.get("programmeId")).isNull();
        assertThat(after.get("cancelledFrom")).isNull();
        // a programme is a field of the PATCH, checked like any: one that does not exist changes nothing
        organiser().patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"Không đổi\", \"programmeId\": \"p\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("programmeId");
        assertThat(stored("events", id).getString("title")).isEqualTo("Hội nghị sơ kết (đã sửa)");
        assertThat(stored("events", id).get("programmeId")).isNull();
        assertThat(((Number) after.get("version")).longValue()).isEqualTo(((Number) before.get("version")).longValue() + 1);
        assertThat(after.getList("searchTerms", String.class)).doesNotContain(planted).contains("sua");
        assertThat(after.getList("outbox", Document.class)).noneMatch(entry -> entry.toJson().contains(planted));
        assertThat(stored("events", "other")).isNull();
        http.get().uri("/api/events/" + id + "/sessions/" + opening.id()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");
    }

    @Test
    void venuesSessionsAndProgrammesGetTheirOwnIdsAndState() {
        EventView event = Fixtures.createConference(http, UNIT);
        String id = event.id();
        EventView withVenue = organiser().post().uri("/api/events/" + id + "/venues").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "chosen-venue", "name": "Trường TH Đồng Tâm", "kind": "HOST_SCHOOL", "classrooms": ["4A"]}""")
                .exchange().expectStatus().isCreated()
                .expectBody(EventView.class).returnResult().getResponseBody();
        assertThat(withVenue.venues()).hasSize(3).noneMatch(v -> v.id().equals("chosen-venue"));

        SessionView session = organiser().post().uri("/api/events/" + id + "/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "chosen-session", "status": "CANCELLED", "sequence": 9, "startsAt": "2030-01-01T00:00:00Z",
                         "type": "OPENING", "title": "Khai mạc", "date": "2026-10-25", "start": "07:30", "end": "08:00",
                         "venueId": "%s"}""".formatted(Fixtures.hall(event).id()))
                .exchange().expectStatus().isCreated()
                .expectBody(SessionView.class).returnResult().getResponseBody();
        assertThat(session.id()).isNotEqualTo("chosen-session");
        assertThat(session.status().name()).isEqualTo("SCHEDULED");
        assertThat(session.sequence()).isZero();
        http.get().uri("/api/events/" + id + "/sessions/chosen-session").exchange().expectStatus().isNotFound();

        String programme = organiser().post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "chosen-programme", "_id": "chosen-programme", "name": "Chuyên đề",
                         "createdAt": "2001-01-01T00:00:00Z"}""")
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.organiserUnit").isEqualTo(UNIT)
                .returnResult().getResponseHeaders().getLocation().getPath().substring("/api/events/programmes/".length());
        assertThat(programme).isNotEqualTo("chosen-programme");
        assertThat(stored("programmes", "chosen-programme")).isNull();
        assertThat(stored("programmes", programme).getDate("createdAt").toInstant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void mongoOperatorsAndDottedNamesArePlainData() {
        EventView event = Fixtures.createConference(http, UNIT);
        String id = event.id();
        http.post().uri("/api/events/" + id + "/publish").exchange().expectStatus().isOk();
        WebTestClient visitor = TestIdentity.anonymous(http);

        // in paths: an id that is an operator finds nothing
        for (String hostile : List.of("{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "a.b", "{\"$regex\": \".*\"}")) {
            // (URI variables are percent-encoded: the service receives exactly this text as the id)
            visitor.get().uri("/api/events/{id}", hostile).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            visitor.get().uri("/api/events/{id}/sessions/{session}", id, hostile).exchange().expectStatus().isNotFound();
            visitor.get().uri("/api/events/{id}/programme", hostile).exchange().expectStatus().isNotFound();
            http.post().uri("/api/events/{id}/publish", hostile).exchange().expectStatus().isNotFound();
            http.post().uri("/api/events/programmes/{id}/phases", hostile).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "Giai đoạn", "fromYear", 2026, "toYear", 2030)).exchange().expectStatus().isNotFound();
        }

        // in queries: matched as text, never as an operator (the administrator sees every event)
        for (String param : List.of("organiser", "programmeId", "q")) {
            for (String hostile : List.of("{\"$gt\": \"\"}", "{\"$ne\": null}", "{\"$where\": \"sleep(100)\"}", "a.b")) {
                http.get().uri(uri -> uri.path("/api/events").queryParam(param, "{v}").build(hostile)).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
            }
        }
        http.get().uri(uri -> uri.path("/api/events").queryParam("status", "{v}").build("{\"$ne\": \"DRAFT\"}")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/events?status[$ne]=DRAFT&programmeId[$ne]=x&size=1").exchange().expectStatus().isOk();

        // in bodies: an operator where a text is expected is refused; operator-looking text is kept as text
        organiser().post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.conference(UNIT).replaceFirst("\"title\": \"[^\"]*\"", "\"title\": {\"\\$gt\": \"\"}"))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        organiser().patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"organiserUnitId\": {\"$ne\": \"\"}}")
                .exchange().expectStatus().isBadRequest();
        organiser().patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organiserUnitId", "$where"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");
        EventView literal = organiser().patch().uri("/api/events/" + id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "{\"$set\": {\"status\": \"DRAFT\"}} $where a.b", "description", "$inc"))
                .exchange().expectStatus().isOk()
                .expectBody(EventView.class).returnResult().getResponseBody();
        assertThat(literal.title()).isEqualTo("{\"$set\": {\"status\": \"DRAFT\"}} $where a.b");
        assertThat(stored("events", id).getString("status")).isEqualTo("PUBLISHED");
        assertThat(stored("events", id).getString("description")).isEqualTo("$inc");

        for (String venueId : List.of("$gt", "a.b", "{\"$ne\": null}")) {
            organiser().post().uri("/api/events/" + id + "/sessions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("type", "OPENING", "title", "Khai mạc", "date", "2026-10-25", "start", "07:30",
                            "end", "08:00", "venueId", venueId))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("venueId");
        }
        organiser().post().uri("/api/events/" + id + "/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"OPENING\", \"title\": \"Khai mạc\", \"date\": \"2026-10-25\", \"start\": \"07:30\","
                        + " \"end\": \"08:00\", \"venueId\": {\"$ne\": null}}")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Fixtures.conference(UNIT).replaceFirst("\\{", "{\"programmeId\": \"{\\\\\"\\$ne\\\\\": null}\","))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("programmeId");

        // a plan number that looks like an operator is a plan number, and still unique
        String programme = organiser().post().uri("/api/events/programmes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Chuyên đề")).exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseHeaders().getLocation().getPath()
                .substring("/api/events/programmes/".length());
        Map<String, Object> plan = Map.of("number", "{\"$ne\": \"\"}", "issuer", UNIT, "issuedOn", "2026-09-01");
        organiser().post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isOk().expectBody().jsonPath("$.plans[0].number").isEqualTo("{\"$ne\": \"\"}");
        organiser().post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(plan).exchange().expectStatus().isEqualTo(409);
        organiser().post().uri("/api/events/programmes/" + programme + "/plans").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("number", "a.b", "issuer", "$where", "issuedOn", "2026-09-01"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.plans.length()").isEqualTo(2);
    }

    @Test
    void aUnitIsNamedByItsIdNeverByAName() {
        for (String unit : List.of("Sở GD&ĐT Bắc Kạn", "!!!", "  -  ", "a.b", "")) {
            http.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Fixtures.REVIEW_CONFERENCE.formatted(unit))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("organiserUnitId");
        }
        EventView event = Fixtures.createConference(http, UNIT);
        http.patch().uri("/api/events/" + event.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organiserUnitId", " ")).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/events/" + event.id()).exchange().expectBody().jsonPath("$.organiserUnit").isEqualTo(UNIT);
    }
}
