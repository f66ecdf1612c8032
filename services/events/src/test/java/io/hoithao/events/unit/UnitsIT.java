package io.hoithao.events.unit;

import static io.hoithao.events.unit.Units.body;
import static io.hoithao.events.unit.Units.create;
import static io.hoithao.events.unit.Units.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.hoithao.contracts.Topics;
import io.hoithao.contracts.units.UnitCreated;
import io.hoithao.contracts.units.UnitMoved;
import io.hoithao.contracts.units.UnitRenamed;
import io.hoithao.contracts.units.UnitsMessage;
import io.hoithao.platform.security.Caller;
import io.hoithao.platform.testing.IntegrationTest;
import io.hoithao.platform.testing.TestIdentity;
import io.hoithao.platform.testing.TestMessages;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The directory of units against the real embedded Kafka and Mongo-wire server: changes published as
 * messages, the hierarchy's rules, search that ignores diacritics without merging units, the organisers'
 * rights through the name bridge, and hostile input. Every test works under a department of its own.
 */
@IntegrationTest
class UnitsIT {

    private static final TestIdentity identity = TestIdentity.get();
    private static TestMessages messages;
    private static TestMessages.Subscription published;

    @Autowired
    WebTestClient http;

    @BeforeEach
    void patient() {
        // the build machine is shared: a first request may take longer than the default 5 s
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @BeforeAll
    static void listen() {
        messages = new TestMessages();
        published = messages.subscribe(Topics.UNITS);
    }

    @AfterAll
    static void close() {
        messages.close();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String department(String tag) {
        return create(http, "Sở GD&ĐT thử nghiệm " + tag, "DEPARTMENT", "PROVINCE", null);
    }

    /** An organiser of the unit with this id; the name is what her token shows, for display only. */
    private WebTestClient organiserOf(String unitName, String unitId) {
        return identity.as(http, TestIdentity.organiser(unitName, unitId));
    }

    private Map<String, Object> page(WebTestClient as, String uri) {
        return as.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("officialName")).toList();
    }

    @Test
    void everyChangeIsPublishedOnTheUnitsTopicThroughTheOutbox() {
        String tag = tag();
        String department = department(tag);
        String choMoi = create(http, "Phòng GD&ĐT Chợ Mới " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        String choDon = create(http, "Phòng GD&ĐT Chợ Đồn " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        Map<String, Object> school = body("Trường Mầm non Đồng Tâm " + tag, "SCHOOL", "SCHOOL", choMoi);
        school.put("shortName", "MN Đồng Tâm");
        var created = post(http, school).expectStatus().isCreated().expectBody(UnitView.class).returnResult();
        String dongTam = created.getResponseBody().id();
        assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/events/units/" + dongTam);

        http.post().uri("/api/events/units/" + dongTam + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Trường Mầm non Đồng Tâm – Chợ Mới " + tag)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.officialName").isEqualTo("Trường Mầm non Đồng Tâm – Chợ Mới " + tag)
                .jsonPath("$.shortName").isEqualTo("MN Đồng Tâm")
                .jsonPath("$.version").isEqualTo(1);
        http.post().uri("/api/events/units/" + dongTam + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", choDon)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.parentId").isEqualTo(choDon).jsonPath("$.version").isEqualTo(2);
        // the same names again, and the parent it already has: nothing changes, nothing is published
        http.post().uri("/api/events/units/" + dongTam + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Trường Mầm non Đồng Tâm – Chợ Mới " + tag)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        http.post().uri("/api/events/units/" + dongTam + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", choDon)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<UnitsMessage> about = published.messages(UnitsMessage.class).stream()
                    .filter(m -> dongTam.equals(m instanceof UnitCreated c ? c.unitId()
                            : m instanceof UnitRenamed r ? r.unitId() : ((UnitMoved) m).unitId())).toList();
            assertThat(about).hasSize(3);
            assertThat(about.get(0)).isInstanceOfSatisfying(UnitCreated.class, c -> {
                assertThat(c.officialName()).isEqualTo("Trường Mầm non Đồng Tâm " + tag);
                assertThat(c.shortName()).isEqualTo("MN Đồng Tâm");
                assertThat(c.kind()).isEqualTo("SCHOOL");
                assertThat(c.level()).isEqualTo("SCHOOL");
                assertThat(c.parentId()).isEqualTo(choMoi);
                assertThat(c.revision()).isZero();
            });
            assertThat(about.get(1)).isInstanceOfSatisfying(UnitRenamed.class, r -> {
                assertThat(r.officialName()).isEqualTo("Trường Mầm non Đồng Tâm – Chợ Mới " + tag);
                assertThat(r.previousOfficialName()).isEqualTo("Trường Mầm non Đồng Tâm " + tag);
                assertThat(r.revision()).isEqualTo(1);
            });
            assertThat(about.get(2)).isInstanceOfSatisfying(UnitMoved.class, m -> {
                assertThat(m.parentId()).isEqualTo(choDon);
                assertThat(m.previousParentId()).isEqualTo(choMoi);
                assertThat(m.revision()).isEqualTo(2);
            });
        });
        List<ConsumerRecord<String, byte[]>> records = published.poll().stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(dongTam)).toList();
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(UnitsMessage.NO_EVENT);
        assertThat(records).extracting(r -> TestMessages.Subscription.headers(r).get("ce_type"))
                .containsExactly("units.UnitCreated.v1", "units.UnitRenamed.v1", "units.UnitMoved.v1");
        assertThat(records).extracting(r -> TestMessages.Subscription.headers(r).get("ce_source")).containsOnly("/hoithao/events");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.messages(UnitCreated.class))
                .extracting(UnitCreated::unitId).contains(department, choMoi, choDon));
    }

    @Autowired
    UnitDirectory directory;

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Test
    void whatACrashLeftInAUnitsOutboxIsPublishedByTheSweep() {
        String tag = tag();
        String department = department(tag);
        // written with its message, as a change is, but the process "died" before publishing it
        UnitStore.Creation creation = directory.newUnit(UUID.randomUUID().toString(), "Trường Mầm non Như Cố " + tag, "MN Như Cố",
                UnitKind.SCHOOL, UnitLevel.SCHOOL, department);
        Unit unit = creation.unit();
        org.bson.Document crashed = new org.bson.Document();
        mongo.getConverter().write(unit, crashed);
        crashed.put("outbox", mongo.getConverter().convertToMongoType(
                creation.messages().stream().map(io.hoithao.platform.outbox.OutboxEntry::of).toList()));
        mongo.insert(crashed, UnitStore.COLLECTION).block(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(published.messages(UnitCreated.class))
                .extracting(UnitCreated::unitId).contains(unit.id()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mongo.findById(unit.id(), org.bson.Document.class,
                UnitStore.COLLECTION).block(Duration.ofSeconds(10)).getList("outbox", Object.class)).isEmpty());
    }

    @Test
    void childrenDescendantsAndOneUnitAreReadByAnyone() {
        String tag = tag();
        String department = department(tag);
        String office = create(http, "Phòng GD&ĐT Ba Bể " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        create(http, "Trường Mầm non Hoa Mai " + tag, "SCHOOL", "SCHOOL", office);
        create(http, "Trường Tiểu học Chợ Rã " + tag, "SCHOOL", "SCHOOL", office);
        create(http, "Trường THPT Chuyên " + tag, "SCHOOL", "SCHOOL", department);
        WebTestClient visitor = TestIdentity.anonymous(http);

        assertThat(names(page(visitor, "/api/events/units/" + department + "/children")))
                .containsExactlyInAnyOrder("Phòng GD&ĐT Ba Bể " + tag, "Trường THPT Chuyên " + tag);
        assertThat(names(page(visitor, "/api/events/units/" + department + "/descendants")))
                .containsExactlyInAnyOrder("Phòng GD&ĐT Ba Bể " + tag, "Trường THPT Chuyên " + tag,
                        "Trường Mầm non Hoa Mai " + tag, "Trường Tiểu học Chợ Rã " + tag);
        assertThat(page(visitor, "/api/events/units/" + department + "/descendants?size=2")).containsEntry("total", 4)
                .satisfies(p -> assertThat(names(p)).hasSize(2));
        assertThat(names(page(visitor, "/api/events/units/" + office + "/descendants")))
                .containsExactlyInAnyOrder("Trường Mầm non Hoa Mai " + tag, "Trường Tiểu học Chợ Rã " + tag);
        visitor.get().uri("/api/events/units/" + office).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.officialName").isEqualTo("Phòng GD&ĐT Ba Bể " + tag)
                .jsonPath("$.shortName").isEqualTo("Phòng GD&ĐT Ba Bể " + tag)
                .jsonPath("$.kind").isEqualTo("DISTRICT_OFFICE")
                .jsonPath("$.level").isEqualTo("DISTRICT")
                .jsonPath("$.parentId").isEqualTo(department)
                .jsonPath("$.outbox").doesNotExist()
                .jsonPath("$.siblingKey").doesNotExist();
        for (String path : List.of("", "/children", "/descendants")) {
            visitor.get().uri("/api/events/units/no-such-unit" + path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/not-found");
        }
        assertThat(names(page(visitor, "/api/events/units?parentId=" + office + "&level=SCHOOL&kind=SCHOOL"))).hasSize(2);
    }

    @Test
    void searchIgnoresDiacriticsButTwoUnitsWhoseNamesFoldAlikeStayTwo() {
        String tag = tag();
        String department = department(tag);
        String office = create(http, "Phòng GD&ĐT Na Rì " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        String hoa = create(http, "Trường Tiểu học Tân Hòa " + tag, "SCHOOL", "SCHOOL", office);
        String hoaAcute = create(http, "Trường Tiểu học Tân Hóa " + tag, "SCHOOL", "SCHOOL", office);
        assertThat(hoa).isNotEqualTo(hoaAcute);

        // the search finds both by their folded words, in any spelling
        assertThat(names(page(http, "/api/events/units?q=tan hoa " + tag)))
                .containsExactlyInAnyOrder("Trường Tiểu học Tân Hòa " + tag, "Trường Tiểu học Tân Hóa " + tag);
        assertThat(names(page(TestIdentity.anonymous(http), "/api/events/units?q=TÂN HÓA " + tag))).hasSize(2);
        assertThat(names(page(http, "/api/events/units?q=truong tieu hoc " + tag))).hasSize(2);
        assertThat(names(page(http, "/api/events/units?q=tan hoa khong co " + tag))).isEmpty();

        // the same name in another case, or composed differently, is the same unit: 409 naming it
        for (String same : List.of("trường tiểu học tân hòa " + tag,
                Normalizer.normalize("Trường Tiểu học Tân Hòa " + tag, Normalizer.Form.NFD), "  Trường  Tiểu học Tân Hòa " + tag)) {
            post(http, body(same, "SCHOOL", "SCHOOL", office)).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate")
                    .jsonPath("$.existingUnitId").isEqualTo(hoa);
        }
        // renaming one to the other's name is refused too, and each keeps its own messages and id
        http.post().uri("/api/events/units/" + hoaAcute + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Trường Tiểu học Tân Hòa " + tag)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.existingUnitId").isEqualTo(hoa);
        // the same name under another parent is another unit
        String other = create(http, "Phòng GD&ĐT Pác Nặm " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        assertThat(create(http, "Trường Tiểu học Tân Hòa " + tag, "SCHOOL", "SCHOOL", other)).isNotIn(hoa, hoaAcute);
        // and moving a unit next to a namesake is refused
        http.post().uri("/api/events/units/" + hoa + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", other)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate");
        http.get().uri("/api/events/units/" + hoa).exchange().expectBody().jsonPath("$.parentId").isEqualTo(office)
                .jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void theHierarchyKeepsItsLevelsAndHasNoLoops() {
        String tag = tag();
        String department = department(tag);
        String office = create(http, "Phòng GD&ĐT Ngân Sơn " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        String school = create(http, "Trường Mầm non Vân Tùng " + tag, "SCHOOL", "SCHOOL", office);
        String centre = create(http, "Trung tâm GDNN-GDTX Ngân Sơn " + tag, "CENTRE", "DISTRICT", office);

        hierarchy(post(http, body("Sở thứ hai " + tag, "DEPARTMENT", "PROVINCE", department)));
        hierarchy(post(http, body("Phòng dưới trường " + tag, "DISTRICT_OFFICE", "DISTRICT", school)));
        hierarchy(post(http, body("Trường dưới trường " + tag, "SCHOOL", "SCHOOL", school)));
        hierarchy(post(http, body("Phòng dưới trung tâm " + tag, "DISTRICT_OFFICE", "DISTRICT", centre)));
        invalid(post(http, body("Trường không cấp trên " + tag, "SCHOOL", "SCHOOL", null)), "parentId");
        invalid(post(http, body("Sở cấp huyện " + tag, "DEPARTMENT", "DISTRICT", department)), "level");
        invalid(post(http, body("Trường cha lạ " + tag, "SCHOOL", "SCHOOL", "no-such-unit")), "parentId");

        // no unit under itself or under one below it
        hierarchy(move(office, office));
        hierarchy(move(office, school));
        hierarchy(move(department, office));
        invalid(move(school, "no-such-unit"), "parentId");
        move(school, centre).expectStatus().isOk();
        move(school, department).expectStatus().isOk();
        http.get().uri("/api/events/units/" + office).exchange().expectBody()
                .jsonPath("$.parentId").isEqualTo(department).jsonPath("$.version").isEqualTo(0);
    }

    private WebTestClient.ResponseSpec move(String unit, String parent) {
        return http.post().uri("/api/events/units/" + unit + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", parent)).exchange();
    }

    private static void hierarchy(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/unit-hierarchy");
    }

    private static void invalid(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void anOrganiserManagesTheUnitsBelowTheUnitWhoseIdHerTokenCarries() {
        String tag = tag();
        String departmentName = "Sở GD&ĐT thử nghiệm " + tag;
        String department = create(http, departmentName, "DEPARTMENT", "PROVINCE", null);
        String officeName = "Phòng GD&ĐT Bạch Thông " + tag;
        String office = create(http, officeName, "DISTRICT_OFFICE", "DISTRICT", department);
        String otherOffice = create(http, "Phòng GD&ĐT Chợ Đồn " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        WebTestClient province = organiserOf(departmentName, department);
        WebTestClient district = organiserOf(officeName, office);

        // the district organiser adds and renames schools below her office, and nothing else
        String school = create(district, "Trường Tiểu học Phủ Thông " + tag, "SCHOOL", "SCHOOL", office);
        district.post().uri("/api/events/units/" + school + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Trường TH Phủ Thông " + tag)).exchange().expectStatus().isOk();
        forbidden(post(district, body("Trường ngoài huyện " + tag, "SCHOOL", "SCHOOL", otherOffice)));
        forbidden(district.post().uri("/api/events/units/" + office + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Phòng đổi tên " + tag)).exchange());
        forbidden(district.post().uri("/api/events/units/" + school + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", otherOffice)).exchange());
        // the province organiser manages everything below the department, not the department itself
        province.post().uri("/api/events/units/" + school + "/move").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("parentId", otherOffice)).exchange().expectStatus().isOk();
        province.post().uri("/api/events/units/" + office + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", officeName + " (mới)")).exchange().expectStatus().isOk();
        forbidden(province.post().uri("/api/events/units/" + department + "/rename").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officialName", "Sở đổi tên " + tag)).exchange());
        forbidden(post(province, body("Sở khác " + tag, "DEPARTMENT", "PROVINCE", null)));
        // her office renamed, the district organiser keeps her rights: her token carries the same unit id
        String renamedSchool = create(district, "Trường sau đổi tên " + tag, "SCHOOL", "SCHOOL", office);

        // a token showing the department's name, of another unit, is not the department's: names give no rights
        forbidden(post(organiserOf(departmentName, otherOffice), body("Trường A " + tag, "SCHOOL", "SCHOOL", department)));
        forbidden(post(organiserOf(null, null), body("Trường B " + tag, "SCHOOL", "SCHOOL", department)));
        forbidden(post(organiserOf(departmentName, "no-such-unit-" + tag), body("Trường B " + tag, "SCHOOL", "SCHOOL", department)));
        // two units of one name in two places are two units
        String twin = "Phòng GD&ĐT song sinh " + tag;
        String firstTwin = create(http, twin, "DISTRICT_OFFICE", "DISTRICT", department);
        String otherDepartment = create(http, "Sở GD&ĐT khác " + tag, "DEPARTMENT", "PROVINCE", null);
        String secondTwin = create(http, twin, "DISTRICT_OFFICE", "DISTRICT", otherDepartment);
        forbidden(post(organiserOf(twin, secondTwin), body("Trường C " + tag, "SCHOOL", "SCHOOL", firstTwin)));
        String twinsSchool = create(organiserOf(twin, firstTwin), "Trường C " + tag, "SCHOOL", "SCHOOL", firstTwin);
        // delegates and reviewers change nothing
        forbidden(post(identity.as(http, TestIdentity.delegate("ha.le@mndongtam.edu.vn")), body("Trường D " + tag, "SCHOOL", "SCHOOL", office)));
        forbidden(post(identity.as(http, TestIdentity.reviewer()), body("Trường E " + tag, "SCHOOL", "SCHOOL", office)));
        post(TestIdentity.anonymous(http), body("Trường F " + tag, "SCHOOL", "SCHOOL", office)).expectStatus().isUnauthorized();
        assertThat(names(page(http, "/api/events/units/" + department + "/descendants")))
                .containsExactlyInAnyOrder(officeName + " (mới)", "Phòng GD&ĐT Chợ Đồn " + tag, twin, "Trường TH Phủ Thông " + tag,
                        "Trường sau đổi tên " + tag, "Trường C " + tag);
        assertThat(List.of(renamedSchool, twinsSchool)).doesNotContainNull();
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/forbidden");
    }

    @Test
    void hostileInputIs400ProblemJsonAndNothingIsStored() {
        String tag = tag();
        String department = department(tag);
        List<String> bodies = List.of(
                "{\"officialName\": \"Trường\\u0000 " + tag + "\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"Trường \\u202e" + tag + "\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"" + "Đ".repeat(201) + "\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"---\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"Trường " + tag + "\", \"kind\": \"NOPE\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"Trường " + tag + "\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": {\"$gt\": \"\"}}",
                "{\"officialName\": {\"$ne\": null}, \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"" + department + "\"}",
                "{\"officialName\": \"Trường " + tag + "\", \"kind\": \"SCHOOL\", \"level\": \"SCHOOL\", \"parentId\": \"\"}",
                "{\"officialName\": \"Trường " + tag + "\", \"kind\": \"SCHOOL\"",
                "[]");
        for (String body : bodies) {
            http.post().uri("/api/events/units").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        for (String query : List.of("page=-1", "size=0", "size=100000", "kind=NOPE", "level=%24gt", "q=" + "a".repeat(201))) {
            http.get().uri("/api/events/units?" + query).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // operators as data: an id that looks like an operator is just an unknown id
        http.get().uri("/api/events/units/{id}", "{\"$gt\": \"\"}").exchange().expectStatus().isNotFound();
        // fields the client may not set are ignored
        String id = post(http, Map.of("officialName", "Trường Mầm non Sơn Thành " + tag, "kind", "SCHOOL", "level", "SCHOOL",
                        "parentId", department, "id", "chosen-id", "version", 99, "outbox", List.of(Map.of("topic", "x")),
                        "siblingKey", "x/y"))
                .expectStatus().isCreated().expectBody(UnitView.class).returnResult().getResponseBody().id();
        assertThat(id).isNotEqualTo("chosen-id");
        http.get().uri("/api/events/units/" + id).exchange().expectBody().jsonPath("$.version").isEqualTo(0);
        assertThat(names(page(http, "/api/events/units/" + department + "/children")))
                .containsExactly("Trường Mầm non Sơn Thành " + tag);
    }

    // ---- bulk import -------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec importCsv(WebTestClient as, byte[] csv) {
        return as.post().uri("/api/events/units/import").contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange();
    }

    private UnitImport.Report report(WebTestClient as, String csv) {
        return importCsv(as, csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk()
                .expectBody(UnitImport.Report.class).returnResult().getResponseBody();
    }

    @Test
    void aCsvFileIsImportedRowByRowWithTheOutcomeOfEach() {
        String tag = tag();
        String department = department(tag);
        String csv = "\uFEFFkey,officialName,shortName,kind,level,parent\r\n"
                + "cm,Phòng GD&ĐT Chợ Mới " + tag + ",PGDĐT Chợ Mới,DISTRICT_OFFICE,DISTRICT," + department + "\r\n"
                + ",\"Trường Mầm non Đồng Tâm, Chợ Mới " + tag + "\",MN Đồng Tâm,SCHOOL,school,cm\r\n"
                + ",Trường Tiểu học Tân Hòa " + tag + ",,SCHOOL,SCHOOL,cm\r\n"
                + ",Trường Tiểu học Tân Hóa " + tag + ",,SCHOOL,SCHOOL,cm\r\n"
                + ",trường tiểu học tân hòa " + tag + ",,SCHOOL,SCHOOL,cm\r\n"
                + ",Trường không loại " + tag + ",,UNIVERSITY,SCHOOL,cm\r\n"
                + ",,,SCHOOL,SCHOOL,cm\r\n"
                + ",Trường cha lạ " + tag + ",,SCHOOL,SCHOOL,nowhere\r\n"
                + ",Phòng dưới phòng " + tag + ",,DISTRICT_OFFICE,DISTRICT,cm\r\n"
                + "\r\n"
                + ",\"Trường THCS \"\"Kim Đồng\"\" " + tag + "\",,SCHOOL,SCHOOL,cm\r\n";

        UnitImport.Report first = report(http, csv);

        assertThat(first.rows()).extracting(UnitImport.RowResult::outcome).containsExactly(
                UnitImport.Outcome.CREATED, UnitImport.Outcome.CREATED, UnitImport.Outcome.CREATED, UnitImport.Outcome.CREATED,
                UnitImport.Outcome.DUPLICATE, UnitImport.Outcome.MALFORMED, UnitImport.Outcome.MALFORMED, UnitImport.Outcome.MALFORMED,
                UnitImport.Outcome.MALFORMED, UnitImport.Outcome.CREATED);
        assertThat(first.rows()).extracting(UnitImport.RowResult::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(first).extracting(UnitImport.Report::created, UnitImport.Report::duplicates, UnitImport.Report::malformed,
                UnitImport.Report::forbidden).containsExactly(5, 1, 4, 0);
        assertThat(first.rows().get(4).unitId()).isEqualTo(first.rows().get(2).unitId());
        assertThat(first.rows().get(5).detail()).contains("kind");
        assertThat(first.rows().get(6).detail()).contains("officialName");
        assertThat(first.rows().get(7).detail()).contains("parentId");
        assertThat(first.rows().get(8).detail()).contains("DISTRICT_OFFICE");
        String office = first.rows().get(0).unitId();
        assertThat(names(page(http, "/api/events/units/" + office + "/children"))).containsExactlyInAnyOrder(
                "Trường Mầm non Đồng Tâm, Chợ Mới " + tag, "Trường Tiểu học Tân Hòa " + tag, "Trường Tiểu học Tân Hóa " + tag,
                "Trường THCS \"Kim Đồng\" " + tag);
        http.get().uri("/api/events/units/" + first.rows().get(1).unitId()).exchange().expectBody()
                .jsonPath("$.shortName").isEqualTo("MN Đồng Tâm").jsonPath("$.level").isEqualTo("SCHOOL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published.messages(UnitCreated.class))
                .extracting(UnitCreated::unitId).contains(office, first.rows().get(1).unitId(), first.rows().get(9).unitId()));

        // the same file again creates nothing: every good row is a duplicate naming its unit
        UnitImport.Report again = report(http, csv);
        assertThat(again.created()).isZero();
        assertThat(again.duplicates()).isEqualTo(6);
        assertThat(again.rows().get(1).unitId()).isEqualTo(first.rows().get(1).unitId());
        assertThat(again.rows().get(1).outcome()).isEqualTo(UnitImport.Outcome.DUPLICATE);
    }

    @Test
    void anOrganisersImportCreatesOnlyBelowHerUnit() {
        String tag = tag();
        String department = department(tag);
        String officeName = "Phòng GD&ĐT Chợ Đồn " + tag;
        String office = create(http, officeName, "DISTRICT_OFFICE", "DISTRICT", department);
        String csv = "officialName,kind,level,parent\n"
                + "Trường Mầm non Bằng Phúc " + tag + ",SCHOOL,SCHOOL," + office + "\n"
                + "Phòng GD&ĐT khác " + tag + ",DISTRICT_OFFICE,DISTRICT," + department + "\n";

        UnitImport.Report report = report(organiserOf(officeName, office), csv);

        assertThat(report.rows()).extracting(UnitImport.RowResult::outcome)
                .containsExactly(UnitImport.Outcome.CREATED, UnitImport.Outcome.FORBIDDEN);
        assertThat(report.forbidden()).isEqualTo(1);
        importCsv(identity.as(http, TestIdentity.delegate("ha.le@mndongtam.edu.vn")), csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        importCsv(TestIdentity.anonymous(http), csv.getBytes(StandardCharsets.UTF_8)).expectStatus().isUnauthorized();
        assertThat(names(page(http, "/api/events/units/" + department + "/descendants")))
                .containsExactlyInAnyOrder(officeName, "Trường Mầm non Bằng Phúc " + tag);
    }

    /**
     * Rights go by id, so a namesake takes none away: an organiser may give a school below her office the
     * department's exact name, and the department's organisers keep theirs. Siblings still never share a name.
     */
    @Test
    void aNamesakeTakesNoRightsFromTheUnitItIsNamedLike() {
        String tag = tag();
        String departmentName = "Sở GD&ĐT thử nghiệm " + tag;
        String department = create(http, departmentName, "DEPARTMENT", "PROVINCE", null);
        String officeName = "Phòng GD&ĐT Ba Bể " + tag;
        String office = create(http, officeName, "DISTRICT_OFFICE", "DISTRICT", department);
        WebTestClient district = organiserOf(officeName, office);
        String namesake = create(district, departmentName, "SCHOOL", "SCHOOL", office);
        create(district, "Trường Tiểu học Chu Hương " + tag, "SCHOOL", "SCHOOL", office);
        // a sibling of the same name is still refused, naming it
        post(district, body(departmentName, "SCHOOL", "SCHOOL", office)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/duplicate")
                .jsonPath("$.existingUnitId").isEqualTo(namesake);

        create(organiserOf(departmentName, department), "Phòng GD&ĐT Pác Nặm " + tag, "DISTRICT_OFFICE", "DISTRICT", department);
        organiserOf(departmentName, department).post().uri("/api/events/units/" + namesake + "/rename")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("officialName", "Trường Mầm non Ba Bể " + tag))
                .exchange().expectStatus().isOk();
        assertThat(names(page(http, "/api/events/units/" + department + "/descendants")))
                .containsExactlyInAnyOrder(officeName, "Phòng GD&ĐT Pác Nặm " + tag, "Trường Tiểu học Chu Hương " + tag,
                        "Trường Mầm non Ba Bể " + tag);
    }

    @Test
    void aFileThatIsNotUtf8CsvWithTheColumnsIs400() {
        String tag = tag();
        String department = department(tag);
        byte[] latin1 = ("officialName,kind,level,parent\nTrường Tân Hòa " + tag + ",SCHOOL,SCHOOL," + department + "\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1258"));
        List<byte[]> files = List.of(
                latin1,
                ("name,kind\nTrường " + tag + ",SCHOOL\n").getBytes(StandardCharsets.UTF_8),
                ("officialName,kind,level,parent\n\"Trường " + tag + ",SCHOOL,SCHOOL," + department + "\n").getBytes(StandardCharsets.UTF_8),
                ("officialName,kind,level,level\nTrường " + tag + ",SCHOOL,SCHOOL,SCHOOL\n").getBytes(StandardCharsets.UTF_8),
                "officialName,kind,level\n".getBytes(StandardCharsets.UTF_8),
                ("officialName,kind,level,parent\n" + ("Trường X " + tag + ",SCHOOL,SCHOOL," + department + "\n").repeat(UnitImport.MAX_ROWS + 1))
                        .getBytes(StandardCharsets.UTF_8));
        for (byte[] file : files) {
            importCsv(http, file).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://hoithao.io/problems/malformed-csv");
        }
        http.post().uri("/api/events/units/import").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(415).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(page(http, "/api/events/units/" + department + "/children")).containsEntry("total", 0);
    }
}
