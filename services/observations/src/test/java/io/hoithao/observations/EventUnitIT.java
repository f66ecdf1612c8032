package io.hoithao.observations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.events.EventCancelled;
import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.observations.event.ObservedEvent;
import io.hoithao.platform.units.KnownUnits;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The event's organising unit, learnt from {@code EventPublished} (idempotently), decides who manages
 * the event here and whether its lessons are public; until it is known only an administrator manages it.
 */
@IntegrationTest
class EventUnitIT {

    static final String UNIT = "Sở GD&ĐT Bắc Kạn";
    static final String OTHER_UNIT = "Phòng GD&ĐT Chợ Mới";
    static final String PROBLEMS = "https://hoithao.io/problems/";

    @Autowired
    WebTestClient http;

    @Autowired
    KnownUnits units;

    @Autowired
    ReactiveMongoTemplate mongo;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    static EventPublished published(String eventId, String unit) {
        LocalDate day = LocalDate.of(2027, 10, 25);
        return new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội nghị chuyên đề Giáo dục mầm non",
                "CONFERENCE", "PROVINCE", unit, day, day.plusDays(1), "Asia/Ho_Chi_Minh", 300, TestIdentity.unitId(unit));
    }

    /** Tân Hòa and Tân Hóa fold alike and are two units: the organisers of one do not manage the other's event. */
    @Test
    void unitsWhoseNamesFoldAlikeAreTwoUnitsForOrganiserRights() {
        Fixtures fixtures = new Fixtures(http, mongo);
        messages.send(published(fixtures.eventId, "Trường Mầm non Tân Hòa"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(fixtures.eventId, ObservedEvent.class)
                .map(e -> e.organiserUnitId() != null).blockOptional().orElse(false));
        TestIdentity.get().as(http, TestIdentity.organiser("Trường Mầm non Tân Hóa")).post()
                .uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Âm nhạc", "B1", "2027-10-25T09:00:00+07:00", "2027-10-25T09:45:00+07:00", 6))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Trường Mầm non Tân Hòa"));
        TestIdentity.get().as(http, TestIdentity.organiser("Trường Mầm non Tân Hòa")).post()
                .uri("/api/observations/events/{e}/lessons", fixtures.eventId)
                .bodyValue(Fixtures.lesson("Âm nhạc", "B1", "2027-10-25T09:00:00+07:00", "2027-10-25T09:45:00+07:00", 6))
                .exchange().expectStatus().isCreated();
    }

    /**
     * A rename of the event's unit reaches this service through {@code hoithao.units} and shows in its answers (the
     * refusal names the unit by its new name); neither the rename nor a move takes its organisers' rights away (their
     * tokens still carry the old name: the id decides).
     */
    @Test
    void aRenameShowsInTheAnswersAfterItsMessageAndARenameOrAMoveBreaksNoRights() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Phòng GD&ĐT Đổi Tên " + suffix;
        String department = TestDirectory.id(TestDirectory.DEPARTMENT);
        String unitId = TestDirectory.add(units, name, department);
        Fixtures fixtures = new Fixtures(http, mongo);
        messages.send(published(fixtures.eventId, name));
        WebTestClient organiser = TestIdentity.get().as(http, TestIdentity.organiser(name, unitId));
        WebTestClient sibling = TestIdentity.get().as(http, TestIdentity.organiser(TestDirectory.SIBLING_OFFICE));
        Scenario.eventually(() -> sibling.get()
                .uri("/api/observations/events/{e}/observers", fixtures.eventId).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(name)));

        Scenario.when(() -> messages.send(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unitId, name + " (mới)",
                "Phòng mới", name, 1)))
                .thenState(() -> sibling.get()
                .uri("/api/observations/events/{e}/observers", fixtures.eventId).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(name + " (mới)")));
        Scenario.eventually(() -> assertThat(mongo.findById(fixtures.eventId, ObservedEvent.class)
                .block().organiserUnit()).isEqualTo(name + " (mới)"));
        organiser.get().uri("/api/observations/events/{e}/observers", fixtures.eventId).exchange().expectStatus().isOk();

        String elsewhere = TestDirectory.add(units, "Sở GD&ĐT Nơi Khác " + suffix, null);
        messages.send(new UnitMoved(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unitId, elsewhere, department, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(unitId).map(u -> elsewhere.equals(u.parentId())).block());
        organiser.get().uri("/api/observations/events/{e}/observers", fixtures.eventId).exchange().expectStatus().isOk();
    }

    @Test
    void anEventsUnitIsLearntOnceFromEventPublishedAndItsOrganisersThenManageItAndShowItsLessons() {
        Fixtures fixtures = new Fixtures(http, mongo);
        String eventId = fixtures.eventId;
        WebTestClient organiser = TestIdentity.get().as(http, TestIdentity.organiser(UNIT));
        WebTestClient otherOrganiser = TestIdentity.get().as(http, TestIdentity.organiser(OTHER_UNIT));
        WebTestClient anonymous = TestIdentity.anonymous(http);

        // Not published here yet: an administrator manages it, an organiser is told why not, nobody else sees its lessons.
        String lesson = fixtures.createLesson("Khám phá nước", "A1", "2027-10-25T08:00:00+07:00", "2027-10-25T08:45:00+07:00", 6);
        organiser.post().uri("/api/observations/events/{e}/lessons", eventId)
                .bodyValue(Fixtures.lesson("Âm nhạc", "B1", "2027-10-25T09:00:00+07:00", "2027-10-25T09:45:00+07:00", 6))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is not published yet"))
                .jsonPath("$.eventId").isEqualTo(eventId);
        anonymous.get().uri("/api/observations/events/{e}/lessons", eventId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0).jsonPath("$.items.length()").isEqualTo(0);
        anonymous.get().uri("/api/observations/lessons/{l}", lesson).exchange().expectStatus().isNotFound();
        http.get().uri("/api/observations/events/{e}/lessons", eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1);

        EventPublished publication = published(eventId, UNIT);
        messages.send(publication);
        messages.send(publication); // redelivered

        Scenario.eventually(() -> anonymous.get()
                .uri("/api/observations/events/{e}/lessons", eventId).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(lesson));
        anonymous.get().uri("/api/observations/lessons/{l}", lesson).exchange().expectStatus().isOk();
        organiser.post().uri("/api/observations/events/{e}/lessons", eventId)
                .bodyValue(Fixtures.lesson("Âm nhạc", "B1", "2027-10-25T09:00:00+07:00", "2027-10-25T09:45:00+07:00", 6))
                .exchange().expectStatus().isCreated();
        otherOrganiser.put().uri("/api/observations/lessons/{l}/details", lesson)
                .bodyValue(Map.of("classroom", "A2", "className", "Lớp A2", "ageGroup", "MAU_GIAO_LON",
                        "teacher", "Nguyễn Thị Hoà", "activity", "Vật chìm vật nổi", "developmentalArea", "Nhận thức", "seats", 6))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(UNIT));

        // Applied once: the redelivery was recognised.
        Document stored = mongo.findById(eventId, Document.class, "events").block();
        assertThat(stored.getList("appliedMessageIds", String.class)).containsExactly(publication.messageId().toString());
        assertThat(stored.getBoolean("cancelled")).isFalse();
        assertThat(stored.getBoolean("completed")).isFalse();

        // A cancellation keeps the unit; a later publication (a changed unit) is not an un-cancellation.
        Scenario.when(() -> messages.send(new EventCancelled(UUID.randomUUID(), Instant.now(), eventId, "Bão số 9")))
                .thenState(() -> assertThat(mongo.findById(eventId, ObservedEvent.class).block())
                .extracting(ObservedEvent::cancelled, ObservedEvent::organiserUnit).containsExactly(true, UNIT));
        Scenario.when(() -> messages.send(published(eventId, OTHER_UNIT)))
                .thenState(() -> assertThat(mongo.findById(eventId, ObservedEvent.class).block())
                .extracting(ObservedEvent::organiserUnit).isEqualTo(OTHER_UNIT));
        assertThat(mongo.findById(eventId, ObservedEvent.class).block().cancelled()).isTrue();
        otherOrganiser.post().uri("/api/observations/events/{e}/lessons", eventId)
                .bodyValue(Fixtures.lesson("Tạo hình", "C1", "2027-10-25T10:00:00+07:00", "2027-10-25T10:45:00+07:00", 6))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "event-cancelled");
        organiser.post().uri("/api/observations/events/{e}/lessons", eventId)
                .bodyValue(Fixtures.lesson("Tạo hình", "C1", "2027-10-25T10:00:00+07:00", "2027-10-25T10:45:00+07:00", 6))
                .exchange().expectStatus().isForbidden();
        assertThat(mongo.findById(eventId, Document.class, "events").block().getList("appliedMessageIds", String.class))
                .hasSize(3).doesNotHaveDuplicates();
    }
}
