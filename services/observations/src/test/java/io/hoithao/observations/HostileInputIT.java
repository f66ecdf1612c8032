package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.observations.lesson.Lesson;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bodies that try to set what only the service sets (status, seats left, bookings, waiting list, lock,
 * ids, owner, outbox) change nothing of it, and Mongo operators in paths, queries and bodies are data:
 * each test reads the objects back.
 */
@IntegrationTest
class HostileInputIT {

    static final String API = "/api/observations";
    static final String PROBLEMS = "https://hoithao.io/problems/";
    static final List<String> OPERATORS = List.of("{\"$gt\": \"\"}", "{\"$ne\": null}", "$where", "a.b", "$gt");

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;
    String otherEvent;

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, mongo);
        otherEvent = "evt-" + UUID.randomUUID();
        ObservationsAuthorizationIT.publish(messages, mongo, fixtures.eventId, ObservationsAuthorizationIT.UNIT);
    }

    /** What only the service may set, in any body: none of it may stick. */
    static Map<String, Object> forbidden(String eventId) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("id", "les-mine");
        extra.put("eventId", eventId);
        extra.put("sessionId", "ses-mine");
        extra.put("status", "CANCELLED");
        extra.put("seatsLeft", 0);
        extra.put("waiting", 9);
        extra.put("version", 42);
        extra.put("bookings", List.of(Map.of("registrationId", "reg-intruder", "email", "intruder@evil.vn", "attended", true)));
        extra.put("waitlist", List.of(Map.of("registrationId", "reg-queue-jumper", "email", "jumper@evil.vn")));
        extra.put("cancelledBookings", List.of(Map.of("registrationId", "reg-x")));
        extra.put("outbox", List.of(Map.of("type", "observations.SeatBooked.v1", "payload", "{}")));
        extra.put("appliedMessageIds", List.of("m-1"));
        extra.put("owner", "intruder@evil.vn");
        extra.put("delegateEmail", "intruder@evil.vn");
        return extra;
    }

    WebTestClient.BodyContentSpec lesson(String lessonId) {
        return TestIdentity.anonymous(http).get().uri(API + "/lessons/{l}", lessonId).exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aLessonBodyCannotSetItsStatusSeatsLeftBookingsWaitingListOutboxOrIds() {
        Map<String, Object> body = new LinkedHashMap<>(Fixtures.lesson("Khám phá nước", "A1", "2027-10-25T08:00:00+07:00",
                "2027-10-25T08:45:00+07:00", 6));
        body.putAll(forbidden(otherEvent));
        String id = http.post().uri(API + "/events/{e}/lessons", fixtures.eventId).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        assertThat(id).isNotEqualTo("les-mine");
        assertThat(mongo.findById("les-mine", Lesson.class).block()).isNull();
        lesson(id).jsonPath("$.eventId").isEqualTo(fixtures.eventId)
                .jsonPath("$.sessionId").doesNotExist()
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.seats").isEqualTo(6)
                .jsonPath("$.seatsLeft").isEqualTo(6)
                .jsonPath("$.waiting").isEqualTo(0)
                .jsonPath("$.version").isEqualTo(0);
        http.get().uri(API + "/lessons/{l}/observers", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.booked.length()").isEqualTo(0).jsonPath("$.waiting.length()").isEqualTo(0);
        Document stored = mongo.findById(id, Document.class, Lesson.COLLECTION).block();
        assertThat(stored).doesNotContainKeys("cancelledBookings", "appliedMessageIds", "owner", "delegateEmail");
        http.get().uri(API + "/events/{e}/lessons", otherEvent).exchange().expectBody().jsonPath("$.total").isEqualTo(0);

        // The same in the details: only the details change.
        String seated = fixtures.observer("Nguyễn Thị Thu");
        fixtures.booked(id, seated);
        Map<String, Object> details = new LinkedHashMap<>(Map.of("classroom", "A2", "className", "Lớp A2", "ageGroup", "NHA_TRE",
                "teacher", "Lê Thị Hạnh", "activity", "Vận động", "developmentalArea", "Phát triển thể chất", "seats", 4));
        details.putAll(forbidden(otherEvent));
        details.put("title", "Tiêu đề khác");
        details.put("startsAt", "2030-01-01T08:00:00+07:00");
        http.put().uri(API + "/lessons/{l}/details", id).bodyValue(details).exchange().expectStatus().isOk();
        lesson(id).jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.eventId").isEqualTo(fixtures.eventId)
                .jsonPath("$.title").isEqualTo("Khám phá nước")
                .jsonPath("$.startsAt").isEqualTo("2027-10-25T08:00:00+07:00")
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.classroom").isEqualTo("A2")
                .jsonPath("$.seats").isEqualTo(4)
                .jsonPath("$.seatsLeft").isEqualTo(3)
                .jsonPath("$.waiting").isEqualTo(0);
        http.get().uri(API + "/lessons/{l}/observers", id).exchange().expectBody()
                .jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(seated)
                .jsonPath("$.booked[0].attended").isEqualTo(false);
    }

    @Test
    void aBookingBodyCannotChooseItsStatusAttendanceOwnerOrSeatsAndADelegateCannotBookForSomeoneElse() {
        String lessonId = fixtures.createLesson("Âm nhạc", "M1", "2027-10-25T09:00:00+07:00", "2027-10-25T09:45:00+07:00", 2);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        String lua = fixtures.observer("Trần Thị Lụa");
        Map<String, Object> body = new LinkedHashMap<>(forbidden(otherEvent));
        body.put("registrationId", hoa);
        body.put("attended", true);
        body.put("via", "ROTATION");
        body.put("email", "intruder@evil.vn");
        body.put("fullName", "Kẻ mạo danh");
        body.put("bookingId", "b-mine");
        body.put("waitlistPosition", 1);
        fixtures.asDelegate(hoa).post().uri(API + "/lessons/{l}/bookings", lessonId).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("BOOKED").jsonPath("$.seatsLeft").isEqualTo(1);

        // Hoà cannot book Lụa's seat (nor learn that her registration exists).
        fixtures.asDelegate(hoa).post().uri(API + "/lessons/{l}/bookings", lessonId).bodyValue(Map.of("registrationId", lua))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
        fixtures.asDelegate(hoa).delete().uri(API + "/lessons/{l}/bookings/{r}", lessonId, lua).exchange().expectStatus().isNotFound();

        http.get().uri(API + "/lessons/{l}/observers", lessonId).exchange().expectBody()
                .jsonPath("$.seatsLeft").isEqualTo(1)
                .jsonPath("$.booked.length()").isEqualTo(1)
                .jsonPath("$.booked[0].registrationId").isEqualTo(hoa)
                .jsonPath("$.booked[0].email").isEqualTo(Fixtures.emailOf(hoa))
                .jsonPath("$.booked[0].fullName").isEqualTo("Nguyễn Thị Hoà")
                .jsonPath("$.booked[0].via").isEqualTo("BOOKED")
                .jsonPath("$.booked[0].attended").isEqualTo(false)
                .jsonPath("$.booked[0].bookingId").value(bookingId -> assertThat(bookingId).isNotEqualTo("b-mine"))
                .jsonPath("$.waiting.length()").isEqualTo(0);

        // Attendance names who attended, nothing else.
        Map<String, Object> attendance = new LinkedHashMap<>(forbidden(otherEvent));
        attendance.put("registrationIds", List.of(hoa));
        http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(attendance).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.booked.length()").isEqualTo(1).jsonPath("$.waiting.length()").isEqualTo(0)
                .jsonPath("$.seatsLeft").isEqualTo(1);
        lesson(lessonId).jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void aFormBodyCannotUnlockMoveOrRenameTheFormAndATemplateGoesOnlyToItsEvent() {
        String lessonId = fixtures.createLesson("Tạo hình", "T1", "2027-10-25T10:00:00+07:00", "2027-10-25T10:45:00+07:00", 4);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        fixtures.booked(lessonId, hoa);
        http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(Map.of("registrationIds", List.of(hoa)))
                .exchange().expectStatus().isOk();

        Map<String, Object> template = new LinkedHashMap<>(forbidden(otherEvent));
        template.put("criteria", List.of(Map.of("id", "initiative", "label", "Trẻ chủ động")));
        template.put("updatedAt", "2020-01-01T00:00:00Z");
        http.put().uri(API + "/events/{e}/form", fixtures.eventId).bodyValue(template).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.eventId").isEqualTo(fixtures.eventId);
        TestIdentity.anonymous(http).get().uri(API + "/events/{e}/form", otherEvent).exchange().expectBody()
                .jsonPath("$.criteria.length()").isEqualTo(5).jsonPath("$.criteria[0].id").isEqualTo("child-initiative");

        Map<String, Object> form = new LinkedHashMap<>(forbidden(otherEvent));
        form.put("registrationId", hoa);
        form.put("scores", Map.of("initiative", 4));
        form.put("comments", "Tốt");
        form.put("locked", true);
        form.put("lessonId", "les-other");
        form.put("formId", "phieu-mine");
        form.put("id", "les-other:" + hoa);
        form.put("version", 7);
        form.put("submittedAt", "2020-01-01T00:00:00Z");
        WebTestClient owner = fixtures.asDelegate(hoa);
        owner.post().uri(API + "/lessons/{l}/forms", lessonId).bodyValue(form).exchange().expectStatus().isCreated();
        owner.put().uri(API + "/lessons/{l}/forms/{r}", lessonId, hoa).bodyValue(form).exchange().expectStatus().isOk();

        owner.get().uri(API + "/lessons/{l}/forms/{r}", lessonId, hoa).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(lessonId + ":" + hoa)
                .jsonPath("$.eventId").isEqualTo(fixtures.eventId)
                .jsonPath("$.lessonId").isEqualTo(lessonId)
                .jsonPath("$.registrationId").isEqualTo(hoa)
                .jsonPath("$.formId").value(formId -> assertThat((String) formId).startsWith("phieu-").isNotEqualTo("phieu-mine"))
                .jsonPath("$.locked").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.outbox").doesNotExist();
        assertThat(mongo.findById("les-other:" + hoa, Document.class, "forms").block()).isNull();
    }

    @Test
    void aRotationBodyCannotChooseItsStatusAssignmentsOrResults() {
        String lessonId = fixtures.createLesson("Văn học", "V1", "2027-10-25T14:00:00+07:00", "2027-10-25T14:45:00+07:00", 4);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        Map<String, Object> body = new LinkedHashMap<>(forbidden(otherEvent));
        body.put("id", "rot-mine");
        body.put("status", "APPLIED");
        body.put("assignments", List.of(Map.of("registrationId", hoa, "lessonId", lessonId)));
        body.put("booked", 5);
        body.put("skipped", List.of());
        body.put("lessonIds", List.of("les-does-not-exist"));
        String id = http.post().uri(API + "/events/{e}/rotations", fixtures.eventId).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        assertThat(id).isNotEqualTo("rot-mine");
        http.get().uri(API + "/rotations/{r}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eventId").isEqualTo(fixtures.eventId)
                .jsonPath("$.status").isEqualTo("PREVIEW")
                .jsonPath("$.assignments.length()").isEqualTo(0)
                .jsonPath("$.booked").isEqualTo(0);
        http.get().uri(API + "/lessons/{l}/observers", lessonId).exchange().expectBody().jsonPath("$.booked.length()").isEqualTo(0);
    }

    @Test
    void mongoOperatorsInPathsAndQueriesAreData() {
        String lessonId = fixtures.createLesson("Khám phá", "K1", "2027-10-25T15:00:00+07:00", "2027-10-25T15:45:00+07:00", 4);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        fixtures.booked(lessonId, hoa);
        http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(Map.of("registrationIds", List.of(hoa)))
                .exchange().expectStatus().isOk();
        fixtures.asDelegate(hoa).post().uri(API + "/lessons/{l}/forms", lessonId)
                .bodyValue(Map.of("registrationId", hoa, "scores", Map.of("child-initiative", 5, "learning-environment", 4,
                        "teacher-support", 5, "age-fit", 4, "outcome", 5)))
                .exchange().expectStatus().isCreated();
        WebTestClient anonymous = TestIdentity.anonymous(http);
        WebTestClient delegate = fixtures.asDelegate(hoa);

        for (String operator : OPERATORS) {
            anonymous.get().uri(API + "/lessons/{l}", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/lessons/{l}", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/lessons", operator).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0);
            http.delete().uri(API + "/lessons/{l}", operator).exchange().expectStatus().isNotFound();
            http.delete().uri(API + "/lessons/{l}/bookings/{r}", lessonId, operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/lessons/{l}/forms/{r}", lessonId, operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/delegates/{r}/schedule", fixtures.eventId, operator).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
            delegate.get().uri(API + "/events/{e}/delegates/{r}/schedule", fixtures.eventId, operator).exchange()
                    .expectStatus().isNotFound();
            delegate.get().uri(API + "/lessons/{l}/forms/{r}", lessonId, operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/observers", operator).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(0);
            http.get().uri(API + "/rotations/{r}", operator).exchange().expectStatus().isNotFound();
            http.get().uri(API + "/events/{e}/lessons?seatsLeft={s}", fixtures.eventId, operator).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        }

        // Nothing was touched.
        lesson(lessonId).jsonPath("$.status").isEqualTo("SCHEDULED").jsonPath("$.seatsLeft").isEqualTo(3);
        http.get().uri(API + "/lessons/{l}/observers", lessonId).exchange().expectBody()
                .jsonPath("$.booked.length()").isEqualTo(1).jsonPath("$.booked[0].registrationId").isEqualTo(hoa);
        delegate.get().uri(API + "/lessons/{l}/forms/{r}", lessonId, hoa).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.scores.outcome").isEqualTo(5);
    }

    @Test
    void mongoOperatorsInBodiesAreData() {
        String lessonId = fixtures.createLesson("Làm quen chữ cái", "L1", "2027-10-25T16:00:00+07:00", "2027-10-25T16:45:00+07:00", 4);
        String hoa = fixtures.observer("Nguyễn Thị Hoà");
        fixtures.booked(lessonId, hoa);
        http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(Map.of("registrationIds", List.of(hoa)))
                .exchange().expectStatus().isOk();

        for (String operator : OPERATORS) {
            // A registration id that is an operator's text: no such registration.
            http.post().uri(API + "/lessons/{l}/bookings", lessonId).bodyValue(Map.of("registrationId", operator)).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "delegate-not-confirmed");
            fixtures.asDelegate(hoa).post().uri(API + "/lessons/{l}/bookings", lessonId)
                    .bodyValue(Map.of("registrationId", operator)).exchange().expectStatus().isNotFound();
            http.post().uri(API + "/lessons/{l}/attendance", lessonId).bodyValue(Map.of("registrationIds", List.of(operator)))
                    .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-booked");
            http.post().uri(API + "/events/{e}/rotations", fixtures.eventId)
                    .bodyValue(Map.of("registrationIds", List.of(operator))).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "delegate-not-confirmed");
        }
        // An operator object where an id belongs is not JSON this service reads.
        for (String body : List.of("{\"registrationId\": {\"$gt\": \"\"}}", "{\"registrationId\": {\"$where\": \"sleep(1000)\"}}")) {
            http.post().uri(API + "/lessons/{l}/bookings", lessonId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        }
        // Operators and dotted paths as criterion ids or score keys: validation errors, nothing stored.
        for (String id : List.of("$where", "a.b", "$gt")) {
            http.put().uri(API + "/events/{e}/form", fixtures.eventId)
                    .bodyValue(Map.of("criteria", List.of(Map.of("id", id, "label", "x")))).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation");
        }
        Map<String, Object> scores = new LinkedHashMap<>(Map.of("child-initiative", 5, "learning-environment", 4,
                "teacher-support", 5, "age-fit", 4, "outcome", 5));
        scores.put("$where", 1);
        scores.put("a.b", 2);
        fixtures.asDelegate(hoa).post().uri(API + "/lessons/{l}/forms", lessonId)
                .bodyValue(Map.of("registrationId", hoa, "scores", scores)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("scores.$where")
                .jsonPath("$.errors[1].field").isEqualTo("scores.a.b");
        http.get().uri(API + "/lessons/{l}/forms/{r}", lessonId, hoa).exchange().expectStatus().isNotFound();
        // Preferences keyed by operators are only read, never stored as keys.
        http.post().uri(API + "/events/{e}/rotations", fixtures.eventId)
                .bodyValue(Map.of("preferences", Map.of("$where", List.of(lessonId), "a.b", List.of("$gt"))))
                .exchange().expectStatus().isCreated();
        TestIdentity.anonymous(http).get().uri(API + "/events/{e}/form", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.criteria.length()").isEqualTo(5);
        http.get().uri(API + "/lessons/{l}/observers", lessonId).exchange().expectBody()
                .jsonPath("$.booked.length()").isEqualTo(1).jsonPath("$.booked[0].registrationId").isEqualTo(hoa);
    }
}
