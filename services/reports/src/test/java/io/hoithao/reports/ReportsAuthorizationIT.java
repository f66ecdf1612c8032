package io.hoithao.reports;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.hoithao.contracts.events.EventsMessage;
import io.hoithao.contracts.events.ProgrammeCreated;
import io.hoithao.contracts.events.ProgrammePhaseAdded;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.testing.AccessMatrix;
import io.hoithao.platform.testing.AccessMatrix.Who;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who reads which unit's report: an administrator any; an organiser her unit's and those of the units below it
 * (her unit found in the directory by the unit id her token carries, never by its name); nobody else. Every refusal is
 * problem+json with its type, the same for the JSON, the DOCX and the XLSX.
 */
@IntegrationTest
class ReportsAuthorizationIT {

    static final TestIdentity identity = TestIdentity.get();
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String department = "so-" + tag;
    final String office = "pgd-" + tag;
    final String otherOffice = "pgd-khac-" + tag;
    final String school = "mn-" + tag;
    final String otherSchool = "mn-khac-" + tag;
    final String programme = "cd-" + tag;
    final String departmentName = "Sở GD&ĐT Bắc Kạn " + tag;
    final String officeName = "Phòng GD&ĐT Chợ Mới " + tag;
    final String schoolName = "Trường Mầm non Đồng Tâm " + tag;

    @Autowired
    WebTestClient http;

    record Case(Who who, String unit, String query, int status, String type) {
    }

    @TestFactory
    Stream<DynamicTest> everyKindOfCallerGetsWhatTheMatrixSays() {
        setUp();
        Who anonymous = Who.ANONYMOUS;
        Who expired = Who.token("an expired token", () -> identity.expired(TestIdentity.admin()));
        Who foreign = Who.token("a token of another issuer", () -> identity.foreignIssuer(TestIdentity.admin()));
        Who delegate = Who.as("a delegate", TestIdentity.delegate("dai.bieu." + tag + "@hoithao.test"));
        Who reviewer = Who.as("a reviewer", TestIdentity.reviewer());
        Who admin = Who.as("an administrator", TestIdentity.admin());
        Who ofDepartment = Who.as("the department's organiser", TestIdentity.organiser(departmentName, department));
        // the unit is the token's unit id; the name it carries is for display (here as people type it)
        Who ofOffice = Who.as("the office's organiser", TestIdentity.organiser("phong gd&dt cho moi " + tag, office));
        Who ofSchool = Who.as("the school's organiser", TestIdentity.organiser(schoolName, school));
        Who ofNowhere = Who.as("an organiser of a unit the directory does not know",
                TestIdentity.organiser("Trường Mầm non Không Có " + tag, "khong-co-" + tag));
        // the other office's organiser, whose token carries the office's exact official name: a name gives no rights
        Who namesake = Who.as("the other office's organiser with the office's name",
                TestIdentity.organiser(officeName, otherOffice));
        Who withoutUnit = Who.as("an organiser without a unit", TestIdentity.organiser(null, null));
        String phase = "?phase=2021–2025";

        List<Case> matrix = new ArrayList<>();
        for (String unit : List.of(department, school)) {
            matrix.add(new Case(anonymous, unit, phase, 401, "unauthenticated"));
            matrix.add(new Case(expired, unit, phase, 401, "invalid-token"));
            matrix.add(new Case(foreign, unit, phase, 401, "invalid-token"));
            matrix.add(new Case(delegate, unit, phase, 403, "forbidden"));
            matrix.add(new Case(reviewer, unit, phase, 403, "forbidden"));
            matrix.add(new Case(admin, unit, phase, 200, null));
            matrix.add(new Case(ofDepartment, unit, phase, 200, null));
            matrix.add(new Case(ofNowhere, unit, phase, 403, "forbidden"));
            matrix.add(new Case(withoutUnit, unit, phase, 403, "forbidden"));
        }
        matrix.add(new Case(ofDepartment, office, phase, 200, null));
        matrix.add(new Case(ofOffice, office, phase, 200, null));
        matrix.add(new Case(ofOffice, school, phase, 200, null));
        matrix.add(new Case(ofOffice, department, phase, 403, "forbidden"));
        matrix.add(new Case(ofOffice, otherOffice, phase, 403, "forbidden"));
        matrix.add(new Case(ofOffice, otherSchool, phase, 403, "forbidden"));
        matrix.add(new Case(ofSchool, school, phase, 200, null));
        matrix.add(new Case(ofSchool, office, phase, 403, "forbidden"));
        matrix.add(new Case(ofSchool, otherSchool, phase, 403, "forbidden"));
        matrix.add(new Case(namesake, office, phase, 403, "forbidden"));
        matrix.add(new Case(namesake, school, phase, 403, "forbidden"));
        matrix.add(new Case(namesake, otherSchool, phase, 200, null));
        // what does not exist, and bad input, once the caller may read reports at all
        matrix.add(new Case(admin, "no-such-unit", phase, 404, "not-found"));
        matrix.add(new Case(ofOffice, "no-such-unit", phase, 404, "not-found"));
        matrix.add(new Case(admin, school, "?phase=2026–2030", 400, "validation"));
        matrix.add(new Case(admin, school, "", 400, "malformed-request"));
        matrix.add(new Case(admin, school, phase + "&level=NATIONAL", 400, "validation"));
        matrix.add(new Case(admin, school, phase + "&level=DISTRICT", 200, null));
        matrix.add(new Case(delegate, "no-such-unit", phase, 403, "forbidden"));

        return matrix.stream().flatMap(c -> Stream.of("", "/report.docx", "/report.xlsx").map(format -> dynamicTest(
                c.who() + " reads " + c.unit() + format + c.query() + ": " + c.status(), () -> AccessMatrix.check(http,
                        new AccessMatrix.Call(HttpMethod.GET, "/api/reports/programmes/" + programme + "/units/" + c.unit()
                                + format + c.query(), c.who().authorization().get(), null, null),
                        new AccessMatrix.Answer(c.status(), c.type(), null)))));
    }

    @TestFactory
    Stream<DynamicTest> anUnknownProgrammeIsNotFound() {
        setUp();
        return Stream.of(TestIdentity.admin(), TestIdentity.organiser(departmentName, department)).map(caller -> dynamicTest(caller.email(), () ->
                identity.as(http, caller).get().uri("/api/reports/programmes/no-such-" + tag + "/units/" + school + "?phase=2021–2025")
                        .exchange().expectStatus().isNotFound()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found")));
    }

    private void setUp() {
        try (TestMessages kafka = new TestMessages()) {
            kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, department, departmentName,
                    "SGDĐT " + tag, "DEPARTMENT", "PROVINCE", null, 0));
            kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, office, officeName,
                    "PGDĐT " + tag, "DISTRICT_OFFICE", "DISTRICT", department, 0));
            kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, otherOffice, "Phòng GD&ĐT Na Rì " + tag,
                    "PGDĐT Na Rì " + tag, "DISTRICT_OFFICE", "DISTRICT", department, 0));
            kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, school, schoolName,
                    "MN Đồng Tâm " + tag, "SCHOOL", "SCHOOL", office, 0));
            kafka.send(new UnitCreated(UUID.randomUUID(), Instant.now(), UnitsMessage.NO_EVENT, otherSchool, "Trường Mầm non Kim Lư " + tag,
                    "MN Kim Lư " + tag, "SCHOOL", "SCHOOL", otherOffice, 0));
            kafka.send(new ProgrammeCreated(UUID.randomUUID(), Instant.now(), EventsMessage.NO_EVENT, programme,
                    "Xây dựng trường mầm non lấy trẻ làm trung tâm", departmentName));
            kafka.send(new ProgrammePhaseAdded(UUID.randomUUID(), Instant.now(), EventsMessage.NO_EVENT, programme, "2021–2025", 2021, 2025));
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            http.get().uri("/api/reports/programmes/" + programme + "/units/" + otherSchool + "?phase=2021–2025").exchange()
                    .expectStatus().isOk();
            http.get().uri("/api/reports/programmes/" + programme + "/units/" + school + "?phase=2021–2025").exchange()
                    .expectStatus().isOk();
        });
    }
}
