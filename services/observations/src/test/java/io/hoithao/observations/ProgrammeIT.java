package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.observations.LessonCancelled;
import io.hoithao.contracts.observations.LessonMoved;
import io.hoithao.contracts.observations.LessonScheduled;
import io.hoithao.contracts.observations.SeatReleased;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    final TestMessages messages = new TestMessages();

    @AfterEach
    void close() {
        messages.close();
    }

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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/api/observations/events/{e}/lessons?seatsLeft=true", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(lesson)
                .jsonPath("$.items[0].seatsLeft").isEqualTo(8));

        String other = fixtures.createLesson("Âm nhạc", "M1", "2026-10-25T10:00:00+07:00", "2026-10-25T10:45:00+07:00", 6);
        String lan = fixtures.observer("Hoàng Thị Lan");
        fixtures.booked(lesson, lan);
        fixtures.booked(other, lan);

        // The session moves onto the other lesson's time: the lesson follows and the clash is reported.
        messages.send(new SessionMoved(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, "Trường Mầm non Đồng Tâm",
                Instant.parse("2026-10-25T03:15:00Z"), Instant.parse("2026-10-25T04:00:00Z"), 5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                .uri("/api/observations/events/{e}/clashes", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].registrationId").isEqualTo(lan)
                .jsonPath("$[0].lessonId").isEqualTo(other)
                .jsonPath("$[0].clashingLessonId").isEqualTo(lesson));
        http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.startsAt").isEqualTo("2026-10-25T10:15:00+07:00");

        messages.send(new SessionCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, session, 6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/observations/lessons/{l}", lesson).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.seatsLeft").isEqualTo(8));
        http.get().uri("/api/observations/events/{e}/clashes", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(published.messages(LessonScheduled.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(LessonMoved.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(LessonCancelled.class)).filteredOn(m -> m.lessonId().equals(lesson)).hasSize(1);
            assertThat(published.messages(SeatReleased.class)).filteredOn(m -> m.lessonId().equals(lesson))
                    .singleElement().extracting(SeatReleased::registrationId).isEqualTo(lan);
        });
    }
}
