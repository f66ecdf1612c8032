package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.web.ProblemException;
import io.hoithao.presentations.paper.Paper;
import io.hoithao.presentations.paper.PaperStatus;
import io.hoithao.presentations.placement.Placements;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Choices that belong to the system, not to whoever sends the body: a delegate's paper is for her own unit, a
 * reviewer never reviews her own unit's paper and, once the organisers name an event's reviewers, only they
 * review it; a paper withdrawn while it is being placed does not end up placed.
 */
@IntegrationTest
class PaperTrustIT {

    static final String PROBLEMS = "https://hoithao.io/problems/";
    static final String OTHER_UNIT = "Phòng GD&ĐT Na Rì";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Placements placements;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    private Paper paper(String paperId) {
        return mongo.findById(paperId, Paper.class).block();
    }

    private String submitAs(Fixtures f, Caller who, Map<String, Object> body) {
        return f.as(who).post().uri("/api/presentations/events/{e}/papers", f.eventId).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    @Test
    void aDelegatesPaperIsForHerOwnUnitWhateverTheBodySaysAndOnlyTheEventsManagersPickAnother() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        Map<String, Object> forAnotherUnit = Fixtures.paper("Bài nộp thay đơn vị khác", 10);
        forAnotherUnit.put("unit", OTHER_UNIT);
        forAnotherUnit.put("unitId", TestDirectory.id(OTHER_UNIT));

        // Her token names no confirmed unit: refused, and told why.
        f.delegate("hoa.nounit@mndongtam.edu.vn");
        f.as(TestIdentity.delegate("hoa.nounit@mndongtam.edu.vn")).post().uri("/api/presentations/events/{e}/papers", f.eventId)
                .bodyValue(forAnotherUnit).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "no-confirmed-unit");

        // Her token names her confirmed unit: that one, by id, whatever the body names.
        f.delegate("hoa.unit@mndongtam.edu.vn");
        String hoa = submitAs(f, Fixtures.delegateOfUnit("hoa.unit@mndongtam.edu.vn"), forAnotherUnit);
        assertThat(paper(hoa).unitId()).isEqualTo(TestDirectory.id(Fixtures.UNIT));
        assertThat(paper(hoa).unit()).isEqualTo(Fixtures.UNIT);
        f.asDelegate("hoa.unit@mndongtam.edu.vn").get().uri("/api/presentations/papers/{p}", hoa).exchange()
                .expectBody().jsonPath("$.unit").isEqualTo(Fixtures.UNIT)
                .jsonPath("$.unitId").isEqualTo(TestDirectory.id(Fixtures.UNIT));
        // Nor does an edit move it.
        f.asDelegate("hoa.unit@mndongtam.edu.vn").put().uri("/api/presentations/papers/{p}", hoa).bodyValue(forAnotherUnit)
                .exchange().expectStatus().isOk();
        assertThat(paper(hoa).unitId()).isEqualTo(TestDirectory.id(Fixtures.UNIT));
        assertThat(paper(hoa).title()).isEqualTo("Bài nộp thay đơn vị khác");

        // Tân Hòa's delegate: Tân Hòa, not Tân Hóa.
        Caller lan = TestIdentity.person("lan.unit@mntanhoa.edu.vn", "Phạm Thị Lan", TestDirectory.TAN_HOA, Role.DELEGATE);
        f.delegate(lan.email());
        String lans = submitAs(f, lan, forAnotherUnit);
        assertThat(paper(lans).unitId()).isEqualTo(TestDirectory.id(TestDirectory.TAN_HOA));
        assertThat(paper(lans).unit()).isEqualTo(TestDirectory.TAN_HOA);

        // An organiser of the event's unit with a registration may submit for the unit she names by id, one of the directory.
        Caller organiser = TestIdentity.person("to.chuc@phongchomoi.edu.vn", "Người tổ chức", Fixtures.ORGANISER_UNIT, Role.ORGANISER);
        f.delegate(organiser.email());
        String organisers = submitAs(f, organiser, forAnotherUnit);
        assertThat(paper(organisers).unitId()).isEqualTo(TestDirectory.id(OTHER_UNIT));
        assertThat(paper(organisers).unit()).isEqualTo(OTHER_UNIT);
        Map<String, Object> unknownUnit = Fixtures.paper("Bài của một đơn vị không có", 10);
        unknownUnit.put("unitId", "no-such-unit");
        f.as(organiser).post().uri("/api/presentations/events/{e}/papers", f.eventId).bodyValue(unknownUnit).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation");
    }

    /** Tân Hòa and Tân Hóa fold alike, and are two units: a reviewer of one reviews the other's paper. */
    @Test
    void unitsWhoseNamesFoldAlikeAreTwoUnitsForConflictOfInterest() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        Caller lan = TestIdentity.person("lan.coi@mntanhoa.edu.vn", "Phạm Thị Lan", TestDirectory.TAN_HOA, Role.DELEGATE);
        f.delegate(lan.email());
        String paperId = submitAs(f, lan, Fixtures.paper("Bài của Tân Hòa", 10));

        Caller tanHoa = TestIdentity.person("tan.hoa.reviewer@hoithao.test", "Đồng nghiệp", TestDirectory.TAN_HOA, Role.REVIEWER);
        f.as(tanHoa).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 10, "comment", "Rất tốt")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "conflict-of-interest")
                .jsonPath("$.unit").isEqualTo(TestDirectory.TAN_HOA);
        Caller tanHoaAcute = TestIdentity.person("tan.hoa.acute.reviewer@hoithao.test", "Người ngoài", TestDirectory.TAN_HOA_ACUTE,
                Role.REVIEWER);
        f.as(tanHoaAcute).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 8, "comment", "Có tính thực tiễn")).exchange()
                .expectStatus().isCreated();
        assertThat(paper(paperId).reviews()).singleElement()
                .satisfies(r -> assertThat(r.reviewerEmail()).isEqualTo(tanHoaAcute.email()));
    }

    @Test
    void nobodyReviewsAPaperOfHerOwnUnit() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate("hoa.coi@mndongtam.edu.vn");
        String paperId = f.submitted("hoa.coi@mndongtam.edu.vn", "Bài của Đồng Tâm", 10);

        for (String sameUnit : List.of(Fixtures.UNIT)) {
            Caller colleague = TestIdentity.person("dong.tam.reviewer@hoithao.test", "Đồng nghiệp", sameUnit, Role.REVIEWER);
            f.as(colleague).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                    .bodyValue(Map.of("score", 10, "comment", "Rất tốt")).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "conflict-of-interest")
                    .jsonPath("$.unit").isEqualTo(Fixtures.UNIT);
        }
        Caller admin = TestIdentity.person("admin.dong.tam@hoithao.test", "Quản trị", Fixtures.UNIT, Role.ADMIN);
        f.as(admin).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 10, "comment", "Rất tốt")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "conflict-of-interest");
        assertThat(paper(paperId).reviews()).isEmpty();

        Caller outsider = TestIdentity.person("cho.moi.reviewer@hoithao.test", "Người ngoài", OTHER_UNIT, Role.REVIEWER);
        f.as(outsider).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", 7, "comment", "Có tính thực tiễn")).exchange()
                .expectStatus().isCreated();
        assertThat(paper(paperId).reviews()).singleElement().satisfies(r -> assertThat(r.reviewerEmail()).isEqualTo(outsider.email()));
    }

    @Test
    void onceTheOrganisersNameAnEventsReviewersOnlyTheyReadAndReviewItsPapers() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        f.delegate("hoa.assigned@mndongtam.edu.vn");
        String first = f.submitted("hoa.assigned@mndongtam.edu.vn", "Bài thứ nhất", 10);
        String second = f.submitted("hoa.assigned@mndongtam.edu.vn", "Bài thứ hai", 10);
        Caller named = Fixtures.reviewer("Người được phân công");
        Caller notNamed = Fixtures.reviewer("Người không được phân công");
        WebTestClient organiser = f.as(TestIdentity.organiser(Fixtures.ORGANISER_UNIT));
        String reviewers = "/api/presentations/events/{e}/reviewers";

        // None named yet: review is open to every reviewer.
        organiser.get().uri(reviewers, f.eventId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers.length()").isEqualTo(0).jsonPath("$.open").isEqualTo(true);
        f.as(notNamed).get().uri("/api/presentations/papers/{p}", first).exchange().expectStatus().isOk();

        organiser.put().uri(reviewers, f.eventId).bodyValue(Map.of("reviewers", List.of(named.email().toUpperCase()))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reviewers[0]").isEqualTo(named.email()).jsonPath("$.open").isEqualTo(false);
        f.as(TestIdentity.organiser(OTHER_UNIT)).put().uri(reviewers, f.eventId).bodyValue(Map.of("reviewers", List.of()))
                .exchange().expectStatus().isForbidden();
        f.as(named).get().uri(reviewers, f.eventId).exchange().expectStatus().isForbidden();
        organiser.put().uri(reviewers, f.eventId).bodyValue(Map.of("reviewers", List.of("not an email"))).exchange()
                .expectStatus().isBadRequest();

        // The one not named neither reviews nor reads the event's papers, nor finds them in lists.
        f.as(notNamed).post().uri("/api/presentations/papers/{p}/reviews", first)
                .bodyValue(Map.of("score", 5, "comment", "Tạm được")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "reviewer-not-assigned").jsonPath("$.eventId").isEqualTo(f.eventId);
        f.as(notNamed).get().uri("/api/presentations/papers/{p}", first).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "reviewer-not-assigned");
        f.as(notNamed).get().uri("/api/presentations/papers?eventId={e}", f.eventId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        f.as(notNamed).get().uri("/api/presentations/events/{e}/papers", f.eventId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        // The one named does.
        f.as(named).get().uri("/api/presentations/papers?eventId={e}", f.eventId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(2);
        f.as(named).post().uri("/api/presentations/papers/{p}/reviews", first)
                .bodyValue(Map.of("score", 8, "comment", "Tốt")).exchange().expectStatus().isCreated();

        // An empty list opens review again.
        organiser.put().uri(reviewers, f.eventId).bodyValue(Map.of("reviewers", List.of())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.open").isEqualTo(true);
        f.as(notNamed).post().uri("/api/presentations/papers/{p}/reviews", second)
                .bodyValue(Map.of("score", 6, "comment", "Khá")).exchange().expectStatus().isCreated();
    }

    /**
     * The interleaving, step by step: the placement has read the paper (accepted); the owner withdraws it, which
     * completes; then the placement writes what it decided on the paper it read. The withdrawal marked the paper
     * in the programme first, so the placement's write is refused and the paper is placed nowhere.
     */
    @Test
    void aPaperWithdrawnWhileItIsBeingPlacedIsNotPlaced() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        String email = "hoa.rut@mndongtam.edu.vn";
        f.delegate(email);
        String session = f.session("14:00", "16:00");
        String paperId = f.accepted(email, "Bài sẽ rút", 20);

        Paper readByThePlacement = paper(paperId);
        assertThat(readByThePlacement.status()).isEqualTo(PaperStatus.ACCEPTED);

        f.asDelegate(email).post().uri("/api/presentations/papers/{p}/withdraw", paperId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");

        assertThatThrownBy(() -> placements.place(f.eventId, session, readByThePlacement, null, null).block(Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type().toString()).isEqualTo(PROBLEMS + "paper-not-accepted");
                    assertThat(problem.properties()).containsEntry("currentState", "WITHDRAWN");
                });
        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", f.eventId, session).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.papers.length()").isEqualTo(0);
        assertThat(paper(paperId).status()).isEqualTo(PaperStatus.WITHDRAWN);
        // And through the API, the same answer.
        f.place(session, paperId, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "paper-not-accepted");
    }

    /** The other order: the placement's write first, then the withdrawal takes the paper out again. */
    @Test
    void aPaperPlacedBeforeItsWithdrawalLeavesItsSession() {
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall();
        String email = "lan.rut@mndongtam.edu.vn";
        f.delegate(email);
        String session = f.session("14:00", "16:00");
        String paperId = f.accepted(email, "Bài đã xếp rồi rút", 20);
        placements.place(f.eventId, session, paper(paperId), null, null).block(Duration.ofSeconds(10));
        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", f.eventId, session).exchange()
                .expectBody().jsonPath("$.papers.length()").isEqualTo(1);

        f.asDelegate(email).post().uri("/api/presentations/papers/{p}/withdraw", paperId).exchange().expectStatus().isOk();

        http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", f.eventId, session).exchange()
                .expectBody().jsonPath("$.papers.length()").isEqualTo(0);
        assertThat(paper(paperId).status()).isEqualTo(PaperStatus.WITHDRAWN);
    }
}
