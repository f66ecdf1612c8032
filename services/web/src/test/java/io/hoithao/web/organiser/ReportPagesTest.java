package io.hoithao.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The review report's page and the documents an organiser downloads, signed in as an organiser of the Bắc Kạn
 * department, over a small HTTP server answering as the events, reports and registrations APIs do: the report's
 * figures, chart data and download links in Vietnamese and English, a document passed on with its type and file
 * name, and a delegate kept out.
 */
@SpringBootTest
class ReportPagesTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PROGRAMMES = """
            {"items":[{"id":"p1","name":"Xây dựng trường mầm non lấy trẻ làm trung tâm","organiserUnitId":"u1","organiserUnit":"Sở GD&ĐT Bắc Kạn",
               "phases":[{"name":"2016–2020","fromYear":2016,"toYear":2020},{"name":"2021–2025","fromYear":2021,"toYear":2025}]}],
             "page":0,"size":100,"total":1}""";
    /** Her unit (u1) after a unit elsewhere in the directory with the same official name (u9), which is not hers. */
    static final String UNITS = """
            {"items":[{"id":"u9","officialName":"Sở GD&ĐT Bắc Kạn","kind":"DEPARTMENT","level":"PROVINCE","parentId":"u8"},
                      {"id":"u2","officialName":"Phòng GD&ĐT Chợ Mới","kind":"DISTRICT_OFFICE","level":"DISTRICT","parentId":"u1"},
                      {"id":"u1","officialName":"Sở GD&ĐT Bắc Kạn","kind":"DEPARTMENT","level":"PROVINCE"}],
             "page":0,"size":200,"total":3}""";
    static final String REPORT = """
            {"programme":{"id":"p1","name":"Xây dựng trường mầm non lấy trẻ làm trung tâm"},
             "phase":{"name":"2021–2025","fromYear":2021,"toYear":2025},"previousPhase":"2016–2020",
             "unit":{"id":"u1","officialName":"Sở GD&ĐT Bắc Kạn","level":"PROVINCE"},
             "events":[{"eventId":"e1","title":"Hội nghị sơ kết chuyên đề","level":"PROVINCE","kind":"CONFERENCE",
               "organiserUnit":"Sở GD&ĐT Bắc Kạn","startDate":"2025-10-25","endDate":"2025-10-26","status":"COMPLETED",
               "units":["Sở GD&ĐT Bắc Kạn","Trường MN Đồng Tâm"]},
               {"eventId":"e2","title":"Hội thảo cấp huyện Chợ Mới","level":"DISTRICT","kind":"WORKSHOP",
               "organiserUnit":"Phòng GD&ĐT Chợ Mới","startDate":"2024-03-12","endDate":"2024-03-12","status":"COMPLETED","units":[]}],
             "eventCounts":[{"level":"PROVINCE","kind":"CONFERENCE","events":1},{"level":"DISTRICT","kind":"WORKSHOP","events":8}],
             "participation":{"level":"SCHOOL","tookPart":108,"total":109,"text":"108 / 109",
               "notTakingPart":[{"id":"s9","officialName":"Trường MN Thanh Vận","level":"SCHOOL"}]},
             "modelSites":[{"level":"PROVINCE","count":8,"previous":0,"change":"+8","units":[{"id":"s1","officialName":"Trường MN Đồng Tâm","level":"SCHOOL"}]},
                           {"level":"DISTRICT","count":28,"previous":14,"change":"+14","units":[]}],
             "attendance":{"registered":118,"confirmed":112,"checkedIn":[{"day":"2025-10-25","checkedIn":111},{"day":"2025-10-26","checkedIn":97}],
               "rows":[{"unit":"Trường MN Đồng Tâm","category":"TEACHER","registered":4,"confirmed":3,
                        "checkedIn":[{"day":"2025-10-25","checkedIn":3},{"day":"2025-10-26","checkedIn":2}]}]},
             "papers":[{"unit":"Trường MN Đồng Tâm","submitted":3,"accepted":2,"presented":2},{"unit":"Tổng cộng","submitted":3,"accepted":2,"presented":2}],
             "lessons":{"held":6,"observed":5},
             "criteria":[{"criterion":"child-initiative","forms":12,"average":4.25}]}""";

    static final List<String> calls = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final StandInApi api = StandInApi.withSessions(routes -> routes
            .get("/api/events/programmes", (req, res) -> json(req, res, PROGRAMMES))
            .get("/api/events/units", (req, res) -> json(req, res, UNITS))
            .get("/api/events", (req, res) -> {
                // the organiser filter takes a unit's directory id: a name where the id goes is refused, as the events API does
                List<String> organiser = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("organiser");
                if (organiser != null && !organiser.stream().allMatch(o -> o.matches("[A-Za-z0-9-]{1,64}"))) {
                    calls.add("GET " + req.uri() + " refused");
                    return res.status(400).header("Content-Type", "application/problem+json")
                            .sendString(Mono.just("{\"type\":\"https://hoithao.io/problems/validation\",\"status\":400}"));
                }
                return json(req, res, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
            })
            .get("/api/reports/programmes/p1/units/{u}", (req, res) -> {
                if ("u1".equals(req.param("u"))) {
                    return json(req, res, REPORT);
                }
                // a unit that is not hers
                calls.add("GET " + req.uri() + " " + req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
                return res.status(403).header("Content-Type", "application/problem+json")
                        .sendString(Mono.just("{\"type\":\"https://hoithao.io/problems/forbidden\",\"status\":403}"));
            })
            .get("/api/reports/programmes/p1/units/u1/report.xlsx", (req, res) -> document(req, res, XLSX, "bao-cao-so-ket-2021-2025.xlsx"))
            .get("/api/reports/programmes/p1/units/u1/report.docx", (req, res) -> document(req, res, DOCX, "bao-cao-so-ket-2021-2025.docx"))
            .get("/api/registrations/events/e1/badges.pdf", (req, res) -> document(req, res, "application/pdf", "badges-e1.pdf"))
            .get("/api/events/e1/programme.pdf", (req, res) -> document(req, res, "application/pdf", null)));

    private static org.reactivestreams.Publisher<Void> json(HttpServerRequest req, HttpServerResponse res, String body) {
        calls.add("GET " + req.uri() + " " + req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
        return res.header("Content-Type", "application/json").sendString(Mono.just(body));
    }

    /** A document's bytes (not text: a byte no charset would keep), with its type and, when given, its file name. */
    private static org.reactivestreams.Publisher<Void> document(HttpServerRequest req, HttpServerResponse res, String type, String name) {
        calls.add("GET " + req.uri() + " " + req.requestHeaders().get(HttpHeaders.AUTHORIZATION));
        HttpServerResponse answer = res.header("Content-Type", type);
        if (name != null) {
            answer = answer.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
        return answer.sendByteArray(Mono.just(new byte[] {'P', 'K', 3, 4, (byte) 0xff, 0}));
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
        return StandInApi.signedIn(context, t -> t.claim("email", "organiser@backan.hoithao.local")
                        .claim("name", "Ban tổ chức Sở GD&ĐT Bắc Kạn").claim("unit", "Sở GD&ĐT Bắc Kạn").claim("unit_id", "u1")
                        .claim("roles", List.of(role)));
    }

    private String page(WebTestClient client, String uri, String language, int status) {
        return client.get().uri(uri).header(HttpHeaders.ACCEPT_LANGUAGE, language).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theReportShowsItsFiguresWithTheChartsDataAndItsDownloadsInVietnamese() {
        String html = page(web, "/organiser/reports", "vi", 200);
        // her unit (by its id, not the namesake listed before it) first and chosen, the programme's latest phase chosen
        assertThat(html).containsPattern("<option value=\"u1\"\\s+selected")
                .containsSubsequence("<option value=\"u1\"", "<option value=\"u9\"", "<option value=\"u2\"")
                .containsPattern("<option value=\"2021–2025\"\\s+selected");
        // asked for her unit and that phase, with her token
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/reports/programmes/p1/units/u1?phase=")
                .contains("level=SCHOOL").contains("Bearer "));
        assertThat(calls).anySatisfy(c -> assertThat(c).contains("2021%E2%80%932025"));

        assertThat(html).contains("Báo cáo sơ kết chuyên đề", "Xây dựng trường mầm non lấy trẻ làm trung tâm, giai đoạn 2021–2025: Sở GD&amp;ĐT Bắc Kạn")
                .contains("Tỉ lệ tham gia", "<strong id=\"participation\">108 / 109</strong>", "Các đơn vị chưa tham gia", "Trường MN Thanh Vận")
                // events by level and kind, with the catalogue's words
                .contains("Cấp tỉnh", "Hội nghị", "Cấp huyện", "Hội thảo", "25/10/2025 – 26/10/2025")
                .contains("111", "97", "6 tiết dạy minh hoạ, 5 tiết có phiếu dự giờ.", "child-initiative", "4,25")
                .contains("Tổng cộng")
                .doesNotContain("Participation", "Model sites", "Previous phase", "Download");
        // model sites per level against the previous phase: the table and the chart's data
        String sites = html.substring(html.indexOf("id=\"model-sites\""));
        assertThat(sites).containsSubsequence("Cấp tỉnh", "0", "8", "+8", "Trường MN Đồng Tâm", "Cấp huyện", "14", "28", "+14");
        assertThat(html).contains("id=\"model-sites-chart\"", "role=\"img\"", "aria-label=\"Biểu đồ cột: số mô hình điểm")
                .contains("data-labels=\"Cấp tỉnh,Cấp huyện\"", "data-first=\"0,14\"", "data-second=\"8,28\"")
                .contains("/webjars/uplot/dist/uPlot.iife.min.js", "/js/organiser.js");
        // attendance by unit and category, checked in on each day
        String attendance = html.substring(html.indexOf("id=\"report-attendance\""));
        assertThat(attendance).containsSubsequence("Điểm danh 25/10", "Điểm danh 26/10", "Trường MN Đồng Tâm", "Giáo viên",
                "<td>4</td>", "<td>3</td>", "<td>3</td>", "<td>2</td>");
        // the documents, through this site
        assertThat(html).contains("href=\"/organiser/reports/p1/units/u1/report.docx?phase=2021%E2%80%932025&amp;level=SCHOOL\"")
                .contains("href=\"/organiser/reports/p1/units/u1/report.xlsx?phase=2021%E2%80%932025&amp;level=SCHOOL\"")
                .contains("Tải báo cáo (Word, DOCX)", "Tải các bảng số liệu (Excel, XLSX)");

        // linked from her dashboard
        assertThat(page(web, "/organiser", "vi", 200)).contains("href=\"/organiser/reports\"", "Báo cáo sơ kết chuyên đề");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/events?").contains("organiser=u1"));
    }

    @Test
    void theReportInEnglish() {
        String html = page(web, "/organiser/reports?programme=p1&phase=2021–2025&unit=u1&level=SCHOOL", "en", 200);
        assertThat(html).contains("Programme review report", "Participation", "108 / 109", "Units that did not take part")
                .contains("Model sites", "Previous phase", "This phase", "+14", "Teacher", "Delegates by unit and category", "Province", "District", "Conference", "Workshop")
                .contains("data-labels=\"Province,District\"", "aria-label=\"Bar chart: model sites per level")
                .contains("6 demonstration lessons, 5 of them with observation forms.", "4.25")
                .contains("Download the report (Word, DOCX)")
                .doesNotContain("Tỉ lệ tham gia", "Giai đoạn trước", "Cấp tỉnh", "Tải báo cáo");
    }

    @Test
    void anotherUnitsReportIsRefusedOnThePage() {
        String html = page(web, "/organiser/reports?programme=p1&phase=2016–2020&unit=u2&level=DISTRICT", "vi", 200);
        assertThat(html).contains("id=\"forbidden\"", "Bạn không xem được báo cáo của đơn vị này")
                .containsPattern("<option value=\"u2\"\\s+selected").containsPattern("<option value=\"DISTRICT\"\\s+selected");
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/reports/programmes/p1/units/u2?").contains("level=DISTRICT"));
    }

    @Test
    void documentsArePassedOnWithTheirTypeAndFileName() {
        byte[] xlsx = web.get().uri("/organiser/reports/p1/units/u1/report.xlsx?phase=2021–2025&level=SCHOOL").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(XLSX)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bao-cao-so-ket-2021-2025.xlsx\"")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(xlsx).containsExactly('P', 'K', 3, 4, (byte) 0xff, 0);
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("GET /api/reports/programmes/p1/units/u1/report.xlsx?phase=2021%E2%80%932025&level=SCHOOL")
                .contains("Bearer "));

        web.get().uri("/organiser/reports/p1/units/u1/report.docx?phase=2021–2025").exchange()
                .expectStatus().isOk().expectHeader().contentType(DOCX);

        byte[] badges = web.get().uri("/organiser/events/e1/documents/badges.pdf").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badges-e1.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(badges).hasSize(6);
        // an API that names no file: the site names it
        web.get().uri("/organiser/events/e1/documents/programme.pdf").exchange().expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, v -> assertThat(v).startsWith("attachment;").contains("programme-e1.pdf"));
        // only the documents there are
        web.get().uri("/organiser/events/e1/documents/secrets.txt").exchange().expectStatus().isNotFound();
        web.get().uri("/organiser/reports/p1/units/u1/report.exe?phase=x").exchange().expectStatus().isNotFound();
        assertThat(calls).noneMatch(c -> c.contains("secrets") || c.contains(".exe"));
    }

    @Test
    void aDelegateIsKeptOut() {
        String html = page(as("delegate"), "/organiser/reports", "vi", 403);
        assertThat(html).contains("Trang này dành cho ban tổ chức");
        as("delegate").get().uri("/organiser/events/e1/documents/badges.pdf").exchange().expectStatus().isForbidden();
        assertThat(calls).noneMatch(c -> c.startsWith("GET /api/reports") || c.contains("badges.pdf"));
    }
}
