package io.hoithao.web.checkin;

import static io.hoithao.web.StandInApi.json;
import static io.hoithao.web.StandInApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.hoithao.web.StandInApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Mono;

/**
 * The check-in page and the review pages, signed in, over a small HTTP server answering as the events,
 * registrations and presentations APIs do: a check-in answered at once with name, unit and the time of the
 * first check-in ("already checked in at 07:42" when scanned twice), the day sent on, an unknown code and an
 * unconfirmed registration explained, in Vietnamese and English; the search by name without diacritics; the
 * reviewer's desk, a review sent with her score and comment, a conflict of interest explained, a material
 * passed on; the organisers' page with the scores side by side, a decision and a placement sent on.
 */
@SpringBootTest
class StaffPagesTest {

    static final String EVENT = """
            {"id":"e1","title":"Hội nghị sơ kết chuyên đề","kind":"CONFERENCE","level":"PROVINCE","organiserUnitId":"u1",
             "organiserUnit":"Sở GD&ĐT Bắc Kạn","startDate":"2027-10-25","endDate":"2027-10-26","timeZone":"Asia/Ho_Chi_Minh","capacity":180,"status":"REGISTRATION_OPEN","venues":[]}""";
    static final String PAPER = """
            {"id":"p9","eventId":"e1","title":"Góc thiên nhiên cho trẻ","abstract":"Chia sẻ cách làm góc thiên nhiên","presenters":["Lê Thị Mai"],
             "unit":"Trường Mầm non Hoa Sen","requestedMinutes":15,"status":"UNDER_REVIEW","submittedAt":"2026-11-02T03:00:00Z",
             "feedback":[{"score":7,"comment":"Thiết thực","at":"2026-11-03T03:00:00Z"}],"decision":null,
             "materials":[{"id":"m1","filename":"Báo cáo.pdf","contentType":"application/pdf","size":2048}],"placement":null}""";
    static final String ACCEPTED = """
            {"id":"p7","eventId":"e1","title":"Lớp học hạnh phúc","abstract":"x","presenters":["Nguyễn Thị Hoà"],
             "unit":"Trường Mầm non Đồng Tâm","requestedMinutes":20,"status":"ACCEPTED","submittedAt":"2026-11-01T03:00:00Z",
             "feedback":[{"score":8,"comment":"Tốt","at":"2026-11-03T03:00:00Z"}],
             "decision":{"outcome":"ACCEPTED","comment":"Mời trình bày","at":"2026-11-05T03:00:00Z"},"materials":[],"placement":null}""";

    /** Code → the first check-in's time, per day, as the registrations service keeps it. */
    static final Map<String, String> checkedIn = new ConcurrentHashMap<>();
    static final List<String> calls = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final StandInApi api = StandInApi.withSessions(routes -> routes
            .get("/api/events/e1", (req, res) -> json(res, EVENT))
            .get("/api/events", (req, res) -> {
                calls.add("GET " + req.uri());
                // as the events API: the organiser filter takes a unit's directory id; a name matches nothing
                List<String> organiser = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("organiser");
                return json(res, organiser == null || organiser.equals(List.of("u1"))
                        ? "{\"items\":[" + EVENT + "],\"page\":0,\"size\":50,\"total\":1}" : "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
            })
            .post("/api/registrations/codes/{code}/check-ins", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                String code = req.param("code");
                calls.add("CHECK-IN " + code + " " + body + " " + req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
                if (code.equals("PEND-0001")) {
                    return problem(res, 409, "not-confirmed");
                }
                if (!code.equals("HT7K-2Q9M")) {
                    return problem(res, 404, "not-found");
                }
                boolean already = checkedIn.putIfAbsent(code + body, "2027-10-25T00:42:00Z") != null;
                return json(res, """
                        {"registrationId":"r1","fullName":"Nguyễn Thị Hoà","unit":"Trường Mầm non Đồng Tâm","category":"TEACHER",
                         "day":"2027-10-25","alreadyCheckedIn":%s,"checkedInAt":"2027-10-25T00:42:00Z","checkIns":["2027-10-25"]}
                        """.formatted(already));
            }))
            .get("/api/registrations/events/e1/registrations", (req, res) -> {
                calls.add("GET " + req.uri());
                return json(res, """
                        {"items":[{"id":"r1","fullName":"Nguyễn Thị Hoà","unit":"Trường Mầm non Đồng Tâm","confirmationCode":"HT7K-2Q9M",
                                   "status":"CONFIRMED","checkIns":["2027-10-25"]},
                                  {"id":"r2","fullName":"Đặng Văn Đức","unit":"Phòng GD&ĐT Chợ Mới","confirmationCode":"DUC4-7788",
                                   "status":"CONFIRMED","checkIns":[]}],"page":0,"size":500,"total":2}""");
            })
            .get("/api/presentations/review-desk", (req, res) -> json(res, "{\"papers\":[{\"paper\":" + PAPER
                    + ",\"mine\":null,\"reviewable\":true},{\"paper\":" + ACCEPTED
                    + ",\"mine\":{\"reviewer\":\"Hội đồng\",\"score\":8,\"comment\":\"Tốt\",\"at\":\"2026-11-03T03:00:00Z\"},\"reviewable\":false}]}"))
            .post("/api/presentations/papers/{p}/reviews", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                calls.add("REVIEW " + req.param("p") + " " + body);
                return body.contains("\"score\":3") ? problem(res, 403, "conflict-of-interest")
                        : res.status(201).header("Content-Type", "application/json").sendString(Mono.just("{}")).then();
            }))
            .get("/api/presentations/papers/p9/materials/m1", (req, res) -> res.header("Content-Type", "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"Bao cao.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf")
                    .sendByteArray(Mono.just("%PDF-1.4 tài liệu".getBytes(StandardCharsets.UTF_8))))
            .get("/api/presentations/events/e1/reviews", (req, res) -> json(res, "{\"eventId\":\"e1\",\"papers\":["
                    + "{\"paper\":" + PAPER + ",\"averageScore\":6.5,\"reviews\":[{\"reviewer\":\"Trần Văn Bình\",\"score\":8,\"comment\":\"Hay\"},"
                    + "{\"reviewer\":\"Lê Thị Cúc\",\"score\":5,\"comment\":\"Cần thêm số liệu\"}]},"
                    + "{\"paper\":" + ACCEPTED + ",\"averageScore\":8.0,\"reviews\":[{\"reviewer\":\"Trần Văn Bình\",\"score\":8,\"comment\":\"Tốt\"}]}]}"))
            .get("/api/presentations/events/e1/sessions", (req, res) -> json(res, """
                    [{"id":"s1","title":"Tham luận buổi sáng","venue":"Hội trường","startsAt":"2027-10-25T09:00:00+07:00",
                      "endsAt":"2027-10-25T10:30:00+07:00","cancelled":false,"minutes":90,"placedMinutes":0,"freeMinutes":90,"papers":0}]"""))
            .post("/api/presentations/papers/{p}/decision", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                calls.add("DECIDE " + req.param("p") + " " + body);
                return json(res, ACCEPTED);
            }))
            .post("/api/presentations/events/e1/sessions/{s}/papers", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                calls.add("PLACE " + req.param("s") + " " + body);
                return body.contains("p9") ? problem(res, 409, "session-overflow") : json(res, "{}");
            })));

    @DynamicPropertySource
    static void apiUri(DynamicPropertyRegistry registry) {
        api.properties(registry);
    }

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void client() {
        checkedIn.clear();
        calls.clear();
        web = StandInApi.signedIn(context, t -> t.claim("email", "btc@backan.edu.vn").claim("name", "Ban tổ chức")
                        .claim("unit", "Sở GD&ĐT Bắc Kạn").claim("unit_id", "u1"));
    }

    private Map<String, Object> checkIn(String code, String day, String language, int status) {
        return web.post().uri("/checkin/events/e1").header("X-Requested-With", "XMLHttpRequest")
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", code).with("day", day))
                .exchange().expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @Test
    void aCheckInAnswersWithNameUnitAndTheFirstCheckInsTimeWhenScannedTwice() {
        Map<String, Object> first = checkIn("ht7k-2q9m", "2027-10-25", "vi", 200);
        assertThat(first).containsEntry("kind", "done").containsEntry("fullName", "Nguyễn Thị Hoà")
                .containsEntry("unit", "Trường Mầm non Đồng Tâm").containsEntry("message", "Điểm danh thành công lúc 07:42.");
        Map<String, Object> again = checkIn("HT7K-2Q9M", "2027-10-25", "vi", 200);
        assertThat(again).containsEntry("kind", "already").containsEntry("message", "Đã điểm danh rồi, lúc 07:42.");
        assertThat(checkIn("HT7K-2Q9M", "2027-10-25", "en", 200)).containsEntry("message", "Already checked in at 07:42.");
        // the code upper-cased, the day and her token sent on
        assertThat(calls).first().asString().startsWith("CHECK-IN HT7K-2Q9M {\"day\":\"2027-10-25\"} Bearer ");

        // a day of the event is sent as chosen; a day outside it falls back to the first day
        checkIn("HT7K-2Q9M", "2027-10-26", "vi", 200);
        checkIn("HT7K-2Q9M", "2031-01-01", "vi", 200);
        assertThat(calls.subList(3, 5)).extracting(c -> c.split(" ")[2]).containsExactly("{\"day\":\"2027-10-26\"}", "{\"day\":\"2027-10-25\"}");

        assertThat(checkIn("ZZZZ-ZZZZ", "2027-10-25", "vi", 404))
                .containsEntry("kind", "problem").containsEntry("message", "Không tìm thấy mã ZZZZ-ZZZZ. Hãy kiểm tra lại mã trên thẻ.");
        assertThat(checkIn("PEND-0001", "2027-10-25", "en", 409).get("message")).asString()
                .isEqualTo("This registration is not confirmed, so it cannot be checked in.").doesNotContain("English detail");
        assertThat(checkIn(" ", "2027-10-25", "vi", 400)).containsEntry("message", "Hãy nhập mã xác nhận.");
    }

    @Test
    void thePageWorksWithoutScriptAndFindsDelegatesByNameWithoutDiacritics() {
        String page = web.get().uri("/checkin/events/e1?day=2027-10-26&q=duc").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Đặng Văn Đức", "Phòng GD&amp;ĐT Chợ Mới", "Chưa điểm danh", "value=\"DUC4-7788\"")
                .doesNotContain("Nguyễn Thị Hoà")
                .contains("<option value=\"2027-10-26\" selected=\"selected\">26/10/2027</option>")
                .contains("src=\"/vendor/jsqr/jsQR.js\"", "src=\"/js/checkin.js\"", "role=\"status\"", "<label for=\"code\">Mã xác nhận</label>")
                .doesNotContain("Check in");
        String hoa = web.get().uri("/checkin/events/e1?day=2027-10-25&q=Hoa").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(hoa).contains("Nguyễn Thị Hoà", "Đã điểm danh ngày này").doesNotContain("Đặng Văn Đức");

        String answered = web.post().uri("/checkin/events/e1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("code", "HT7K-2Q9M").with("day", "2027-10-25"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answered).contains("data-kind=\"done\"", "Nguyễn Thị Hoà", "Điểm danh thành công lúc 07:42.");

        String english = web.get().uri("/checkin/events/e1").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(english).contains("Type the confirmation code", "Start the camera to scan").doesNotContain("Mã xác nhận");

        web.get().uri("/vendor/jsqr/jsQR.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("jsQR"));
        assertThat(web.get().uri("/checkin").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).contains("Hội nghị sơ kết chuyên đề", "href=\"/checkin/events/e1\"");
        // her unit's events by the unit's id, not its name
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/events?").contains("organiser=u1"));
        assertThat(calls).noneMatch(c -> c.contains("organiser=S"));
    }

    @Test
    void aReviewerScoresAPaperFromHerDeskAndDownloadsItsMaterial() {
        String desk = web.get().uri("/review").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(desk).contains("Báo cáo chờ bạn chấm", "href=\"/review/papers/p9\"", "Góc thiên nhiên cho trẻ",
                "Báo cáo bạn đã chấm", "Điểm của bạn: 8/10", "href=\"/review/events/e1\"");
        // the events of her unit, asked for by its id
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/events?").contains("organiser=u1"));

        String paper = web.get().uri("/review/papers/p9").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(paper).contains("id=\"review-form\"", "href=\"/review/papers/p9/materials/m1\"", "Tải về Báo cáo.pdf",
                "<legend>Điểm (từ 1 đến 10)</legend>", "một người thẩm định chấm 7/10. Thiết thực");
        String reviewed = web.get().uri("/review/papers/p7").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(reviewed).doesNotContain("id=\"review-form\"").contains("ban tổ chức quyết định: Được chấp nhận. Mời trình bày");

        web.post().uri("/review/papers/p9").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("score", "9").with("comment", "Rất thiết thực"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/review/papers/p9?sent=1");
        assertThat(calls).contains("REVIEW p9 {\"score\":9,\"comment\":\"Rất thiết thực\"}");

        String refused = web.post().uri("/review/papers/p9").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("score", "3").with("comment", "Chưa rõ"))
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
        assertThat(refused).contains("Báo cáo này của chính đơn vị bạn nên bạn không chấm được.", "Chưa rõ").doesNotContain("English detail");

        web.get().uri("/review/papers/p9/materials/m1").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"Bao cao.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf")
                .expectBody(String.class).isEqualTo("%PDF-1.4 tài liệu");
        web.get().uri("/review/papers/nope").exchange().expectStatus().isNotFound();
    }

    @Test
    void theOrganisersSeeTheScoresSideBySideDecideAndPlace() {
        String page = web.get().uri("/review/events/e1").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(page).contains("Người chấm 1", "Người chấm 2", "Trần Văn Bình", "Lê Thị Cúc", "Cần thêm số liệu", "6,5",
                "id=\"decide-p9\"", "id=\"place-p7\"", "Tham luận buổi sáng (25/10 09:00, còn 90 phút)").doesNotContain("id=\"decide-p7\"");

        web.post().uri("/review/events/e1/papers/p9/decision").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("decision", "ACCEPTED").with("comment", "Mời trình bày"))
                .exchange().expectStatus().is3xxRedirection().expectHeader().location("/review/events/e1?done=ACCEPTED#paper-p9");
        web.post().uri("/review/events/e1/papers/p7/placement").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("sessionId", "s1"))
                .exchange().expectStatus().is3xxRedirection();
        assertThat(calls).contains("DECIDE p9 {\"decision\":\"ACCEPTED\",\"comment\":\"Mời trình bày\"}", "PLACE s1 {\"paperId\":\"p7\"}");

        String overflow = web.post().uri("/review/events/e1/papers/p9/placement").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("sessionId", "s1"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();
        assertThat(overflow).contains("This session has not enough time left for the paper.");
        web.post().uri("/review/events/e1/papers/p9/decision").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("decision", "PLACED")).exchange().expectStatus().isBadRequest();
        assertThat(calls).noneMatch(c -> c.contains("PLACED"));
    }
}
