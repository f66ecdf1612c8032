package io.hoithao.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.hoithao.web.StandInApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The organiser's console, signed in as an organiser of the Bắc Kạn department, over a small HTTP server
 * answering as the events, registrations and observations APIs do: the dashboard's to-do list and figures,
 * one event's figures per day and unit with the chart's data, a clash explained naming the other session
 * (in Vietnamese and English), a session's move and the event's cancellation confirmed with their counts,
 * and someone who is not an organiser kept out.
 */
@SpringBootTest
class OrganiserPagesTest {

    static final String START = LocalDate.now(DashboardPages.VIETNAM).plusDays(3).toString();
    static final String END = LocalDate.now(DashboardPages.VIETNAM).plusDays(4).toString();
    static final String EVENT = """
            {"id":"e1","title":"Hội nghị sơ kết chuyên đề","kind":"CONFERENCE","level":"PROVINCE","organiserUnitId":"u1",
             "organiserUnit":"Sở GD&ĐT Bắc Kạn","startDate":"%s","endDate":"%s","timeZone":"Asia/Ho_Chi_Minh","capacity":180,"status":"REGISTRATION_OPEN",
             "venues":[{"id":"v1","name":"Trường Mầm non Đồng Tâm","kind":"HOST_SCHOOL","address":"Chợ Mới","classrooms":["A1","A2"]},
                       {"id":"v2","name":"Hội trường Sở","kind":"HALL"}],
             "officials":[{"name":"Nguyễn Văn An","position":"Giám đốc","role":"DIRECTING"}]}""".formatted(START, END);
    static final String PROGRAMME = """
            {"eventId":"e1","title":"Hội nghị sơ kết chuyên đề","status":"REGISTRATION_OPEN","startDate":"%s","endDate":"%s",
             "registrations":{"capacity":180,"confirmed":36,"waitlisted":4,"cancelled":1,"seatsLeft":144},
             "days":[{"date":"%s","sessions":[
               {"session":{"id":"s1","type":"OPENING","title":"Khai mạc","date":"%s","start":"07:30","end":"08:00","venueId":"v2",
                 "venue":"Hội trường Sở","status":"SCHEDULED","speakers":[]},"papers":[],"lessons":[]},
               {"session":{"id":"s2","type":"DEMONSTRATION_LESSON","title":"Dự giờ lớp A1","date":"%s","start":"08:30","end":"09:15",
                 "venueId":"v1","venue":"Trường Mầm non Đồng Tâm","classroom":"A1","status":"SCHEDULED","speakers":[]},
                 "papers":[{"paperId":"p1","title":"Lớp học hạnh phúc","unit":"Trường Mầm non Đồng Tâm","presenters":["Hoà"]}],
                 "lessons":[{"lessonId":"l1","title":"Dự giờ lớp A1","classroom":"A1","seats":8,"seatsLeft":3}]}]},
               {"date":"%s","sessions":[]}],
             "acceptedPapers":[{"paperId":"p2","title":"Đồ dùng tự làm","unit":"Phòng GD&ĐT Chợ Mới","presenters":["Lan"]}],
             "otherLessons":[]}""".formatted(START, END, START, START, START, END);
    static final String SEATS = """
            {"eventId":"e1","title":"Hội nghị sơ kết chuyên đề","organiserUnitId":"u1","organiserUnit":"Sở GD&ĐT Bắc Kạn","registrationOpen":true,
             "approvalRequired":true,"capacity":180,"confirmed":36,"seatsLeft":144,"overCapacity":false,"waitlisted":4,
             "days":["%s","%s"],"quotas":[{"unitId":"u2","unit":"Phòng GD&ĐT Chợ Mới","quota":20,"confirmed":12,"overQuota":false}]}""".formatted(START, END);
    static final String ATTENDANCE = """
            {"eventId":"e1","confirmed":36,"days":[
              {"day":"%s","confirmed":36,"attended":36,"units":[{"unit":"Phòng GD&ĐT Chợ Mới","confirmed":12,"attended":12},
                                                              {"unit":"Trường Mầm non Đồng Tâm","confirmed":24,"attended":24}]},
              {"day":"%s","confirmed":36,"attended":30,"units":[{"unit":"Phòng GD&ĐT Chợ Mới","confirmed":12,"attended":10},
                                                              {"unit":"Trường Mầm non Đồng Tâm","confirmed":24,"attended":20}]}]}"""
            .formatted(START, END);
    static final String AWAITING = """
            {"items":[{"id":"r1","eventId":"e1","fullName":"Hà Thị Mai","unit":"Phòng GD&ĐT Chợ Mới","unitId":"u2","status":"AWAITING_APPROVAL"},
                      {"id":"r2","eventId":"e1","fullName":"Lý Văn Tú","unit":"Phòng GD&ĐT Chợ Mới","unitId":"u2","status":"AWAITING_APPROVAL"}],
             "page":0,"size":200,"total":2}""";
    static final String WAITING = """
            {"items":[{"id":"r3","eventId":"e1","fullName":"Đặng Thu","unit":"Trường Mầm non Đồng Tâm","status":"WAITLISTED"}],
             "page":0,"size":200,"total":1}""";
    static final String CONFIRMED = """
            {"items":[{"id":"c1","eventId":"e1","fullName":"Bế Thị Hồng","unit":"Phòng GD&ĐT Chợ Mới","status":"CONFIRMED"},
                      {"id":"c2","eventId":"e1","fullName":"Âu Văn Nam","unit":"Trường Mầm non Đồng Tâm","status":"CONFIRMED"}],
             "page":0,"size":200,"total":2}""";
    static final String ROTATION = """
            {"id":"rot1","eventId":"e1","status":"PREVIEW","assignments":[
              {"registrationId":"c1","lessonId":"l1","preferred":false},{"registrationId":"c1","lessonId":"l2","preferred":false},
              {"registrationId":"c2","lessonId":"l3","preferred":false}],"unassigned":[]}""";
    static final String LESSONS = """
            {"items":[{"id":"l2","eventId":"e1","title":"Âm nhạc","hostSchool":"Trường Mầm non Đồng Tâm","classroom":"A2",
              "teacher":"Nông Thị Hương","startsAt":"%sT10:00:00+07:00","endsAt":"%sT10:45:00+07:00","seats":8,"seatsLeft":8,"waiting":0,"status":"SCHEDULED"},
              {"id":"l3","eventId":"e1","title":"Toán","hostSchool":"Trường Mầm non Đồng Tâm","classroom":"A2",
              "teacher":"Hoàng Văn Bình","startsAt":"%sT08:30:00+07:00","endsAt":"%sT09:15:00+07:00","seats":8,"seatsLeft":8,"waiting":0,"status":"SCHEDULED"},
              {"id":"l1","eventId":"e1","title":"Dự giờ lớp A1","hostSchool":"Trường Mầm non Đồng Tâm","classroom":"A1",
              "startsAt":"%sT08:30:00+07:00","endsAt":"%sT09:15:00+07:00","seats":8,"seatsLeft":3,"waiting":0,"status":"SCHEDULED"}],
             "page":0,"size":100,"total":3}""".formatted(START, START, START, START, START, START);
    static final String LESSON_L2 = """
            {"id":"l2","eventId":"e1","title":"Âm nhạc","hostSchool":"Trường Mầm non Đồng Tâm","classroom":"A2","className":"Lớp Lá 2",
             "ageGroup":"MAU_GIAO_NHO","teacher":"Nông Thị Hương","activity":"Hát: Cháu yêu bà","developmentalArea":"Phát triển thẩm mỹ",
             "startsAt":"%sT10:00:00+07:00","endsAt":"%sT10:45:00+07:00","seats":8,"seatsLeft":3,"waiting":2,"status":"SCHEDULED"}"""
            .formatted(START, START);
    static final String OBSERVERS = """
            {"lessonId":"l2","seats":8,"seatsLeft":3,"booked":[
              {"bookingId":"k1","registrationId":"b1","email":"an@chomoi.edu.vn","fullName":"Âu Thị An","via":"BOOKED","attended":true},
              {"bookingId":"k2","registrationId":"b2","email":"binh@chomoi.edu.vn","fullName":"Bế Văn Bình","via":"BOOKED","attended":false},
              {"bookingId":"k3","registrationId":"b3","email":"chi@chomoi.edu.vn","fullName":"Cao Thị Chi","via":"ROTATION","attended":false},
              {"bookingId":"k4","registrationId":"b4","email":"dung@chomoi.edu.vn","fullName":"Đàm Văn Dũng","via":"PROMOTED","attended":false},
              {"bookingId":"k5","registrationId":"b5","email":"em@chomoi.edu.vn","fullName":"Hà Thị Em","via":"BOOKED","attended":false}],
             "waiting":[{"registrationId":"w1","email":"gia@chomoi.edu.vn","fullName":"Lý Văn Gia"},
                        {"registrationId":"w2","email":"ha@chomoi.edu.vn","fullName":"Ma Thị Hà"}]}""";
    static final String CLASH = """
            {"type":"https://hoithao.io/problems/session-clash","status":409,"detail":"Clashes with Khai mạc",
             "clashingSession":{"id":"s1","title":"Khai mạc","venueId":"v2","date":"%s","start":"07:30","end":"08:00"}}""".formatted(START);

    static final String IMPORTED = """
            {"eventId":"e1","total":3,"registered":1,"waitlisted":0,"pendingApproval":0,"rejected":2,"rows":[
              {"row":2,"email":"hoa@mndongtam.edu.vn","fullName":"Nguyễn Thị Hoà","outcome":"REGISTERED","registrationId":"r9"},
              {"row":3,"email":"mai@chomoi.edu.vn","fullName":"Hà Thị Mai","outcome":"REJECTED","problemType":"duplicate-registration"},
              {"row":4,"email":"=cmd","fullName":"Lỗi, dòng","outcome":"REJECTED","problemType":"malformed-csv"}]}""";
    static final List<String> calls = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final StandInApi api = StandInApi.withSessions(routes -> routes
            // as the events API: the organiser filter takes a unit's directory id; a name (another unit's id) matches nothing
            .get("/api/events", (req, res) -> json(req, res, organisedBy(req, "u1")
                    ? "{\"items\":[" + EVENT + "],\"page\":0,\"size\":100,\"total\":1}" : "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}"))
            .get("/api/events/units", (req, res) -> json(req, res, """
                    {"items":[{"id":"u1","officialName":"Sở GD&ĐT Bắc Kạn","kind":"DEPARTMENT","level":"PROVINCE"},
                              {"id":"u2","officialName":"Phòng GD&ĐT Chợ Mới","kind":"DISTRICT_OFFICE","level":"DISTRICT","parentId":"u1"}],
                     "page":0,"size":200,"total":2}"""))
            .post("/api/events", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8).flatMap(body -> {
                calls.add("POST event " + body);
                // the unit by a directory id (a name where the id goes, or a unit the directory lacks: 400 on organiserUnitId)
                return knownUnitId(body) ? res.status(201).header("Content-Type", "application/json").sendString(Mono.just(EVENT)).then()
                        : unitRefused(res);
            }))
            // a change names the unit by its id only (a name field is no part of a PATCH)
            .route(req -> req.method().equals(io.netty.handler.codec.http.HttpMethod.PATCH) && req.uri().equals("/api/events/e1"),
                    (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8).flatMap(body -> {
                        calls.add("PATCH event " + body);
                        return !body.contains("\"organiserUnitId\"") || knownUnitId(body)
                                ? res.header("Content-Type", "application/json").sendString(Mono.just(EVENT)).then() : unitRefused(res);
                    }))
            .get("/api/events/e1", (req, res) -> json(req, res, EVENT))
            .get("/api/events/e1/programme", (req, res) -> json(req, res, PROGRAMME))
            .get("/api/events/e1/sessions/s2", (req, res) -> json(req, res, """
                    {"id":"s2","type":"DEMONSTRATION_LESSON","title":"Dự giờ lớp A1","date":"%s","start":"08:30","end":"09:15",
                     "venueId":"v1","venue":"Trường Mầm non Đồng Tâm","classroom":"A1","status":"SCHEDULED"}""".formatted(START)))
            .post("/api/events/e1/sessions", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                calls.add("POST sessions " + body);
                return res.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(CLASH)).then();
            }))
            .post("/api/events/e1/cancel", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
                calls.add("POST cancel " + body);
                return res.header("Content-Type", "application/json").sendString(Mono.just(EVENT.replace("REGISTRATION_OPEN", "CANCELLED"))).then();
            }))
            .get("/api/registrations/events/e1", (req, res) -> json(req, res, SEATS))
            .get("/api/registrations/events/e1/registrations", (req, res) -> json(req, res,
                    req.uri().contains("status=AWAITING_APPROVAL") ? AWAITING : req.uri().contains("status=CONFIRMED") ? CONFIRMED : WAITING))
            .get("/api/observations/lessons/{l}/forms/summary", (req, res) -> json(req, res, """
                    {"lessonId":"%s","forms":3,"criteria":[{"id":"child-initiative","label":"Trẻ được chủ động / Children take initiative",
                     "mean":4.33,"count":3,"min":4,"max":5}]}""".formatted(req.param("l"))))
            .post("/api/observations/events/e1/rotations", (req, res) -> req.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
                calls.add("POST rotations " + body);
                return res.status(201).header("Content-Type", "application/json").sendString(Mono.just(ROTATION)).then();
            }))
            .get("/api/observations/rotations/rot1", (req, res) -> json(req, res, ROTATION))
            .get("/api/registrations/events/e1/attendance", (req, res) -> json(req, res, ATTENDANCE))
            .get("/api/registrations/events/e1/attendance.csv", (req, res) -> res.header("Content-Type", "text/csv")
                    .sendString(Mono.just("\uFEFFday,unit,confirmed,attended,summary\n")))
            .get("/api/observations/events/e1/lessons", (req, res) -> json(req, res, LESSONS))
            .get("/api/observations/lessons/l2", (req, res) -> json(req, res, LESSON_L2))
            .get("/api/observations/lessons/l2/observers", (req, res) -> json(req, res, OBSERVERS))
            .put("/api/observations/lessons/l2/details", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8)
                    .flatMap(body -> {
                        calls.add("PUT details " + body);
                        return body.contains("\"seats\":3")
                                ? res.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(
                                        "{\"type\":\"https://hoithao.io/problems/seats-below-bookings\",\"status\":409,\"booked\":5}")).then()
                                : res.header("Content-Type", "application/json").sendString(Mono.just(LESSON_L2)).then();
                    }))
            .delete("/api/observations/lessons/l2", (req, res) -> {
                calls.add("DELETE lesson " + req.uri());
                return res.header("Content-Type", "application/json").sendString(Mono.just(LESSON_L2.replace("SCHEDULED", "CANCELLED")));
            })
            .post("/api/observations/lessons/l2/attendance", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8)
                    .flatMap(body -> {
                        calls.add("POST attendance " + body);
                        return body.contains("x9")
                                ? res.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(
                                        "{\"type\":\"https://hoithao.io/problems/not-booked\",\"status\":409,\"registrationIds\":[\"x9\"]}")).then()
                                : res.header("Content-Type", "application/json").sendString(Mono.just(OBSERVERS)).then();
                    }))
            .post("/api/registrations/{rid}/approve", (req, res) -> {
                calls.add("POST approve " + req.param("rid"));
                return "r2".equals(req.param("rid"))
                        ? res.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(
                                "{\"type\":\"https://hoithao.io/problems/invalid-transition\",\"status\":409}"))
                        : res.header("Content-Type", "application/json").sendString(Mono.just(
                                "{\"id\":\"" + req.param("rid") + "\",\"fullName\":\"Hà Thị Mai\",\"status\":\"CONFIRMED\"}"));
            })
            .put("/api/registrations/events/e1/quotas", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8)
                    .flatMap(body -> {
                        calls.add("PUT quotas " + body);
                        return res.header("Content-Type", "application/json").sendString(Mono.just(SEATS)).then();
                    }))
            .post("/api/registrations", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8)
                    .flatMap(body -> {
                        calls.add("POST registration " + body);
                        return res.status(201).header("Content-Type", "application/json").sendString(Mono.just("""
                                {"id":"r7","eventId":"e1","fullName":"Đàm Thị Lan","unit":"Phòng GD&ĐT Chợ Mới","unitId":"u2","status":"CONFIRMED"}""")).then();
                    }))
            .post("/api/registrations/events/e1/imports", (req, res) -> req.receive().aggregate().asString(java.nio.charset.StandardCharsets.UTF_8)
                    .flatMap(body -> {
                        calls.add("POST import " + req.uri() + " " + req.requestHeaders().get(HttpHeaders.CONTENT_TYPE) + " " + body);
                        return res.header("Content-Type", "application/json").sendString(Mono.just(IMPORTED)).then();
                    })));

    /** Whether the request's {@code organiser} filter, if any, is exactly the unit id. */
    private static boolean organisedBy(HttpServerRequest req, String unitId) {
        List<String> organiser = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("organiser");
        return organiser == null || organiser.equals(List.of(unitId));
    }

    /** An event's body names its unit by one of the directory's ids, and by no name. */
    private static boolean knownUnitId(String body) {
        return (body.contains("\"organiserUnitId\":\"u1\"") || body.contains("\"organiserUnitId\":\"u2\""))
                && !body.contains("\"organiserUnit\"");
    }

    private static Mono<Void> unitRefused(HttpServerResponse res) {
        return res.status(400).header("Content-Type", "application/problem+json").sendString(Mono.just("""
                {"type":"https://hoithao.io/problems/validation","status":400,
                 "errors":[{"field":"organiserUnitId","message":"no such unit in the directory"}]}""")).then();
    }

    private static org.reactivestreams.Publisher<Void> json(HttpServerRequest req, HttpServerResponse res, String body) {
        calls.add("GET " + req.uri() + " " + req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
        return res.header("Content-Type", "application/json").sendString(Mono.just(body));
    }

    @DynamicPropertySource
    static void apiUri(DynamicPropertyRegistry registry) {
        api.properties(registry);
    }

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void client() {
        calls.clear();
        web = as("organiser");
    }

    private WebTestClient as(String role) {
        return as(role, "u1");
    }

    /** @param unitId her confirmed unit's directory id (the token's {@code unit_id}); null: none confirmed */
    private WebTestClient as(String role, String unitId) {
        return StandInApi.signedIn(context, t -> {
                    t.claim("email", "organiser@backan.hoithao.local").claim("name", "Ban tổ chức Sở GD&ĐT Bắc Kạn")
                            .claim("unit", "Sở GD&ĐT Bắc Kạn").claim("roles", List.of(role));
                    if (unitId != null) {
                        t.claim("unit_id", unitId);
                    }
                });
    }

    private String page(WebTestClient client, String uri, String language, int status) {
        return client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theDashboardListsWhatNeedsHerAndHerUnitsEventsWithTheirFigures() {
        String html = page(web, "/organiser", "vi", 200);
        assertThat(html).contains("Bảng điều khiển ban tổ chức", "Sở GD&amp;ĐT Bắc Kạn", "Việc cần làm ngay")
                .contains("2 đăng ký chờ duyệt: Hội nghị sơ kết chuyên đề")
                .contains("4 người trong danh sách chờ: Hội nghị sơ kết chuyên đề")
                .contains("1 báo cáo đã nhận chưa xếp vào phiên: Hội nghị sơ kết chuyên đề")
                .contains("1 tiết dự giờ chưa có giáo viên dạy: Hội nghị sơ kết chuyên đề")
                .contains("Bắt đầu trong tuần này")
                .contains("36 / 180")
                .doesNotContain("What needs you now", "awaiting approval");
        // her unit's events, by her unit's id (never its name), with her token
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/events?").contains("organiser=u1").contains("Bearer "));
        assertThat(calls).noneMatch(c -> c.startsWith("GET /api/events?") && c.contains("organiser=S"));

        String english = page(web, "/organiser", "en", 200);
        assertThat(english).contains("What needs you now", "2 registrations awaiting approval: Hội nghị sơ kết chuyên đề")
                .doesNotContain("Việc cần làm ngay");
    }

    @Test
    void anEventsFiguresPerDayAndUnitWithTheChartsData() {
        String html = page(web, "/organiser/events/e1", "vi", 200);
        assertThat(html).contains("id=\"attendance-chart\"", "role=\"img\"")
                .contains("data-confirmed=\"36,36\"", "data-attended=\"36,30\"")
                .contains("36 / 36", "30 / 36", "12 / 12", "10 / 12", "20 / 24")
                .contains("/webjars/uplot/dist/uPlot.iife.min.js");
        // the event's documents, through this site (ReportPagesTest downloads them)
        assertThat(html).contains("href=\"/organiser/events/e1/documents/delegates.xlsx\"", "href=\"/organiser/events/e1/documents/attendance.xlsx\"",
                "href=\"/organiser/events/e1/documents/badges.pdf\"", "href=\"/organiser/events/e1/documents/certificates.pdf\"",
                "href=\"/organiser/events/e1/documents/programme.pdf\"", "Danh sách đại biểu (Excel, XLSX)", "Giấy chứng nhận tham dự (PDF)");
        // per unit: the quota, those awaiting approval and waiting
        String units = html.substring(html.indexOf("id=\"units\""));
        assertThat(units.substring(units.indexOf("Phòng GD&amp;ĐT Chợ Mới"))).containsSubsequence("20", "12", "0", "2");
        assertThat(units.substring(units.indexOf("Trường Mầm non Đồng Tâm"))).containsSubsequence("—", "24", "1", "0");

        byte[] csv = web.get().uri("/organiser/events/e1/attendance.csv").exchange().expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attendance-e1.csv\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("day,unit,confirmed,attended");
    }

    @Test
    void aClashIsExplainedNamingTheOtherSessionInHerLanguage() {
        String html = web.post().uri("/organiser/events/e1/sessions").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("type", "PLENARY").with("title", "Báo cáo đề dẫn").with("date", START)
                        .with("start", "07:45").with("end", "09:00").with("venueId", "v2"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("data-problem=\"session-clash\"")
                .contains("Phiên này trùng địa điểm và giờ với phiên “Khai mạc")
                .contains("07:30–08:00")
                .doesNotContain("Clashes with")
                // what she typed is kept
                .contains("value=\"Báo cáo đề dẫn\"");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST sessions").contains("\"start\":\"07:45\"")
                .contains("\"venueId\":\"v2\"").contains("\"type\":\"PLENARY\""));

        String english = web.post().uri("/organiser/events/e1/sessions").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("type", "PLENARY").with("title", "Keynote").with("date", START)
                        .with("start", "07:45").with("end", "09:00").with("venueId", "v2"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("This session clashes with “Khai mạc");
    }

    @Test
    void movingASessionAndCancellingTheEventAreConfirmedWithWhoTheyTouch() {
        String move = page(web, "/organiser/events/e1/sessions/s2/move", "vi", 200);
        // 36 confirmed + 4 waiting + 2 awaiting approval; 5 of 8 seats booked; one paper placed in it
        assertThat(move).contains("data-registrations=\"42\"", "data-bookings=\"5\"", "data-papers=\"1\"")
                .contains("Thay đổi này ảnh hưởng tới 42 đại biểu đã đăng ký, 5 chỗ dự giờ đã đặt và 1 báo cáo tham luận");

        String cancel = page(web, "/organiser/events/e1/steps/cancel", "vi", 200);
        // the programme's 5 booked seats, one paper placed and one waiting for a session, three lessons
        assertThat(cancel).contains("data-registrations=\"42\"", "data-bookings=\"5\"", "data-papers=\"2\"", "data-lessons=\"3\"")
                .contains("Khi huỷ: 42 đăng ký đang có hiệu lực bị huỷ");
        web.post().uri("/organiser/events/e1/steps/cancel").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "Bão số 3"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1?step=cancel");
        assertThat(calls).contains("POST cancel {\"reason\":\"Bão số 3\"}");
    }

    @Test
    void theEventFormOffersTheUnitsOfTheDirectory() {
        String html = page(web, "/organiser/events/new", "vi", 200);
        // valued by the units' ids, labelled by their official names; her own unit (her token's unit_id) chosen
        assertThat(html).contains("<select id=\"organiserUnitId\" name=\"organiserUnitId\"", "Tạo sự kiện mới")
                .containsPattern("<option value=\"u2\">Phòng GD&amp;ĐT Chợ Mới</option>")
                .containsPattern("<option value=\"u1\"\\s+selected(=\"selected\")?>Sở GD&amp;ĐT Bắc Kạn</option>")
                .doesNotContain("<option value=\"Sở GD&amp;ĐT Bắc Kạn\"");
    }

    @Test
    void anEventIsCreatedForAUnitByItsIdAndARefusedUnitIsSaidAtTheSelect() {
        web.post().uri("/organiser/events").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("title", "Hội thảo chuyên đề").with("kind", "WORKSHOP").with("level", "DISTRICT")
                        .with("organiserUnitId", "u2").with("startDate", START).with("endDate", START)
                        .with("timeZone", "Asia/Ho_Chi_Minh").with("capacity", "60"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/plan?created");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST event ").contains("\"organiserUnitId\":\"u2\"")
                .doesNotContain("\"organiserUnit\"", "Chợ Mới"));

        // a unit the events API does not know: its words next to the select, which keeps her choice
        String html = web.post().uri("/organiser/events").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("title", "Hội thảo chuyên đề").with("kind", "WORKSHOP").with("level", "DISTRICT")
                        .with("organiserUnitId", "u404").with("startDate", START).with("endDate", START)
                        .with("timeZone", "Asia/Ho_Chi_Minh").with("capacity", "60"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<p id=\"organiserUnitId-error\" class=\"error\">Mời chọn đơn vị tổ chức.</p>",
                        "aria-describedby=\"organiserUnitId-hint organiserUnitId-error\"", "aria-invalid=\"true\"")
                .containsPattern("<option value=\"u404\"\\s+selected(=\"selected\")?>u404</option>")
                .contains("value=\"Hội thảo chuyên đề\"");
    }

    @Test
    void editingComparesTheUnitsIdsAndSendsTheIdOnlyWhenSheChoseAnotherUnit() {
        String form = page(web, "/organiser/events/e1/edit", "vi", 200);
        assertThat(form).containsPattern("<option value=\"u1\"\\s+selected(=\"selected\")?>Sở GD&amp;ĐT Bắc Kạn</option>")
                .contains("<option value=\"u2\">Phòng GD&amp;ĐT Chợ Mới</option>");

        // the same unit: no organiserUnitId in the change, and a name field (an older page's) is no unit
        save(BodyInserters.fromFormData("organiserUnitId", "u1").with("organiserUnit", "Phòng GD&ĐT Chợ Mới"));
        assertThat(calls).filteredOn(c -> c.startsWith("PATCH event ")).singleElement().satisfies(c -> assertThat(c)
                .contains("\"title\":\"Hội nghị sơ kết chuyên đề\"").doesNotContain("organiserUnit", "Chợ Mới"));

        // another unit: moved by its id
        calls.clear();
        save(BodyInserters.fromFormData("organiserUnitId", "u2"));
        assertThat(calls).filteredOn(c -> c.startsWith("PATCH event ")).singleElement().satisfies(c -> assertThat(c)
                .contains("\"organiserUnitId\":\"u2\"").doesNotContain("\"organiserUnit\"", "Chợ Mới"));
        // the days, time zone and seats were not changed: no other request
        assertThat(calls).noneMatch(c -> c.contains("capacity") || c.contains("reschedule"));
    }

    /** Saves the event's form with its current details and what is given. */
    private void save(BodyInserters.FormInserter<String> unit) {
        web.post().uri("/organiser/events/e1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(unit.with("title", "Hội nghị sơ kết chuyên đề").with("description", "").with("startDate", START)
                        .with("endDate", END).with("timeZone", "Asia/Ho_Chi_Minh").with("capacity", "180")
                        .with("officialName", "Nguyễn Văn An").with("officialPosition", "Giám đốc").with("officialRole", "DIRECTING"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/plan?saved");
    }

    @Test
    void anOrganiserWithoutAConfirmedUnitIsShownNoEventsAndAnAdministratorEveryUnits() {
        assertThat(page(as("organiser", null), "/organiser", "vi", 200)).contains("Bảng điều khiển ban tổ chức")
                .doesNotContain("Hội nghị sơ kết chuyên đề");
        assertThat(calls).noneMatch(c -> c.startsWith("GET /api/events?"));

        assertThat(page(as("admin", null), "/organiser", "vi", 200)).contains("Hội nghị sơ kết chuyên đề");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/events?").doesNotContain("organiser="));
    }

    @Test
    void someoneWhoIsNotAnOrganiserIsKeptOut() {
        String html = page(as("delegate"), "/organiser", "vi", 403);
        assertThat(html).contains("Trang này dành cho ban tổ chức");
        assertThat(calls).noneMatch(c -> c.startsWith("GET /api/events?"));
    }

    @Test
    void theTopNavigationShowsTheConsoleAndStaffLinksOnlyToThoseWhoseRolesOpenThem() {
        String delegate = page(as("delegate"), "/events", "vi", 200);
        assertThat(delegate).contains("id=\"sign-out\"", "id=\"nav-programme\"")
                .doesNotContain("id=\"nav-organiser\"", "id=\"nav-checkin\"", "id=\"nav-review\"");
        String reviewer = page(as("reviewer"), "/events", "vi", 200);
        assertThat(reviewer).contains("id=\"nav-review\"").doesNotContain("id=\"nav-organiser\"", "id=\"nav-checkin\"");
        String organiser = page(web, "/events", "vi", 200);
        assertThat(organiser).contains("id=\"nav-organiser\"", "Ban tổ chức", "id=\"nav-checkin\"", "id=\"nav-review\"");
        // role names without case, as the services read them
        assertThat(page(as("ADMIN"), "/events", "vi", 200)).contains("id=\"nav-organiser\"");
    }

    @Test
    void keycloakStyleTokensWithRolesUnderRealmAccessOpenTheConsole() {
        // Keycloak: no roles in the ID token; the access token (a JWT) has them under realm_access.roles
        WebTestClient keycloak = keycloak("organiser@backan.hoithao.local", List.of("offline_access", "ORGANISER"));
        assertThat(page(keycloak, "/events", "vi", 200)).contains("id=\"nav-organiser\"", "id=\"nav-checkin\"");
        assertThat(page(keycloak, "/organiser", "vi", 200)).contains("Bảng điều khiển ban tổ chức");

        // a delegate's access token: no link, and the console is not hers
        WebTestClient delegate = keycloak("mai@chomoi.edu.vn", List.of("delegate"));
        assertThat(page(delegate, "/events", "vi", 200)).contains("id=\"sign-out\"").doesNotContain("id=\"nav-organiser\"");
        page(delegate, "/organiser", "vi", 403);
    }

    private WebTestClient keycloak(String email, List<String> roles) {
        String token = new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder().subject(email)
                .claim("realm_access", java.util.Map.of("roles", roles)).build()).serialize();
        var registration = org.springframework.security.oauth2.client.registration.ClientRegistration
                .withRegistrationId(io.hoithao.web.SecurityConfig.REGISTRATION).clientId("hoithao-site")
                .authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/hoithao").authorizationUri("http://issuer.example/auth")
                .tokenUri("http://issuer.example/token").build();
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(30)).build()
                // (the mutator added last runs first: the sign-in's own authorised client, then this one over it)
                .mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers
                        .mockOAuth2Client(io.hoithao.web.SecurityConfig.REGISTRATION).principalName(email)
                        .accessToken(new org.springframework.security.oauth2.core.OAuth2AccessToken(
                                org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, token,
                                java.time.Instant.now(), java.time.Instant.now().plusSeconds(300))))
                .mutateWith(mockOidcLogin().clientRegistration(registration)
                        .idToken(t -> t.subject(email).claim("email", email).claim("name", "Người dùng Keycloak").claim("unit", "Sở GD&ĐT Bắc Kạn")))
                .mutateWith(csrf());
    }

    @Test
    void theListIsSearchedIgnoringDiacritics() {
        String html = page(web, "/organiser/events/e1/delegates?status=AWAITING_APPROVAL&q=ha thi MAI", "vi", 200);
        assertThat(html).contains("Hà Thị Mai", "1 đăng ký").doesNotContain("Lý Văn Tú");
        assertThat(calls).anySatisfy(c -> assertThat(c).contains("/registrations?").contains("status=AWAITING_APPROVAL"));
        String all = page(web, "/organiser/events/e1/delegates?status=AWAITING_APPROVAL", "vi", 200);
        assertThat(all).contains("Hà Thị Mai", "Lý Văn Tú", "2 đăng ký", "Duyệt từng đăng ký");
    }

    @Test
    void aSelectionIsApprovedAfterItsNumberIsConfirmed() {
        String confirm = web.post().uri("/organiser/events/e1/delegates/selection").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("decision", "approve").with("ids", "r1").with("ids", "r2"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(confirm).contains("Bạn sắp duyệt 2 đăng ký", "data-count=\"2\"");
        assertThat(calls).noneMatch(c -> c.startsWith("POST approve"));

        String done = web.post().uri("/organiser/events/e1/delegates/selection").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("decision", "approve").with("ids", "r1").with("ids", "r2").with("confirmed", "yes"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(calls).containsSubsequence("POST approve r1", "POST approve r2");
        // the one a colleague decided first is said so; the other is confirmed
        assertThat(done).contains("Đã xử lý 2 đăng ký", "Đã xác nhận", "Không thực hiện được");
    }

    @Test
    void anImportShowsEachRowsResultAndTheResultsDownload() {
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        byte[] csv = ("\uFEFFfullName,email,phone,category\nNguyễn Thị Hoà,hoa@mndongtam.edu.vn,0912345678,TEACHER\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        parts.part("file", new org.springframework.core.io.ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "danh-sach.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        // the default unit chosen from the directory: its id is passed on
        parts.part("unitId", "u2");
        var imported = web.post().uri("/organiser/events/e1/imports").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String html = imported.getResponseBody();
        String session = imported.getResponseCookies().getFirst("hoithao-session").getValue();
        String results = web.get().uri("/organiser/events/e1/imports/last.csv").cookie("hoithao-session", session).exchange()
                .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(results).startsWith("\uFEFFrow,email,fullName,result,problem")
                .contains("2,hoa@mndongtam.edu.vn,Nguyễn Thị Hoà,good,", "3,mai@chomoi.edu.vn,Hà Thị Mai,duplicate,duplicate-registration")
                // a cell a spreadsheet would run as a formula is text; a comma is quoted
                .contains("4,'=cmd,\"Lỗi, dòng\",malformed,malformed-csv");
        assertThat(html).contains("3 dòng: 1 đã xác nhận", "data-result=\"good\"", "data-result=\"duplicate\"", "data-result=\"malformed\"")
                .contains("Hợp lệ (đã xác nhận)", "Trùng (đã đăng ký)", "Sai định dạng")
                // the sample file's two lines
                .contains("fullName,email,phone,category,unitId\nNguyễn Thị Hoà,hoa@mndongtam.edu.vn,0912345678,TEACHER")
                // the default unit is chosen from the directory, whose ids are shown for the unitId column
                .contains("<option value=\"u2\">Phòng GD&amp;ĐT Chợ Mới</option>", "<code>u2</code>");
        // passed on as UTF-8 CSV without the byte order mark, with the default unit
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST import /api/registrations/events/e1/imports?unitId=u2 ")
                .contains("text/csv").contains(" fullName,email,phone,category\nNguyễn Thị Hoà"));
    }

    @Test
    void quotasAndRegistrationsOnHerBehalfNameTheUnitByItsDirectoryId() {
        String html = page(web, "/organiser/events/e1/delegates", "vi", 200);
        // the unit chosen from the directory by name; the saved quota's unit selected by its id
        assertThat(html).containsPattern("<select id=\"quotaUnit-0\" name=\"quotaUnit\">[^/]*<option value=\"\">")
                .containsPattern("<option value=\"u2\"\\s+selected=\"selected\">Phòng GD&amp;ĐT Chợ Mới</option>")
                .contains("<select id=\"person-unit\" name=\"unitId\">", "<select id=\"unit-filter\" name=\"unitId\">");

        web.post().uri("/organiser/events/e1/quotas").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("quotaUnit", "u2").with("quotaSeats", "20").with("quotaUnit", "").with("quotaSeats", ""))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/organiser/events/e1/delegates?done=quotas#quotas");
        assertThat(calls).contains("PUT quotas {\"quotas\":[{\"unitId\":\"u2\",\"seats\":20}]}");

        web.post().uri("/organiser/events/e1/delegates/new").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("fullName", "Đàm Thị Lan").with("email", "lan@pgdchomoi.edu.vn")
                        .with("unitId", "u2").with("category", "TEACHER"))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().location("/organiser/events/e1/delegates?done=registered");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST registration ").contains("\"unitId\":\"u2\"")
                .doesNotContain("\"unit\":"));

        // the list filtered by the unit's id
        page(web, "/organiser/events/e1/delegates?unitId=u2", "vi", 200);
        assertThat(calls).anySatisfy(c -> assertThat(c).contains("/registrations?").contains("unitId=u2"));
    }

    @Test
    void lessonsShowTheirFormsAggregatesAndTheRotationIsATableOfDelegatesByRounds() {
        String html = page(web, "/organiser/events/e1/lessons", "vi", 200);
        assertThat(html).contains("Phiếu dự giờ: 3 phiếu", "Trẻ được chủ động", "4,33", "4–5", "Chưa có giáo viên dạy", "Đã đặt 5/8 chỗ")
                .doesNotContain("Children take initiative");
        assertThat(page(web, "/organiser/events/e1/lessons", "en", 200)).contains("Children take initiative", "Observation forms: 3", "4.33");
        // where adding a lesson leads: the bare flag says it is done
        assertThat(html).doesNotContain("Đã xếp tiết dự giờ.");
        assertThat(page(web, "/organiser/events/e1/lessons?added", "vi", 200)).contains("Đã xếp tiết dự giờ.");

        web.post().uri("/organiser/events/e1/rotations").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("maxPerDelegate", "2"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/rotations/rot1");
        assertThat(calls).contains("POST rotations {\"maxPerDelegate\":2}");
        String table = page(web, "/organiser/events/e1/rotations/rot1", "vi", 200);
        // two rounds (08:30 and 10:00); delegates in name order; each in her round's column
        String body = table.substring(table.indexOf("<tbody>"));
        assertThat(table).contains("Lượt 1 (", " 08:30)", "Lượt 2 (", " 10:00)", "data-print");
        assertThat(body).containsSubsequence("Âu Văn Nam (Trường Mầm non Đồng Tâm)", "A2 · Toán", "<td></td>",
                "Bế Thị Hồng (Phòng GD&amp;ĐT Chợ Mới)", "A1 · Dự giờ lớp A1", "A2 · Âm nhạc");
    }

    @Test
    void aLessonsDetailsAreEditedAndARefusalIsSaidInHerLanguage() {
        String list = page(web, "/organiser/events/e1/lessons", "vi", 200);
        assertThat(list).contains("href=\"/organiser/events/e1/lessons/l2/edit\"", "href=\"/organiser/events/e1/lessons/l2/observers\"",
                "href=\"/organiser/events/e1/lessons/l2/cancel\"", "id=\"edit-lesson-l2\"", "aria-label=\"Sửa chi tiết tiết dạy: Âm nhạc\"");

        String form = page(web, "/organiser/events/e1/lessons/l2/edit", "vi", 200);
        assertThat(form).contains("Sửa tiết dự giờ: Âm nhạc", "value=\"Nông Thị Hương\"", "value=\"Phát triển thẩm mỹ\"", "value=\"Lớp Lá 2\"")
                .containsPattern("<option value=\"MAU_GIAO_NHO\"\\s+selected")
                // the school's classrooms offered
                .contains("<option value=\"A1\"></option>");

        // fewer seats than the five booked: refused, said in Vietnamese, what she typed kept
        String refused = web.post().uri("/organiser/events/e1/lessons/l2/edit").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("classroom", "A2").with("className", "Lớp Lá 2").with("ageGroup", "MAU_GIAO_NHO")
                        .with("teacher", "Hoàng Thị Mai").with("activity", "Hát: Cháu yêu bà").with("developmentalArea", "Phát triển thẩm mỹ")
                        .with("seats", "3"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("data-problem=\"seats-below-bookings\"", "Số chỗ ít hơn số người đã đặt", "value=\"Hoàng Thị Mai\"")
                .doesNotContain("Fewer seats");
        String english = web.post().uri("/organiser/events/e1/lessons/l2/edit").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("classroom", "A2").with("className", "Lớp Lá 2").with("ageGroup", "MAU_GIAO_NHO")
                        .with("teacher", "Hoàng Thị Mai").with("activity", "Hát").with("developmentalArea", "Thẩm mỹ").with("seats", "3"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("Fewer seats than observers already booked", "Edit the lesson: Âm nhạc");

        web.post().uri("/organiser/events/e1/lessons/l2/edit").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("classroom", "A1").with("className", "Lớp Lá 2").with("ageGroup", "MAU_GIAO_LON")
                        .with("teacher", "Hoàng Thị Mai").with("activity", "Hát: Cháu yêu bà").with("developmentalArea", "Phát triển thẩm mỹ")
                        .with("seats", "10"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/lessons?done=updated#lesson-l2");
        assertThat(calls).contains("PUT details {\"classroom\":\"A1\",\"className\":\"Lớp Lá 2\",\"ageGroup\":\"MAU_GIAO_LON\","
                + "\"teacher\":\"Hoàng Thị Mai\",\"activity\":\"Hát: Cháu yêu bà\",\"developmentalArea\":\"Phát triển thẩm mỹ\",\"seats\":10}");
        assertThat(page(web, "/organiser/events/e1/lessons?done=updated", "vi", 200)).contains("Đã lưu chi tiết tiết dự giờ.");
        // a lesson of another event is no page here
        page(web, "/organiser/events/e2/lessons/l2/edit", "vi", 404);
    }

    @Test
    void cancellingALessonSaysFirstHowManyObserversAndWaitingPeopleLoseTheirPlace() {
        String confirm = page(web, "/organiser/events/e1/lessons/l2/cancel", "vi", 200);
        assertThat(confirm).contains("data-booked=\"5\"", "data-waiting=\"2\"", "id=\"confirm-lesson-cancel\"")
                .contains("Khi huỷ: 5 người đang giữ chỗ dự giờ và 2 người trong danh sách chờ sẽ mất chỗ");
        assertThat(page(web, "/organiser/events/e1/lessons/l2/cancel", "en", 200))
                .contains("5 observers holding seats and 2 people on the waiting list lose their places");
        assertThat(calls).noneMatch(c -> c.startsWith("DELETE lesson"));

        web.post().uri("/organiser/events/e1/lessons/l2/cancel").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("reason", "Trường mất điện & nghỉ"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/lessons?done=cancelled#lesson-l2");
        assertThat(calls).anySatisfy(c -> assertThat(java.net.URLDecoder.decode(c, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("DELETE lesson /api/observations/lessons/l2?reason=Trường mất điện & nghỉ"));
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("DELETE lesson").contains("%26"));
        assertThat(page(web, "/organiser/events/e1/lessons?done=cancelled", "vi", 200)).contains("Đã huỷ tiết dự giờ");
    }

    @Test
    void observersAreMarkedPresentAndATickTakenAwayIsUndone() {
        String html = page(web, "/organiser/events/e1/lessons/l2/observers", "vi", 200);
        assertThat(html).contains("5 người dự giờ, 1 người đã điểm danh có mặt", "Lý Văn Gia", "Ma Thị Hà")
                .containsPattern("id=\"present-b1\" value=\"b1\"[^>]*checked")
                .doesNotContainPattern("id=\"present-b2\" value=\"b2\"[^>]*checked")
                .contains("<label class=\"visually-hidden\" for=\"present-b2\">Có mặt: Bế Văn Bình</label>");
        // in name order, ignoring diacritics
        assertThat(html).containsSubsequence("Âu Thị An", "Bế Văn Bình", "Cao Thị Chi", "Đàm Văn Dũng", "Hà Thị Em");

        web.post().uri("/organiser/events/e1/lessons/l2/observers").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("booked", "b1").with("booked", "b2").with("booked", "b3").with("booked", "b4")
                        .with("booked", "b5").with("present", "b2").with("present", "b3"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/lessons/l2/observers?saved=1");
        assertThat(calls.stream().filter(c -> c.startsWith("POST attendance")).toList()).hasSize(2)
                .satisfiesExactly(
                        c -> assertThat(c).contains("\"registrationIds\":[\"b2\",\"b3\"]", "\"attended\":true"),
                        c -> assertThat(c).contains("\"registrationIds\":[\"b1\"]", "\"attended\":false"));
        assertThat(page(web, "/organiser/events/e1/lessons/l2/observers?saved=1", "vi", 200)).contains("Đã lưu điểm danh: 1 người có mặt.");

        // someone whose seat is gone: the API's refusal in her language
        String refused = web.post().uri("/organiser/events/e1/lessons/l2/observers").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("booked", "x9").with("present", "x9"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("data-problem=\"not-booked\"", "Có người không còn giữ chỗ ở tiết này");
    }

    @Test
    void theImportShowsItsProgressAndTheScriptsAnswerCarriesTheRowsTable() {
        String form = page(web, "/organiser/events/e1/imports", "vi", 200);
        assertThat(form).contains("<label for=\"import-progress\">Tiến độ gửi tệp</label>", "<progress id=\"import-progress\" max=\"100\" value=\"0\">")
                .contains("id=\"import-progress-field\" hidden", "<p id=\"import-status\" class=\"hint\" role=\"status\" aria-live=\"polite\">")
                .contains("data-processing=\"Đã gửi tệp; đang kiểm tra và nhập từng dòng…\"", "data-sending=\"Đang gửi tệp…\"")
                .contains("id=\"import-outcome\"", "/js/organiser.js");
        assertThat(page(web, "/organiser/events/e1/imports", "en", 200)).contains("<label for=\"import-progress\">Sending the file</label>")
                .contains("data-done=\"Import finished; each row&#39;s result is below.\"");

        // what the script sends (the form's parts, X-Requested-With): the page whose #import-outcome it puts in place
        org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource("fullName,email,phone,category\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "ds.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        parts.part("unitId", "");
        String answer = web.post().uri("/organiser/events/e1/imports").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .header("X-Requested-With", "XMLHttpRequest").body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String outcome = answer.substring(answer.indexOf("<div id=\"import-outcome\">"));
        assertThat(outcome).contains("id=\"import-summary\"", "id=\"result-title\" tabindex=\"-1\"", "id=\"import-rows\"",
                "data-result=\"good\"", "data-result=\"malformed\"", "id=\"import-download\"");

        // no file: said in the outcome too
        org.springframework.http.client.MultipartBodyBuilder none = new org.springframework.http.client.MultipartBodyBuilder();
        none.part("unitId", "u2");
        String missing = web.post().uri("/organiser/events/e1/imports").header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
                .body(BodyInserters.fromMultipartData(none.build()))
                .exchange().expectStatus().isEqualTo(400).expectBody(String.class).returnResult().getResponseBody();
        assertThat(missing.substring(missing.indexOf("<div id=\"import-outcome\">"))).contains("id=\"missing\"", "Mời chọn một tệp CSV.");

        String script = web.get().uri("/js/organiser.js").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).contains("getElementById('import-progress')", "xhr.upload.addEventListener('progress'", "getElementById('import-outcome')");
    }

    @Test
    void acceptedPapersAreReachedFromTheConsoleWherePlacingThemInSessionsIsDone() {
        // the dashboard's to-do item, the event's page and the plan's notice lead to the review page's "Xếp vào phiên"
        String dashboard = page(web, "/organiser", "vi", 200);
        assertThat(dashboard).containsPattern("<a href=\"/review/events/e1\"[^>]*>1 báo cáo đã nhận chưa xếp vào phiên");
        assertThat(page(web, "/organiser/events/e1", "vi", 200))
                .contains("<a id=\"event-papers\" href=\"/review/events/e1\">Báo cáo tham luận: điểm thẩm định, quyết định và xếp vào phiên</a>");
        assertThat(page(web, "/organiser/events/e1/plan", "en", 200))
                .contains("<a id=\"place-papers\" href=\"/review/events/e1\">Place them in sessions</a>");
    }

    @Test
    void theEventFormTakesMoreThanFourOfficialsAtOnce() {
        String form = page(web, "/organiser/events/new", "vi", 200);
        // the script's button (hidden until the script shows it) and the labels' patterns for the rows it adds
        assertThat(form).contains("<p class=\"official-add\" hidden><button type=\"button\" class=\"secondary\" id=\"add-official\">Thêm một người</button></p>")
                .contains("data-label-officialname=\"Họ tên (người thứ {n})\"", "data-label-officialrole=\"Vai trò (người thứ {n})\"")
                .contains("data-added=\"Đã thêm dòng cho người thứ {n}.\"", "id=\"official-status\"", "id=\"officialName-3\"")
                .doesNotContain("id=\"officialName-4\"");
        assertThat(page(web, "/organiser/events/new", "en", 200)).contains(">Add an official</button>", "data-label-officialname=\"Name (official {n})\"");

        // six rows, as the script makes them, sent in one save
        var data = BodyInserters.fromFormData("title", "Hội nghị sơ kết chuyên đề").with("kind", "CONFERENCE").with("level", "PROVINCE")
                .with("organiserUnitId", "u1").with("startDate", START).with("endDate", END)
                .with("timeZone", "Asia/Ho_Chi_Minh").with("capacity", "180");
        for (int i = 1; i <= 6; i++) {
            data = data.with("officialName", "Người " + i).with("officialPosition", "Phó Giám đốc").with("officialUnit", "Sở GD&ĐT Bắc Kạn")
                    .with("officialRole", i == 1 ? "DIRECTING" : "CHAIRING");
        }
        web.post().uri("/organiser/events").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(data)
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/organiser/events/e1/plan?created");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST event ").contains("\"organiserUnitId\":\"u1\"")
                .contains("{\"name\":\"Người 1\",\"position\":\"Phó Giám đốc\",\"unit\":\"Sở GD&ĐT Bắc Kạn\",\"role\":\"DIRECTING\"}")
                .contains("{\"name\":\"Người 6\",\"position\":\"Phó Giám đốc\",\"unit\":\"Sở GD&ĐT Bắc Kạn\",\"role\":\"CHAIRING\"}"));

        String script = web.get().uri("/js/organiser.js").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(script).contains("getElementById('add-official')", "'data-label-' + kind.toLowerCase()");
    }
}
