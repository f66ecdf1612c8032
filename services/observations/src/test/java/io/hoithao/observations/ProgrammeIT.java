package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Lessons follow the programme's DEMONSTRATION_LESSON sessions from the events topic. */
@IntegrationTest
class ProgrammeIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void lessonsAreScheduledMovedWithClashesReportedAndCancelledWithTheirSessions() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        Fixtures fixtures = new Fixtures(http, mongo);
        String session = "ses-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-10-25T01:00:00Z");
        SessionScheduled scheduled = new SessionScheduled(UUID.randomUUID(), Instant.now(), fixtures.eventId, session,
                "DEMONSTRATION_LESSON", "Dự giờ: Bé tìm hiểu về nước", "Trường Mầm non Đồng Tâm", start, start.plusSeconds(2700), 3);
        messages.send(scheduled);
        messages.send(scheduled); // redelivered
        messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), fixtures.eventId, "ses-plenary-" + UUID.randomUUID(),
                "PLENARY", "Khai mạc", "Hội trường", start, start.plusSeconds(1800), 4));
        String lesson = "les-" + session;
        Scenario.eventually(() -> http.get()
                .uri("/api/observations/events/{e}/lessons?seatsLeft=true", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(lesson)
                .jsonPath("$.items[0].seatsLeft").isEqualTo(8));

        String other = fixtures.createLesson("Âm nhạc", "M1", "2026-10-25T10:00:00+07:00", "2026-10-25T10:45:00+07:00", 6);
        String lan = fixtures.observer("Hoàng Thị Lan");
        fixtures.booked(lesson, lan);
        fixtures.booked(other, lan);

        // The session moves onto the other lesson's time: the lesson follows and the clash is reported.
        Scenario.when(() -> messages.send(new SessionMoved(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, "Trường Mầm non Đồng Tâm",
                Instant.parse("2026-10-25T03:15:00Z"), Instant.parse("2026-10-25T04:00:00Z"), 5)))
                .thenState(() -> http.get()
                .uri("/api/observations/events/{e}/clashes", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].registrationId").isEqualTo(lan)
                .jsonPath("$[0].lessonId").isEqualTo(other)
                .jsonPath("$[0].clashingLessonId").isEqualTo(lesson));
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.startsAt").isEqualTo("2026-10-25T10:15:00+07:00");

        Scenario.when(() -> messages.send(new SessionCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, 6)))
                .thenState(() -> http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.seatsLeft").isEqualTo(8));
        http.get().uri("/api/observations/events/{e}/clashes", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        Scenario.eventually(() -> {
            assertThat(published.messages(LessonScheduled.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(LessonMoved.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(LessonCancelled.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(SeatReleased.class)).filteredOn(m -> m.lessonId().equals(lesson))
                    .singleElement().extracting(SeatReleased::registrationId).isEqualTo(lan);
        });
    }

    /**
     * A demonstration lesson is set up once, where the session is scheduled: its school, classroom and seats make
     * the lesson; a later change of room or seats in the events service is taken when it can be (the room free at
     * that time, no fewer seats than booked observers) and what the lesson then has is announced, so that the
     * session follows a change the lesson could not take.
     */
    @Test
    void aLessonTakesItsSessionsClassroomAndSeatsAndTellsWhatItKeeps() {
        TestMessages.Subscription published = messages.subscribe(Topics.OBSERVATIONS);
        Fixtures fixtures = new Fixtures(http, mongo);
        String school = "Trường Mầm non Yên Đĩnh " + fixtures.eventId.substring(4, 12);
        String session = "ses-" + UUID.randomUUID();
        String lesson = "les-" + session;
        Instant start = Instant.parse("2026-10-25T01:00:00Z");
        Instant end = start.plusSeconds(2100);
        Scenario.when(() -> messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, "DEMONSTRATION_LESSON",
                "Dự giờ: Bé với hình khối", "MGL A1 – " + school, start, end, 3, school, "MGL A1", 12)))
                .thenState(() -> http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.hostSchool").isEqualTo(school).jsonPath("$.classroom").isEqualTo("MGL A1")
                .jsonPath("$.seats").isEqualTo(12).jsonPath("$.seatsLeft").isEqualTo(12));

        // Another session wants the same room at the same time: it gets its lesson, without the room.
        String rival = "ses-" + UUID.randomUUID();
        Scenario.when(() -> messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), fixtures.eventId, rival, "DEMONSTRATION_LESSON",
                "Dự giờ: Bé tập đếm", "MGL A1 – " + school, start, end, 4, school, "MGL A1", 6)))
                .thenState(() -> http.get().uri("/api/observations/lessons/{l}", "les-" + rival)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.classroom").doesNotExist().jsonPath("$.seats").isEqualTo(6));

        String lan = fixtures.observer("Hoàng Thị Lan");
        String duc = fixtures.observer("Trần Văn Đức");
        String mai = fixtures.observer("Lê Thị Mai");
        fixtures.booked(lesson, lan);
        fixtures.booked(lesson, duc);
        fixtures.booked(lesson, mai);

        // Moved to another room with fewer seats, still more than booked: taken.
        Scenario.when(() -> messages.send(new SessionMoved(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, "MGN B2 – " + school,
                start, end, 5, school, "MGN B2", 10)))
                .thenState(() -> http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.classroom").isEqualTo("MGN B2").jsonPath("$.seats").isEqualTo(10)
                .jsonPath("$.seatsLeft").isEqualTo(7));
        // The old room is free again: the rival lesson may take it.
        http.put().uri("/api/observations/lessons/{l}/details", "les-" + rival)
                .bodyValue(java.util.Map.of("classroom", "MGL A1", "className", "Lớp MGL A1", "ageGroup", "MAU_GIAO_LON",
                        "teacher", "Nguyễn Thị Hoà", "activity", "Làm quen với toán", "developmentalArea", "Phát triển nhận thức",
                        "seats", 6))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.classroom").isEqualTo("MGL A1");

        // Fewer seats than the three booked observers: refused, the lesson keeps 10 and says so.
        Scenario.when(() -> messages.send(new SessionMoved(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, "MGN B2 – " + school,
                start, end, 6, school, "MGN B2", 2)))
                .thenState(() -> assertThat(published.messages(LessonScheduled.class))
                .filteredOn(m -> m.lessonId().equals(lesson))
                .extracting(LessonScheduled::room, LessonScheduled::seats, LessonScheduled::host)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MGL A1", 12, school),
                        org.assertj.core.groups.Tuple.tuple("MGN B2", 10, school),
                        org.assertj.core.groups.Tuple.tuple("MGN B2", 10, school)));
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.seats").isEqualTo(10).jsonPath("$.seatsLeft").isEqualTo(7);
        assertThat(published.messages(LessonScheduled.class)).filteredOn(m -> m.lessonId().equals("les-" + rival))
                .extracting(LessonScheduled::room).containsExactly(null, "MGL A1");
    }
}
