package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.presentations.PaperAccepted;
import io.hoithao.contracts.presentations.PaperRevised;
import io.hoithao.contracts.presentations.PaperScheduled;
import io.hoithao.contracts.presentations.PaperSubmitted;
import io.hoithao.contracts.presentations.PaperWithdrawn;
import io.hoithao.contracts.registrations.RegistrationCancelled;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.presentations.delegate.Delegate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class PaperFlowIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();
    Fixtures fixtures;

    @BeforeEach
    void event() {
        fixtures = new Fixtures(http, messages, mongo).withOpenCall();
    }

    @Test
    void aRegisteredDelegateSubmitsOrganisersReviewAcceptAndPlaceTheProgrammeLearnsEachStep() {
        TestMessages.Subscription told = messages.subscribe(Topics.PRESENTATIONS);
        String email = "hoa.nt@mndongtam.edu.vn";
        fixtures.delegate(email);
        WebTestClient submitter = fixtures.asDelegate(email);
        String sessionId = fixtures.session("09:00", "10:00");

        String paperId = fixtures.submitted(email, "Kinh nghiệm xây dựng lớp học hạnh phúc", 20);

        // The submitter edits before review starts; someone else may not (another delegate does not even see it;
        // the event's organisers see it but do not edit it).
        Map<String, Object> edited = Fixtures.paper("Kinh nghiệm xây dựng lớp học hạnh phúc cho trẻ", 25);
        submitter.put().uri("/api/presentations/papers/{p}", paperId)
                .bodyValue(edited).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.requestedMinutes").isEqualTo(25);
        fixtures.delegate("lua.ht@mndongtam.edu.vn");
        fixtures.asDelegate("lua.ht@mndongtam.edu.vn").put().uri("/api/presentations/papers/{p}", paperId)
                .bodyValue(edited).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
        fixtures.as(TestIdentity.organiser(Fixtures.ORGANISER_UNIT)).put().uri("/api/presentations/papers/{p}", paperId)
                .bodyValue(edited).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-submitter");

        fixtures.review(paperId, "Trần Văn Bình", 8);
        fixtures.review(paperId, "Lê Thị Cúc", 6);
        // One review per reviewer.
        fixtures.as(Fixtures.reviewer("Lê Thị Cúc")).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 9, "comment", "Lần nữa")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/already-reviewed");
        // Review has started: no more edits.
        submitter.put().uri("/api/presentations/papers/{p}", paperId)
                .bodyValue(edited).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/invalid-transition")
                .jsonPath("$.currentState").isEqualTo("UNDER_REVIEW");

        fixtures.decide(paperId, "ACCEPTED").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");

        // The submitter sees the decision, scores and comments, but not who reviewed.
        submitter.get().uri("/api/presentations/papers/{p}", paperId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decision.outcome").isEqualTo("ACCEPTED")
                .jsonPath("$.feedback.length()").isEqualTo(2)
                .jsonPath("$.feedback[1].score").isEqualTo(6)
                .jsonPath("$.feedback[1].comment").isEqualTo("Nhiều kinh nghiệm thực tế (6/10)");
        String seen = submitter.get().uri("/api/presentations/papers/{p}", paperId).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(seen).doesNotContain("reviewer").doesNotContain("Trần Văn Bình").doesNotContain("Lê Thị Cúc");
        http.get().uri("/api/presentations/papers/{p}/reviews", paperId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reviews[0].reviewer").isEqualTo("Trần Văn Bình")
                .jsonPath("$.averageScore").isEqualTo(7.0);

        http.get().uri("/api/presentations/events/{e}/papers?status=UNPLACED", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(paperId).jsonPath("$.total").isEqualTo(1);

        fixtures.place(sessionId, paperId, null).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.papers[0].paperId").isEqualTo(paperId)
                .jsonPath("$.papers[0].position").isEqualTo(1)
                .jsonPath("$.papers[0].startsAt").isEqualTo("2026-10-25T09:00:00+07:00")
                .jsonPath("$.papers[0].endsAt").isEqualTo("2026-10-25T09:25:00+07:00")
                .jsonPath("$.session.freeMinutes").isEqualTo(35);

        http.get().uri("/api/presentations/events/{e}/papers?status=SCHEDULED", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(paperId)
                .jsonPath("$.items[0].placement.sessionId").isEqualTo(sessionId);
        http.get().uri("/api/presentations/events/{e}/papers?status=UNPLACED", fixtures.eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        // A unit finds its papers by its id.
        submitter.get().uri(b -> b.path("/api/presentations/papers").queryParam("unitId", TestDirectory.id(Fixtures.UNIT))
                        .queryParam("eventId", fixtures.eventId).build()).exchange()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(paperId);

        Scenario.eventually(() -> {
            assertThat(told.messages(PaperSubmitted.class)).anySatisfy(m -> {
                assertThat(m.paperId()).isEqualTo(paperId);
                assertThat(m.submitterEmail()).isEqualTo(email); // the notifications service tells her of the review
            });
            assertThat(told.messages(PaperRevised.class)).anySatisfy(m -> assertThat(m.requestedMinutes()).isEqualTo(25));
            assertThat(told.messages(PaperAccepted.class)).anySatisfy(m -> {
                assertThat(m.paperId()).isEqualTo(paperId);
                assertThat(m.presenters()).containsExactly("Nguyễn Thị Hoà", "Hoàng Thị Lụa");
                assertThat(m.submitterEmail()).isEqualTo(email);
            });
            assertThat(told.messages(PaperScheduled.class)).anySatisfy(m -> {
                assertThat(m.paperId()).isEqualTo(paperId);
                assertThat(m.sessionId()).isEqualTo(sessionId);
                assertThat(m.title()).isEqualTo("Kinh nghiệm xây dựng lớp học hạnh phúc cho trẻ");
                assertThat(m.position()).isEqualTo(1);
                assertThat(m.minutes()).isEqualTo(25);
            });
        });

        // Withdrawing a scheduled paper takes it out of its session first.
        submitter.post().uri("/api/presentations/papers/{p}/withdraw", paperId)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", fixtures.eventId, sessionId).exchange()
                .expectBody().jsonPath("$.papers.length()").isEqualTo(0);
        Scenario.eventually(() ->
                assertThat(told.messages(PaperWithdrawn.class)).anySatisfy(m -> assertThat(m.paperId()).isEqualTo(paperId)));
    }

    @Test
    void onlyAConfirmedDelegateOfTheEventMaySubmitFoundByTheEmailOfTheirToken() {
        fixtures.submit("ai.do@example.vn", Fixtures.paper("Không đăng ký", 15))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-registered")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("register for the event first"))
                .jsonPath("$.email").isEqualTo("ai.do@example.vn");

        String email = "binh.tv@pgd-chomoi.edu.vn";
        String registrationId = fixtures.delegate(email);
        // Registered for another event only.
        Fixtures other = new Fixtures(http, messages, mongo).withOpenCall();
        other.submit(email, Fixtures.paper("Sự kiện khác", 15))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-registered");
        // No token at all.
        TestIdentity.anonymous(http).post().uri("/api/presentations/events/{e}/papers", fixtures.eventId)
                .bodyValue(Fixtures.paper("Ẩn danh", 15))
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/unauthenticated");

        messages.send(new RegistrationCancelled(UUID.randomUUID(), Instant.now(), fixtures.eventId, registrationId, email,
                null, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(registrationId, Delegate.class)
                .map(d -> !d.confirmed()).blockOptional().orElse(false));
        fixtures.submit(email, Fixtures.paper("Đã huỷ đăng ký", 15))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-registered")
                .jsonPath("$.eventId").isEqualTo(fixtures.eventId);
    }

    @Test
    void submissionsFollowTheCallForPapers() {
        String email = "cuc.lt@mnthanhlong.edu.vn";
        fixtures.delegate(email);
        fixtures.submit(email, Fixtures.paper("Quá dài", 90))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("requestedMinutes");
        fixtures.submit(email, Map.of("title", ""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation");

        http.put().uri("/api/presentations/events/{e}/call-for-papers", fixtures.eventId)
                .bodyValue(Map.of("opensAt", OffsetDateTime.now().minusDays(10).toString(),
                        "closesAt", OffsetDateTime.now().minusDays(1).toString()))
                .exchange().expectStatus().isOk();
        fixtures.submit(email, Fixtures.paper("Nộp muộn", 15))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/call-for-papers-closed")
                .jsonPath("$.closesAt").exists();
    }
}
