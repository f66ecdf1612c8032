package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.units.KnownUnits;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Units are the directory's ids here, and their names this service's copy of the directory's: a rename that reaches
 * the service through {@code hoithao.units} shows in its answers (a paper's unit, an event's organising unit, a
 * refusal), and neither a rename nor a move takes an organiser's rights away.
 */
@IntegrationTest
class UnitsByIdIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    KnownUnits units;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @Test
    void aRenameShowsInTheAnswersAfterItsMessageAndARenameOrAMoveBreaksNoRights() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String department = TestDirectory.id(TestDirectory.DEPARTMENT);
        String officeName = "Phòng GD&ĐT Đổi Tên " + suffix;
        String office = TestDirectory.add(units, officeName, department);
        String schoolName = "Trường Mầm non Đổi Tên " + suffix;
        String school = TestDirectory.add(units, schoolName, office);
        Fixtures f = new Fixtures(http, messages, mongo).withOpenCall(officeName, office);

        Caller delegate = TestIdentity.person("dv." + suffix + "@mndoiten.edu.vn", "Đại biểu", schoolName, Role.DELEGATE);
        f.delegate(delegate.email());
        String paperId = f.submitted(delegate, "Bài của trường đổi tên", 10);
        f.as(delegate).get().uri("/api/presentations/papers/{p}", paperId).exchange().expectBody()
                .jsonPath("$.unit").isEqualTo(schoolName).jsonPath("$.unitId").isEqualTo(school);

        messages.send(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, school, schoolName + " (mới)",
                "MN mới", schoolName, 1));
        Scenario.when(() -> messages.send(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, office, officeName + " (mới)",
                "Phòng mới", officeName, 1)))
                .thenState(() -> {
            f.as(delegate).get().uri("/api/presentations/papers/{p}", paperId).exchange().expectBody()
                    .jsonPath("$.unit").isEqualTo(schoolName + " (mới)").jsonPath("$.unitId").isEqualTo(school);
            http.get().uri("/api/presentations/events/{e}", f.eventId).exchange().expectBody()
                    .jsonPath("$.organiserUnit").isEqualTo(officeName + " (mới)");
        });
        http.get().uri(b -> b.path("/api/presentations/papers").queryParam("unitId", school).build()).exchange()
                .expectBody().jsonPath("$.items[0].unit").isEqualTo(schoolName + " (mới)");
        // A refusal names the event's unit by its new name.
        f.as(TestIdentity.organiser(TestDirectory.SIBLING_OFFICE)).put().uri("/api/presentations/events/{e}/reviewers", f.eventId)
                .bodyValue(Map.of("reviewers", java.util.List.of())).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.detail").value(detail ->
                        assertThat(detail.toString()).contains(officeName + " (mới)"));

        // Her token still carries the old name: the id decides. After a move of her office, too.
        Caller organiser = TestIdentity.organiser(officeName, office);
        callForPapers(organiser, f).expectStatus().isOk();
        String elsewhere = TestDirectory.add(units, "Sở GD&ĐT Nơi Khác " + suffix, null);
        messages.send(new UnitMoved(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, office, elsewhere, department, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(office).map(u -> elsewhere.equals(u.parentId())).block());
        callForPapers(organiser, f).expectStatus().isOk();
        // Someone of the renamed school reviews nothing of it: the id decides, not the name in her token.
        f.as(TestIdentity.person("rv." + suffix + "@hoithao.test", "Phản biện", schoolName, school, Role.REVIEWER))
                .post().uri("/api/presentations/papers/{p}/reviews", paperId).bodyValue(Map.of("score", 9, "comment", "Tốt"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.type")
                .isEqualTo("https://hoithao.io/problems/conflict-of-interest");
    }

    private WebTestClient.ResponseSpec callForPapers(Caller organiser, Fixtures f) {
        return f.as(organiser).put().uri("/api/presentations/events/{e}/call-for-papers", f.eventId)
                .bodyValue(Map.of("opensAt", OffsetDateTime.now().minusHours(1).toString(),
                        "closesAt", OffsetDateTime.now().plusDays(5).toString(), "maxMinutes", 45))
                .exchange();
    }
}
