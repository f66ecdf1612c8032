package io.hoithao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.events.EventPublished;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.notifications.person.KnownEvent;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.AccessMatrix.Row;
import io.hoithao.platform.testing.AccessMatrix.Who;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.Scenario;
import io.hoithao.platform.testing.TestMessages;
import io.hoithao.platform.units.KnownUnits;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who reads an event's delivery log: the role × endpoint matrix of the one route that needs more than a role, with
 * the unit hierarchy. The event is run by a district office (by its id in the units directory); organisers of the
 * department above it, of a sibling office, of a school below it and of a unit whose name folds like its own are
 * refused. Units reach the service as messages of {@code hoithao.units}: a rename shows in its answers and neither a
 * rename nor a move takes the organisers' rights away.
 */
@IntegrationTest
class DeliveryLogAuthorizationIT {

    static final String DEPARTMENT = "Sở GD&ĐT Bắc Kạn";
    static final String OFFICE = "Phòng GD&ĐT Chợ Mới";
    static final String SIBLING = "Phòng GD&ĐT Na Rì";
    static final String SCHOOL = "Trường Mầm non Tân Hòa";
    static final String SCHOOL_ACUTE = "Trường Mầm non Tân Hóa";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    KnownUnits units;

    @RegisterExtension
    final TestMessages messages = new TestMessages();

    @BeforeEach
    void patientClientAndTheDirectory() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String department = add(DEPARTMENT, null);
        add(OFFICE, department);
        add(SIBLING, department);
        add(SCHOOL, TestIdentity.unitId(OFFICE));
        add(SCHOOL_ACUTE, TestIdentity.unitId(OFFICE));
    }

    private String add(String name, String parentId) {
        String id = TestIdentity.unitId(name);
        units.apply(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, id, name, name, "OTHER",
                "PROVINCE", parentId, 0)).block();
        return id;
    }

    private String published(String unit, String unitId) {
        String eventId = "evt-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2027, 3, 16);
        messages.send(new EventPublished(UUID.randomUUID(), Instant.now(), eventId, "Hội thảo chuyên đề", "WORKSHOP", "DISTRICT",
                unit, day, day, "Asia/Ho_Chi_Minh", 100, unitId));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(eventId, KnownEvent.class)
                .map(e -> e.organiserUnitId() != null).blockOptional().orElse(false));
        return eventId;
    }

    static final String DELIVERIES = "/events/{event}/deliveries";

    static Row row(Who who, int status) {
        return AccessMatrix.row("GET", DELIVERIES, who, status);
    }

    @TestFactory
    Stream<DynamicTest> theDeliveryLogAnswersEachKindOfCallerAsTheMatrixSays() {
        String eventId = published(OFFICE, TestIdentity.unitId(OFFICE));
        String unpublished = "evt-unpublished-" + UUID.randomUUID();
        List<Row> rows = List.of(
                row(Who.ANONYMOUS, 401),
                row(Who.as("admin", TestIdentity.admin()), 200),
                row(Who.as("organiser of the event's unit", TestIdentity.organiser(OFFICE)), 200),
                row(Who.as("organiser of another unit named like the event's (phong gd&dt cho moi)",
                        TestIdentity.organiser("phong gd&dt cho moi")), 403).saying(OFFICE),
                row(Who.as("organiser of the department above the event's unit", TestIdentity.organiser(DEPARTMENT)), 403).saying(OFFICE),
                row(Who.as("organiser of a sibling office", TestIdentity.organiser(SIBLING)), 403).saying(OFFICE),
                row(Who.as("organiser of a school below the event's unit", TestIdentity.organiser(SCHOOL)), 403).saying(OFFICE),
                row(Who.as("organiser without a unit id", TestIdentity.organiser(OFFICE, null)), 403).saying(OFFICE),
                row(Who.as("delegate", TestIdentity.delegate("dv@mn.edu.vn")), 403),
                row(Who.as("reviewer", TestIdentity.reviewer()), 403),
                // an event this service has not seen published
                AccessMatrix.row("GET", DELIVERIES.replace("{event}", "{unpublished}"),
                        Who.as("organiser of a unit, event not published here", TestIdentity.organiser(OFFICE)), null, 403)
                        .saying("is not published yet"),
                AccessMatrix.row("GET", DELIVERIES.replace("{event}", "{unpublished}"),
                        Who.as("admin, event not published here", TestIdentity.admin()), null, 200));
        return AccessMatrix.tests(rows, row -> AccessMatrix.check(http, row, "/api/notifications"
                + row.path().replace("{event}", eventId).replace("{unpublished}", unpublished), null, null));
    }

    /** Tân Hòa and Tân Hóa fold alike and are two units: the organisers of one do not read the other's log. */
    @Test
    void unitsWhoseNamesFoldAlikeAreTwoUnits() {
        String eventId = published(SCHOOL, TestIdentity.unitId(SCHOOL));
        TestIdentity.get().as(http, TestIdentity.organiser(SCHOOL_ACUTE)).get()
                .uri("/api/notifications/events/{e}/deliveries", eventId).exchange().expectStatus().isForbidden();
        TestIdentity.get().as(http, TestIdentity.organiser(SCHOOL)).get()
                .uri("/api/notifications/events/{e}/deliveries", eventId).exchange().expectStatus().isOk();
    }

    @Test
    void aRenameShowsInTheAnswersAfterItsMessageAndARenameOrAMoveBreaksNoRights() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Phòng GD&ĐT Đổi Tên " + suffix;
        String department = TestIdentity.unitId(DEPARTMENT);
        String unitId = add(name, department);
        String eventId = published(name, unitId);
        WebTestClient organiser = TestIdentity.get().as(http, TestIdentity.organiser(name, unitId));
        WebTestClient sibling = TestIdentity.get().as(http, TestIdentity.organiser(SIBLING));

        Scenario.when(() -> messages.send(new UnitRenamed(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unitId, name + " (mới)",
                "Phòng mới", name, 1)))
                .thenState(() -> sibling.get()
                .uri("/api/notifications/events/{e}/deliveries", eventId).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(name + " (mới)")));
        Scenario.eventually(() -> assertThat(mongo.findById(eventId, KnownEvent.class).block()
                .organiserUnit()).isEqualTo(name + " (mới)"));
        organiser.get().uri("/api/notifications/events/{e}/deliveries", eventId).exchange().expectStatus().isOk();

        String elsewhere = add("Sở GD&ĐT Nơi Khác " + suffix, null);
        messages.send(new UnitMoved(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, unitId, elsewhere, department, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> units.find(unitId).map(u -> elsewhere.equals(u.parentId())).block());
        organiser.get().uri("/api/notifications/events/{e}/deliveries", eventId).exchange().expectStatus().isOk();
    }
}
