package io.hoithao.presentations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.events.SessionScheduled;
import io.hoithao.contracts.registrations.RegistrationConfirmed;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.security.Role;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.presentations.delegate.Delegate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One conference event with an open call for papers, driven through real Kafka messages and the API.
 * {@code http} acts as an administrator; delegates and reviewers act with their own tokens.
 */
final class Fixtures {

    static final String UNIT = "Trường Mầm non Đồng Tâm";
    /** The unit organising the event (as the events service publishes it): a district office below the department. */
    static final String ORGANISER_UNIT = "Phòng GD&ĐT Chợ Mới";
    static final LocalDate DAY = LocalDate.of(2026, 10, 25);

    final String eventId = "evt-" + UUID.randomUUID();
    final TestIdentity identity = TestIdentity.get();
    private final WebTestClient http;
    private final TestMessages messages;
    private final ReactiveMongoTemplate mongo;
    private final AtomicLong revision = new AtomicLong(1);

    Fixtures(WebTestClient http, TestMessages messages, ReactiveMongoTemplate mongo) {
        this.http = http;
        this.messages = messages;
        this.mongo = mongo;
    }

    long nextRevision() {
        return revision.incrementAndGet();
    }

    /** Publishes the event on the events topic, waits until this service knows it, then opens the call for papers. */
    Fixtures withOpenCall() {
        return withOpenCall(ORGANISER_UNIT, TestIdentity.unitId(ORGANISER_UNIT));
    }

    /** The same, for an event organised by this unit. */
    Fixtures withOpenCall(String organiserUnit, String organiserUnitId) {
        messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị – hội thảo sơ kết chuyên đề",
                "CONFERENCE", "DISTRICT", organiserUnit, DAY, DAY.plusDays(1), "Asia/Ho_Chi_Minh", 200, organiserUnitId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/presentations/events/{e}", eventId).exchange().expectStatus().isOk());
        http.put().uri("/api/presentations/events/{e}/call-for-papers", eventId)
                .bodyValue(Map.of("opensAt", OffsetDateTime.now().minusHours(1).toString(),
                        "closesAt", OffsetDateTime.now().plusDays(10).toString(), "maxMinutes", 60))
                .exchange().expectStatus().isOk();
        return this;
    }

    /** A delegate confirmed by the registrations service (a real message), once this service has learnt it. */
    String delegate(String email) {
        String registrationId = "reg-" + UUID.randomUUID();
        messages.send(new RegistrationConfirmed(UUID.randomUUID(), Instant.now(), eventId, registrationId, email,
                "Nguyễn Thị Hoà", UNIT, "TEACHER", "HT-" + registrationId.substring(4, 10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(registrationId, Delegate.class)
                .map(Delegate::confirmed).blockOptional().orElse(false));
        return registrationId;
    }

    /** A PRESENTATION session announced by the events service, from {@code from} to {@code to} local time on {@link #DAY}. */
    String session(String from, String to) {
        String sessionId = "ses-" + UUID.randomUUID();
        messages.send(new SessionScheduled(UUID.randomUUID(), Instant.now(), eventId, sessionId, "PRESENTATION",
                "Báo cáo tham luận", "Hội trường UBND huyện Chợ Mới", at(from), at(to), nextRevision()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                http.get().uri("/api/presentations/events/{e}/sessions/{s}/papers", eventId, sessionId).exchange()
                        .expectStatus().isOk());
        return sessionId;
    }

    static Instant at(String localTime) {
        return OffsetDateTime.parse(DAY + "T" + localTime + ":00+07:00").toInstant();
    }

    static Map<String, Object> paper(String title, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("abstract", "Chia sẻ kinh nghiệm xây dựng môi trường giáo dục lấy trẻ làm trung tâm.");
        body.put("presenters", List.of("Nguyễn Thị Hoà", "Hoàng Thị Lụa"));
        body.put("unit", UNIT);
        body.put("requestedMinutes", minutes);
        body.put("topic", "Môi trường giáo dục");
        return body;
    }

    /** The test client acting as this person. */
    WebTestClient as(Caller caller) {
        return identity.as(http, caller);
    }

    /** The test client acting as the signed-in delegate with this email, of {@link #UNIT} (confirmed: her token carries its id). */
    WebTestClient asDelegate(String email) {
        return as(delegateOfUnit(email));
    }

    /** A delegate of {@link #UNIT}, confirmed (her token carries its id). */
    static Caller delegateOfUnit(String email) {
        return TestIdentity.person(email, "Đại biểu", UNIT, Role.DELEGATE);
    }

    /** A reviewer with this name (the same name is the same person: their email is derived from it). */
    static Caller reviewer(String name) {
        return TestIdentity.person("reviewer-" + Integer.toHexString(name.hashCode()) + "@hoithao.test", name, null, Role.REVIEWER);
    }

    /** The signed-in delegate with this email submits a paper to the event. */
    WebTestClient.ResponseSpec submit(String email, Map<String, Object> body) {
        return asDelegate(email).post().uri("/api/presentations/events/{e}/papers", eventId)
                .bodyValue(body).exchange();
    }

    String submitted(String email, String title, int minutes) {
        return submitted(delegateOfUnit(email), title, minutes);
    }

    /** A paper submitted by this signed-in person (for her unit, the one her token carries). */
    String submitted(Caller who, String title, int minutes) {
        return as(who).post().uri("/api/presentations/events/{e}/papers", eventId).bodyValue(paper(title, minutes)).exchange().expectBody(Map.class)
                .consumeWith(r -> assertThat(r.getStatus().value()).as("%s", r.getResponseBody()).isEqualTo(201))
                .returnResult().getResponseBody().get("id").toString();
    }

    /** A review recorded by the signed-in reviewer with this name. */
    void review(String paperId, String reviewer, int score) {
        as(reviewer(reviewer)).post().uri("/api/presentations/papers/{p}/reviews", paperId)
                .bodyValue(Map.of("score", score, "comment", "Nhiều kinh nghiệm thực tế (" + score + "/10)"))
                .exchange().expectStatus().isCreated();
    }

    WebTestClient.ResponseSpec decide(String paperId, String decision) {
        return http.post().uri("/api/presentations/papers/{p}/decision", paperId)
                .bodyValue(Map.of("decision", decision, "comment", "Hội đồng đã xem xét")).exchange();
    }

    /** A paper submitted, reviewed and accepted. */
    String accepted(String email, String title, int minutes) {
        String paperId = submitted(email, title, minutes);
        review(paperId, "Trần Văn Bình", 8);
        decide(paperId, "ACCEPTED").expectStatus().isOk();
        return paperId;
    }

    WebTestClient.ResponseSpec place(String sessionId, String paperId, Integer position) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("paperId", paperId);
        if (position != null) {
            body.put("position", position);
        }
        return http.post().uri("/api/presentations/events/{e}/sessions/{s}/papers", eventId, sessionId)
                .bodyValue(body).exchange();
    }
}
