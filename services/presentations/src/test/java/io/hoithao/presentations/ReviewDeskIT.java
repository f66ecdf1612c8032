package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.presentations.delegate.Delegate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The two reads behind the web application's review pages: the reviewer's desk and an event's reviews side by side. */
@IntegrationTest
class ReviewDeskIT {

    static final String OTHER_UNIT = "Trường Mầm non Hoa Sen";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

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
    void aReviewerSeesThePapersSheMayReviewNeverHerOwnUnitsThenHerReviewAndTheDecision() {
        fixtures.delegate("hoa.nt@mndongtam.edu.vn");
        String dongTam = fixtures.submitted("hoa.nt@mndongtam.edu.vn", "Lớp học hạnh phúc", 20);
        delegateOf(OTHER_UNIT, "mai.lt@mnhoasen.edu.vn");
        String hoaSen = fixtures.submitted(TestIdentity.person("mai.lt@mnhoasen.edu.vn", "Lê Thị Mai", OTHER_UNIT, Role.DELEGATE),
                "Góc thiên nhiên cho trẻ", 15);

        // a reviewer of Đồng Tâm: only Hoa Sen's paper, which she may review
        Caller ofDongTam = TestIdentity.person("cuc.le@mndongtam.edu.vn", "Lê Thị Cúc", Fixtures.UNIT, Role.REVIEWER);
        List<Map<String, Object>> desk = desk(ofDongTam);
        assertThat(desk).extracting(p -> paper(p).get("id")).containsExactly(hoaSen);
        assertThat(desk.get(0)).containsEntry("reviewable", true).containsEntry("mine", null);
        assertThat(paper(desk.get(0))).containsEntry("title", "Góc thiên nhiên cho trẻ").containsKey("materials");

        // a reviewer of no unit: both, in the order they came
        Caller binh = Fixtures.reviewer("Trần Văn Bình");
        assertThat(desk(binh)).extracting(p -> paper(p).get("id")).containsExactly(dongTam, hoaSen);

        // she reviews one: her score on her desk, no longer to review; the decision shows once taken
        fixtures.review(dongTam, "Trần Văn Bình", 8);
        fixtures.decide(dongTam, "ACCEPTED").expectStatus().isOk();
        List<Map<String, Object>> after = desk(binh);
        assertThat(after).extracting(p -> paper(p).get("id")).containsExactly(dongTam, hoaSen);
        Map<String, Object> reviewed = after.get(0);
        assertThat(reviewed).containsEntry("reviewable", false);
        assertThat(mine(reviewed)).containsEntry("score", 8).containsEntry("comment", "Nhiều kinh nghiệm thực tế (8/10)");
        assertThat(paper(reviewed)).containsEntry("status", "ACCEPTED");
        assertThat(((Map<?, ?>) paper(reviewed).get("decision")).get("outcome")).isEqualTo("ACCEPTED");
        // the accepted paper is no longer under review: gone from the desk of a reviewer who did not review it
        assertThat(desk(ofDongTam)).extracting(p -> paper(p).get("id")).containsExactly(hoaSen);

        // the organisers name another reviewer: Bình keeps his history, but nothing new to review
        http.put().uri("/api/presentations/events/{e}/reviewers", fixtures.eventId)
                .bodyValue(Map.of("reviewers", List.of("cuc.le@mndongtam.edu.vn"))).exchange().expectStatus().isOk();
        assertThat(desk(binh)).extracting(p -> paper(p).get("id")).containsExactly(dongTam);

        // only reviewers (and administrators) have a desk
        fixtures.as(TestIdentity.organiser(Fixtures.ORGANISER_UNIT)).get().uri("/api/presentations/review-desk")
                .exchange().expectStatus().isForbidden();
        fixtures.asDelegate("hoa.nt@mndongtam.edu.vn").get().uri("/api/presentations/review-desk")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theEventsOrganisersSeeEveryReviewSideBySideOthersDoNot() {
        fixtures.delegate("hoa.nt@mndongtam.edu.vn");
        String paperId = fixtures.submitted("hoa.nt@mndongtam.edu.vn", "Lớp học hạnh phúc", 20);
        String withdrawn = fixtures.submitted("hoa.nt@mndongtam.edu.vn", "Bản cũ", 20);
        fixtures.asDelegate("hoa.nt@mndongtam.edu.vn").post().uri("/api/presentations/papers/{p}/withdraw", withdrawn)
                .exchange().expectStatus().isOk();
        fixtures.review(paperId, "Trần Văn Bình", 8);
        fixtures.review(paperId, "Lê Thị Cúc", 5);

        Map<String, Object> reviews = fixtures.as(TestIdentity.organiser(Fixtures.ORGANISER_UNIT)).get()
                .uri("/api/presentations/events/{e}/reviews", fixtures.eventId).exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        List<Map<String, Object>> papers = list(reviews.get("papers"));
        assertThat(papers).hasSize(1);
        assertThat(paper(papers.get(0))).containsEntry("id", paperId).containsEntry("status", "UNDER_REVIEW");
        assertThat(papers.get(0)).containsEntry("averageScore", 6.5);
        assertThat(list(papers.get(0).get("reviews"))).extracting(r -> r.get("reviewer"), r -> r.get("score"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Trần Văn Bình", 8),
                        org.assertj.core.groups.Tuple.tuple("Lê Thị Cúc", 5));

        fixtures.as(TestIdentity.organiser("Phòng GD&ĐT Na Rì")).get()
                .uri("/api/presentations/events/{e}/reviews", fixtures.eventId).exchange().expectStatus().isForbidden();
        fixtures.as(Fixtures.reviewer("Trần Văn Bình")).get()
                .uri("/api/presentations/events/{e}/reviews", fixtures.eventId).exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> desk(Caller reviewer) {
        Map<String, Object> body = fixtures.as(reviewer).get()
                .uri(b -> b.path("/api/presentations/review-desk").queryParam("eventId", fixtures.eventId).build())
                .exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
        return list(body.get("papers"));
    }

    /** A delegate of another unit, confirmed by the registrations service. */
    private void delegateOf(String unit, String email) {
        String registrationId = "reg-" + UUID.randomUUID();
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), fixtures.eventId, registrationId, email,
                "Lê Thị Mai", unit, "TEACHER", "HS-" + registrationId.substring(4, 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(registrationId, Delegate.class)
                .map(Delegate::confirmed).blockOptional().orElse(false));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paper(Map<String, Object> item) {
        return (Map<String, Object>) item.get("paper");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mine(Map<String, Object> item) {
        return (Map<String, Object>) item.get("mine");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
