package io.hoithao.events;

import static io.hoithao.events.Fixtures.hall;
import static io.hoithao.events.Fixtures.school;
import static io.hoithao.events.Fixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.IntegrationMessage;
import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.CapacityChanged;
import io.hoithao.contracts.events.EventRescheduled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.events.event.EventView;
import io.hoithao.events.session.SessionView;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class SessionsIT {

    @Autowired
    WebTestClient http;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void clashesAreRefusedNamingTheProblemAndParallelVenuesAreFine() {
        EventView event = Fixtures.createConference(http);
        String id = event.id();
        SessionView plenary = Fixtures.scheduled(http, id,
                session("PLENARY", "Báo cáo sơ kết 2 năm thực hiện chuyên đề", "2026-10-25", "07:30", "09:30", hall(event).id()));
        assertThat(plenary.startsAt().toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));

        Fixtures.schedule(http, id, session("DISCUSSION", "Thảo luận", "2026-10-25", "09:00", "10:00", hall(event).id()))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-clash")
                .jsonPath("$.clashingSession.id").isEqualTo(plenary.id())
                .jsonPath("$.clashingSession.title").isEqualTo("Báo cáo sơ kết 2 năm thực hiện chuyên đề")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Báo cáo sơ kết"));

        Fixtures.schedule(http, id, session("SITE_VISIT", "Tham quan", "2026-10-27", "08:00", "09:00", hall(event).id()))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-outside-event")
                .jsonPath("$.firstDay").isEqualTo("2026-10-25")
                .jsonPath("$.lastDay").isEqualTo("2026-10-26");

        Fixtures.schedule(http, id, session("DISCUSSION", "Thảo luận", "2026-10-25", "11:00", "10:00", hall(event).id()))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("end");

        Fixtures.schedule(http, id, session("DISCUSSION", "Thảo luận", "2026-10-25", "10:00", "11:00", "no-such-venue"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("venueId");

        // Parallel: a demonstration lesson at the host school while the plenary runs in the hall,
        // and a second lesson in another classroom of the same school.
        Map<String, Object> lessonA1 = new HashMap<>(session("DEMONSTRATION_LESSON", "Dự giờ lớp MGL A1", "2026-10-25",
                "08:00", "08:35", school(event).id()));
        lessonA1.put("classroom", "MGL A1");
        Fixtures.scheduled(http, id, lessonA1);
        Map<String, Object> lessonB2 = new HashMap<>(lessonA1);
        lessonB2.put("classroom", "MGN B2");
        lessonB2.put("title", "Dự giờ lớp MGN B2");
        Fixtures.scheduled(http, id, lessonB2);
        Map<String, Object> sameRoom = new HashMap<>(lessonA1);
        sameRoom.put("start", "08:30");
        sameRoom.put("end", "09:00");
        Fixtures.schedule(http, id, sameRoom).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.clashingSession.classroom").isEqualTo("MGL A1");

        http.get().uri("/api/events/" + id + "/sessions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void schedulingMovingAndCancellingSessionsAreToldOnKafka() {
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        EventView event = Fixtures.createConference(http);
        String id = event.id();
        SessionView plenary = Fixtures.scheduled(http, id,
                session("PLENARY", "Báo cáo sơ kết", "2026-10-25", "07:30", "09:30", hall(event).id()));
        SessionView discussion = Fixtures.scheduled(http, id,
                session("DISCUSSION", "Thảo luận", "2026-10-25", "09:30", "10:30", hall(event).id()));

        // moving onto the plenary clashes; moving to the next morning is fine
        http.post().uri("/api/events/" + id + "/sessions/" + discussion.id() + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-10-25", "start", "09:00", "end", "10:00"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.clashingSession.id").isEqualTo(plenary.id());
        http.post().uri("/api/events/" + id + "/sessions/" + discussion.id() + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-10-26", "start", "14:00", "end", "15:30"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sequence").isEqualTo(1).jsonPath("$.startsAt").isEqualTo("2026-10-26T14:00:00+07:00");
        http.post().uri("/api/events/" + id + "/sessions/" + plenary.id() + "/cancel").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        http.post().uri("/api/events/" + id + "/sessions/" + plenary.id() + "/cancel").exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/events/" + id + "/sessions/nope/cancel").exchange().expectStatus().isNotFound();

        Scenario.eventually(() -> assertThat(ours(topic, id))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly("SessionScheduled", "SessionScheduled", "SessionMoved", "SessionCancelled"));
        List<IntegrationMessage> ours = ours(topic, id);
        SessionScheduled first = (SessionScheduled) ours.get(0);
        assertThat(first.sessionId()).isEqualTo(plenary.id());
        assertThat(first.venue()).isEqualTo("Hội trường UBND huyện Chợ Mới");
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(first.revision()).isEqualTo(1);
        SessionMoved moved = (SessionMoved) ours.get(2);
        assertThat(moved.sessionId()).isEqualTo(discussion.id());
        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(moved.revision()).isEqualTo(3);
        assertThat(((SessionCancelled) ours.get(3)).revision()).isEqualTo(4);
    }

    @Test
    void reschedulingMovesTheSessionsAlongAndCapacityChangesAreTold() {
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        EventView event = Fixtures.createConference(http);
        String id = event.id();
        SessionView closing = Fixtures.scheduled(http, id,
                session("CLOSING", "Bế mạc", "2026-10-26", "16:00", "16:30", hall(event).id()));

        http.post().uri("/api/events/" + id + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startDate", "2026-11-01", "endDate", "2026-11-01"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-outside-event")
                .jsonPath("$.sessions[0].id").isEqualTo(closing.id());
        http.post().uri("/api/events/" + id + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startDate", "2026-11-01", "endDate", "2026-11-02"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.startDate").isEqualTo("2026-11-01").jsonPath("$.endDate").isEqualTo("2026-11-02");
        http.get().uri("/api/events/" + id + "/sessions/" + closing.id()).exchange()
                .expectBody().jsonPath("$.date").isEqualTo("2026-11-02").jsonPath("$.start").isEqualTo("16:00:00");
        http.post().uri("/api/events/" + id + "/capacity").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 150)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.capacity").isEqualTo(150);

        Scenario.eventually(() -> assertThat(ours(topic, id))
                .extracting(m -> m.getClass().getSimpleName())
                .containsExactly("SessionScheduled", "EventRescheduled", "SessionMoved", "CapacityChanged"));
        List<IntegrationMessage> ours = ours(topic, id);
        EventRescheduled rescheduled = (EventRescheduled) ours.get(1);
        assertThat(rescheduled.startDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(rescheduled.timeZone()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(((SessionMoved) ours.get(2)).startsAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        CapacityChanged capacity = (CapacityChanged) ours.get(3);
        assertThat(capacity.capacity()).isEqualTo(150);
        assertThat(capacity.previousCapacity()).isEqualTo(120);
        assertThat(capacity.revision()).isEqualTo(3);
    }

    @Test
    void anEventThatIsOverNoLongerChanges() {
        EventView event = Fixtures.createConference(http);
        String id = event.id();
        http.post().uri("/api/events/" + id + "/cancel").exchange().expectStatus().isOk();
        Fixtures.schedule(http, id, session("PLENARY", "Báo cáo", "2026-10-25", "07:30", "09:30", hall(event).id()))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/event-not-editable")
                .jsonPath("$.currentState").isEqualTo("CANCELLED");
        http.post().uri("/api/events/" + id + "/reschedule").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startDate", "2026-11-01", "endDate", "2026-11-02"))
                .exchange().expectStatus().isEqualTo(409);
    }

    /**
     * A demonstration lesson is set up once: its venue, classroom and seats go with the session to the
     * observations service, and what the lesson ends up with there (set by the organiser there, or a change
     * it could not take) comes back into the session.
     */
    @Test
    void aDemonstrationLessonsClassroomAndSeatsTravelWithItsSessionAndComeBackFromItsLesson() {
        TestMessages.Subscription topic = messages.subscribe(Topics.EVENTS);
        EventView event = Fixtures.createConference(http);
        String id = event.id();
        Map<String, Object> lesson = new HashMap<>(session("DEMONSTRATION_LESSON", "Dự giờ: Bé tìm hiểu về nước", "2026-10-25",
                "08:00", "08:35", school(event).id()));
        lesson.put("classroom", "MGL A1");
        lesson.put("seats", 12);
        SessionView scheduled = Fixtures.scheduled(http, id, lesson);
        assertThat(scheduled.seats()).isEqualTo(12);
        assertThat(scheduled.classroom()).isEqualTo("MGL A1");

        Map<String, Object> plenaryWithSeats = new HashMap<>(session("PLENARY", "Khai mạc", "2026-10-25", "07:00", "07:30",
                hall(event).id()));
        plenaryWithSeats.put("seats", 12);
        Fixtures.schedule(http, id, plenaryWithSeats).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("seats");
        lesson.put("seats", 31);
        lesson.put("start", "09:00");
        lesson.put("end", "09:35");
        Fixtures.schedule(http, id, lesson).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("seats");

        http.post().uri("/api/events/" + id + "/sessions/" + scheduled.id() + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2026-10-25", "start", "08:00", "end", "08:35", "classroom", "MGN B2", "seats", 10))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.classroom").isEqualTo("MGN B2").jsonPath("$.seats").isEqualTo(10);

        Scenario.eventually(() -> assertThat(ours(topic, id)).hasSize(2));
        SessionScheduled told = (SessionScheduled) ours(topic, id).get(0);
        assertThat(told.host()).isEqualTo("Trường Mầm non Đồng Tâm");
        assertThat(told.classroom()).isEqualTo("MGL A1");
        assertThat(told.seats()).isEqualTo(12);
        assertThat(told.venueId()).isEqualTo(school(event).id());
        assertThat(told.venue()).isEqualTo("Trường Mầm non Đồng Tâm – MGL A1");
        SessionMoved moved = (SessionMoved) ours(topic, id).get(1);
        assertThat(moved.host()).isEqualTo("Trường Mầm non Đồng Tâm");
        assertThat(moved.classroom()).isEqualTo("MGN B2");
        assertThat(moved.seats()).isEqualTo(10);
        assertThat(moved.venueId()).isEqualTo(school(event).id());

        // The organiser sets another room and seats on the lesson in the observations service: the session follows.
        Scenario.when(() -> messages.send(new LessonScheduled(UUID.randomUUID(), Instant.now(), id, "les-" + scheduled.id(), scheduled.id(),
                "Dự giờ: Bé tìm hiểu về nước", "MGL A1 – Trường Mầm non Đồng Tâm", told.startsAt(), told.endsAt(), 14,
                "Trường Mầm non Đồng Tâm", "MGL A1")))
                .thenState(() -> http.get().uri("/api/events/" + id + "/sessions/" + scheduled.id())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.classroom").isEqualTo("MGL A1").jsonPath("$.seats").isEqualTo(14)
                .jsonPath("$.sequence").isEqualTo(1));
        // Taken over silently: the lesson's message already told everyone, nothing echoes back.
        assertThat(ours(topic, id)).hasSize(2);
    }

    static List<IntegrationMessage> ours(TestMessages.Subscription topic, String eventId) {
        return topic.messages().stream().filter(m -> m.eventId().equals(eventId)).toList();
    }
}
