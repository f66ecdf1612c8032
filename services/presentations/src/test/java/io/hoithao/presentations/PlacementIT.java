package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.SessionCancelled;
import io.hoithao.contracts.events.SessionMoved;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperUnscheduled;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class PlacementIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;
    final String email = "lan.pt@mnhoasen.edu.vn";

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, messages, mongo).withOpenCall();
        fixtures.delegate(email);
    }

    @Test
    void papersFillASessionInOrderAndNeverOverflowIt() {
        String sessionId = fixtures.session("14:00", "15:00");
        String first = fixtures.accepted(email, "Góc trải nghiệm cho trẻ 5 tuổi", 30);
        String second = fixtures.accepted(email, "Phối hợp với cha mẹ trẻ", 20);
        String third = fixtures.accepted(email, "Tận dụng nguyên vật liệu địa phương", 15);
        String pending = fixtures.submitted(email, "Chưa duyệt", 10);

        fixtures.place(sessionId, first, null).expectStatus().isOk();
        fixtures.place(sessionId, second, 1).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.papers[0].paperId").isEqualTo(second)
                .jsonPath("$.papers[1].paperId").isEqualTo(first)
                .jsonPath("$.papers[1].startsAt").isEqualTo("2026-10-25T14:20:00+07:00")
                .jsonPath("$.session.placedMinutes").isEqualTo(50);

        fixtures.place(sessionId, third, null).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-overflow")
                .jsonPath("$.sessionMinutes").isEqualTo(60)
                .jsonPath("$.placedMinutes").isEqualTo(50)
                .jsonPath("$.requestedMinutes").isEqualTo(15)
                .jsonPath("$.overflowMinutes").isEqualTo(5);
        fixtures.place(sessionId, pending, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/paper-not-accepted");
        fixtures.place("ses-unknown", first, null).expectStatus().isNotFound();

        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", fixtures.eventId, sessionId).exchange()
                .expectBody().jsonPath("$.papers.length()").isEqualTo(2);
    }

    @Test
    void papersMoveWithTheirSessionAndReturnToUnplacedWhenItIsCancelled() {
        TestMessages.Subscription told = messages.subscribe(Topics.PRESENTATIONS);
        String sessionId = fixtures.session("09:00", "10:00");
        String first = fixtures.accepted(email, "Tổ chức hoạt động ngoài trời", 20);
        String second = fixtures.accepted(email, "Đánh giá sự phát triển của trẻ", 25);
        fixtures.place(sessionId, first, null).expectStatus().isOk();
        fixtures.place(sessionId, second, null).expectStatus().isOk();

        Scenario.when(() -> messages.send(new SessionMoved(UUID.randomUUID(), Instant.now(), fixtures.eventId, sessionId,
                "Trường Mầm non Đồng Tâm", Fixtures.at("13:30"), Fixtures.at("14:30"), fixtures.nextRevision())))
                .thenState(() ->
                http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", fixtures.eventId, sessionId).exchange()
                        .expectBody()
                        .jsonPath("$.session.venue").isEqualTo("Trường Mầm non Đồng Tâm")
                        .jsonPath("$.papers[0].paperId").isEqualTo(first)
                        .jsonPath("$.papers[0].startsAt").isEqualTo("2026-10-25T13:30:00+07:00")
                        .jsonPath("$.papers[1].startsAt").isEqualTo("2026-10-25T13:50:00+07:00"));

        Scenario.when(() -> messages.send(new SessionCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, sessionId,
                fixtures.nextRevision())))
                .thenState(() ->
                http.get().uri("/api/presentations/events/{e}/papers?status=UNPLACED", fixtures.eventId).exchange()
                        .expectBody().jsonPath("$.total").isEqualTo(2));
        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", fixtures.eventId, sessionId).exchange()
                .expectBody().jsonPath("$.session.cancelled").isEqualTo(true).jsonPath("$.papers.length()").isEqualTo(0);
        fixtures.place(sessionId, first, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-cancelled");

        Scenario.eventually(() -> {
            assertThat(told.messages(PaperUnscheduled.class))
                    .filteredOn(m -> m.sessionId().equals(sessionId))
                    .extracting(PaperUnscheduled::paperId, PaperUnscheduled::reason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(first, "SESSION_CANCELLED"),
                            org.assertj.core.groups.Tuple.tuple(second, "SESSION_CANCELLED"));
            long lastScheduled = told.messages(PaperScheduled.class).stream()
                    .filter(m -> m.sessionId().equals(sessionId)).mapToLong(PaperScheduled::revision).max().orElseThrow();
            assertThat(told.messages(PaperUnscheduled.class)).allSatisfy(m -> assertThat(m.revision()).isGreaterThan(lastScheduled));
        });
    }

    @Test
    void aCancelledEventWithdrawsItsPapersFromTheProgrammeAndKeepsThemAccepted() {
        TestMessages.Subscription told = messages.subscribe(Topics.PRESENTATIONS);
        String morning = fixtures.session("08:00", "09:00");
        String afternoon = fixtures.session("15:00", "16:00");
        String first = fixtures.accepted(email, "Xây dựng môi trường học tập", 20);
        String second = fixtures.accepted(email, "Giáo dục kỹ năng sống", 20);
        fixtures.place(morning, first, null).expectStatus().isOk();
        fixtures.place(afternoon, second, null).expectStatus().isOk();

        messages.send(new EventCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, "Hoãn do bão"));

        Scenario.eventually(() ->
                assertThat(told.messages(PaperUnscheduled.class))
                        .filteredOn(m -> m.eventId().equals(fixtures.eventId))
                        .extracting(PaperUnscheduled::paperId, PaperUnscheduled::sessionId, PaperUnscheduled::reason)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(first, morning, "EVENT_CANCELLED"),
                                org.assertj.core.groups.Tuple.tuple(second, afternoon, "EVENT_CANCELLED")));
        for (String sessionId : new String[] {morning, afternoon}) {
            http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", fixtures.eventId, sessionId).exchange()
                    .expectBody().jsonPath("$.session.cancelled").isEqualTo(true).jsonPath("$.papers.length()").isEqualTo(0);
        }
        http.get().uri("/api/presentations/events/{e}/papers?status=UNPLACED", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        http.get().uri("/api/presentations/events/{e}/papers?status=ACCEPTED", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        fixtures.place(morning, first, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/session-cancelled");
    }
}
