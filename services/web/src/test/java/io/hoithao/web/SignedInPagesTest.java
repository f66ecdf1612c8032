package io.hoithao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Mono;

/**
 * The presenter's and the observer's pages, signed in, over a small HTTP server answering as the
 * presentations and observations APIs do, with this application's database on mongo-java-server: a
 * material passed on as it arrives (raw from the page's script, or multipart without script) with the
 * declared length, the API's refusals shown in her language, a submission's validation problems at their
 * fields; the observation form kept as a draft until whole (and while she is not marked present), then
 * sent to the API, created once and replaced after.
 */
@SpringBootTest
class SignedInPagesTest {

    static final String PAPER = """
            {"id":"p1","eventId":"e1","title":"Lớp học hạnh phúc","abstract":"Chia sẻ","presenters":["Nguyễn Thị Hoà"],
             "unit":"Trường Mầm non Đồng Tâm","requestedMinutes":20,"status":"UNDER_REVIEW","feedback":[{"score":8,"comment":"Rất thực tế"}],
             "decision":null,"materials":[],"placement":null}""";

    record Received(String filename, String contentLength, String authorization, int bytes) {
    }

    static final List<Received> uploads = new CopyOnWriteArrayList<>();
    static final List<String> formCalls = new CopyOnWriteArrayList<>();
    static volatile String storedForm;
    static volatile boolean attended;
    /** The lesson's times, which the organiser may move. */
    static volatile String lessonTimes = "\"startsAt\":\"2027-10-25T08:30:00+07:00\",\"endsAt\":\"2027-10-25T09:15:00+07:00\"";
    static final String PROGRAMME = """
            {"eventId":"e1","title":"Hội nghị sơ kết chuyên đề","status":"REGISTRATION_OPEN","timeZone":"Asia/Ho_Chi_Minh",
             "startDate":"2027-10-25","endDate":"2027-10-26",
             "days":[{"date":"2027-10-26","sessions":[{"session":{"id":"s2","type":"PAPER_SESSION","title":"Tham luận",
               "date":"2027-10-26","start":"14:00","end":"15:30","venue":"Hội trường Sở","status":"SCHEDULED","speakers":[]},
               "papers":[{"paperId":"p1","title":"Lớp học hạnh phúc","unit":"Trường Mầm non Đồng Tâm","presenters":["Nguyễn Thị Hoà"]}],
               "lessons":[]}]}]}""";

    static String lesson() {
        return "{\"id\":\"l1\",\"eventId\":\"e1\",\"title\":\"Khám phá: nước\"," + lessonTimes
                + ",\"hostSchool\":\"Trường Mầm non Đồng Tâm\",\"seats\":8,\"seatsLeft\":7,\"waiting\":0,\"status\":\"SCHEDULED\"}";
    }
    @RegisterExtension
    static final StandInApi api = StandInApi.withSessions(routes -> routes
            .get("/api/registrations/mine", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"items\":[{\"id\":\"r1\",\"eventId\":\"e1\",\"status\":\"CONFIRMED\"}],\"page\":0,\"size\":10,\"total\":1}")))
            .get("/api/registrations/r2", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"id\":\"r2\",\"eventId\":\"e1\",\"fullName\":\"Nguyễn Thị Hoà\",\"unit\":\"Trường Mầm non Đồng Tâm\","
                            + "\"status\":\"WAITLISTED\",\"turn\":12,\"waitlistPosition\":3}")))
            .get("/api/observations/events/e1/lessons", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.fromSupplier(() ->
                    "{\"items\":[" + lesson() + "],\"page\":0,\"size\":100,\"total\":1}")))
            .get("/api/observations/events/e1/delegates/r1/schedule", (req, res) -> res.header("Content-Type", "application/json")
                    .sendString(Mono.fromSupplier(() -> "[{\"lesson\":" + lesson() + ",\"status\":\"BOOKED\",\"bookingId\":\"b1\",\"clashes\":false}]")))
            .get("/api/presentations/papers", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"items\":[{\"id\":\"p1\",\"eventId\":\"e1\",\"title\":\"Lớp học hạnh phúc\",\"status\":\"ACCEPTED\"}],\"page\":0,\"size\":100,\"total\":1}")))
            .get("/api/events/e1/programme", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(PROGRAMME)))
            .get("/api/observations/events/e1/form", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(
                    "{\"eventId\":\"e1\",\"criteria\":[{\"id\":\"child-initiative\",\"label\":\"Trẻ được chủ động / Children take initiative\"},"
                            + "{\"id\":\"outcome\",\"label\":\"Trẻ đạt mục tiêu / Children reach the goals\"}]}")))
            .get("/api/observations/lessons/l1/forms/r1", (req, res) -> storedForm == null
                    ? res.status(404).header("Content-Type", "application/problem+json").sendString(Mono.just("{\"status\":404,\"type\":\"https://hoithao.io/problems/not-found\"}"))
                    : res.header("Content-Type", "application/json").sendString(Mono.just(storedForm)))
            .post("/api/observations/lessons/l1/forms", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                formCalls.add("POST " + body);
                if (!attended) {
                    return res.status(409).header("Content-Type", "application/problem+json").sendString(Mono.just(
                            "{\"status\":409,\"type\":\"https://hoithao.io/problems/not-attended\"}")).then();
                }
                storedForm = body.replaceFirst("\\{", "{\"formId\":\"phieu-1\",\"lessonId\":\"l1\",\"locked\":false,");
                return res.status(201).header("Content-Type", "application/json").sendString(Mono.just(storedForm)).then();
            }))
            .put("/api/observations/lessons/l1/forms/r1", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                formCalls.add("PUT " + body);
                storedForm = body.replaceFirst("\\{", "{\"formId\":\"phieu-1\",\"lessonId\":\"l1\",\"locked\":false,");
                return res.header("Content-Type", "application/json").sendString(Mono.just(storedForm)).then();
            }))
            .get("/api/presentations/papers/p1", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(PAPER)))
            .get("/api/events/e1", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(EventPagesTest.EVENT)))
            .post("/api/presentations/papers/p1/materials", (req, res) -> req.receive().aggregate().asByteArray()
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> {
                        String name = new org.springframework.web.util.UriTemplate("/api/presentations/papers/p1/materials?filename={f}")
                                .match(req.uri()).get("f");
                        uploads.add(new Received(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                                req.requestHeaders().get(HttpHeaders.CONTENT_LENGTH), req.requestHeaders().get(HttpHeaders.AUTHORIZATION), bytes.length));
                        boolean pdf = new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.ISO_8859_1).equals("%PDF-");
                        return pdf
                                ? res.status(201).header("Content-Type", "application/json").sendString(Mono.just(
                                        "{\"id\":\"m1\",\"filename\":\"Báo cáo.pdf\",\"contentType\":\"application/pdf\",\"size\":" + bytes.length + "}")).then()
                                : res.status(415).header("Content-Type", "application/problem+json").sendString(Mono.just(
                                        "{\"status\":415,\"type\":\"https://hoithao.io/problems/material-type-not-accepted\",\"detail\":\"Not a PDF\"}")).then();
                    }))
            .post("/api/presentations/events/e1/papers", (req, res) -> res.status(400).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":400,\"type\":\"https://hoithao.io/problems/validation\",\"errors\":["
                            + "{\"field\":\"title\",\"message\":\"must not be blank\"},{\"field\":\"presenters[0]\",\"message\":\"must not be blank\"}]}"))));

    @DynamicPropertySource
    static void apiUri(DynamicPropertyRegistry registry) {
        api.properties(registry);
        registry.add("hoithao.web.max-upload-size", () -> "1MB");
    }

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void client() {
        uploads.clear();
        formCalls.clear();
        web = StandInApi.signedIn(context, t -> t.claim("email", "hoa@mndongtam.edu.vn").claim("name", "Nguyễn Thị Hoà"));
    }

    @Test
    void theScriptsRawUploadIsPassedOnWithItsLengthAndHerToken() {
        byte[] pdf = ("%PDF-1.4\n" + "x".repeat(300_000)).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> answer = web.post().uri("/me/papers/p1/materials?filename={f}", "Báo cáo.pdf")
                .header("X-Requested-With", "XMLHttpRequest").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(pdf)
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() { }).returnResult().getResponseBody();
        assertThat(answer.get("location")).startsWith("/me/papers/p1?uploaded=");
        assertThat(uploads).singleElement().satisfies(r -> {
            assertThat(r.filename()).isEqualTo("Báo cáo.pdf");
            assertThat(r.bytes()).isEqualTo(pdf.length);
            assertThat(r.contentLength()).isEqualTo(String.valueOf(pdf.length));
            assertThat(r.authorization()).startsWith("Bearer ");
        });
    }

    @Test
    void aWrongTypeIsExplainedInHerLanguageAndATooLargeFileIsNotSent() {
        Map<String, String> wrong = web.post().uri("/me/papers/p1/materials?filename=anh.png")
                .header("X-Requested-With", "XMLHttpRequest").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .exchange().expectStatus().isEqualTo(415)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() { }).returnResult().getResponseBody();
        assertThat(wrong).containsEntry("type", "material-type-not-accepted");
        assertThat(wrong.get("message")).startsWith("Chỉ nhận tệp PDF").doesNotContain("Not a PDF");

        Map<String, String> large = web.post().uri("/me/papers/p1/materials?filename=lon.pdf")
                .header("X-Requested-With", "XMLHttpRequest").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[2 * 1024 * 1024])
                .exchange().expectStatus().isEqualTo(413)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() { }).returnResult().getResponseBody();
        assertThat(large.get("message")).startsWith("The file is too large");
        assertThat(uploads).hasSize(1); // only the PNG reached the API
    }

    @Test
    void withoutScriptTheMultipartFormIsPassedOnToo() {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        byte[] pdf = "%PDF-1.7 tiny".getBytes(StandardCharsets.ISO_8859_1);
        parts.part("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "Báo cáo.pdf";
            }
        }).contentType(MediaType.APPLICATION_PDF);
        web.post().uri("/me/papers/p1/materials").body(BodyInserters.fromMultipartData(parts.build()))
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/me/papers/p1?uploaded="));
        assertThat(uploads).singleElement().satisfies(r -> {
            assertThat(r.filename()).isEqualTo("Báo cáo.pdf");
            assertThat(r.bytes()).isEqualTo(pdf.length);
        });
    }

    @Test
    void thePaperPageShowsTheReviewAndTheUploadForm() {
        String page = web.get().uri("/me/papers/p1").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Đang thẩm định", "Điểm: 8/10", "Rất thực tế", "id=\"upload-form\"", "data-max-bytes=\"1048576\"",
                "<progress id=\"upload-progress\"", "Rút báo cáo");
    }

    @Test
    void aWaitingRegistrationShowsHerPlaceOnTheWaitingList() {
        String page = web.get().uri("/me/registrations/r2").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("data-waitlist-position=\"3\"", ">Danh sách chờ, vị trí 3</span>");
        assertThat(web.get().uri("/me/registrations/r2").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains(">Waiting list, place 3</span>");
    }

    @Test
    void myProgrammeHasHerPlacedPaperAndHerFeedIsRenderedAtEachFetch() {
        lessonTimes = "\"startsAt\":\"2027-10-25T08:30:00+07:00\",\"endsAt\":\"2027-10-25T09:15:00+07:00\"";
        String page = web.get().uri("/me/programme").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // in time order: the event (its first day), the lesson, the paper at its session's times
        assertThat(page).containsSubsequence("data-kind=\"EVENT\"", "data-kind=\"LESSON\"", "25/10/2027 · 08:30–09:15",
                "data-kind=\"PAPER\"", "26/10/2027 · 14:00–15:30", "Lớp học hạnh phúc", "Tham luận · Hội trường Sở");

        String created = web.post().uri("/me/programme/feed").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("/feeds/([A-Za-z0-9_-]{43})\\.ics").matcher(created);
        assertThat(address.find()).isTrue();
        String feed = "/feeds/" + address.group(1) + ".ics";
        assertThat(ics(feed)).contains("UID:lesson-l1@hoithao", "DTSTART:20271025T013000Z",
                "UID:paper-p1@hoithao", "DTSTART:20271026T070000Z", "DTEND:20271026T083000Z", "SUMMARY:Lớp học hạnh phúc");

        // the organiser moves the lesson: the next fetch has it at its new time, without her visiting the site
        lessonTimes = "\"startsAt\":\"2027-10-25T10:00:00+07:00\",\"endsAt\":\"2027-10-25T10:45:00+07:00\"";
        assertThat(ics(feed)).contains("DTSTART:20271025T030000Z", "DTEND:20271025T034500Z").doesNotContain("DTSTART:20271025T013000Z");

        web.post().uri("/me/programme/feed/revoke").exchange().expectStatus().is3xxRedirection();
        web.get().uri(feed).exchange().expectStatus().isNotFound();
    }

    private String ics(String feed) {
        return web.get().uri(feed).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody().replace("\r\n ", "");
    }

    @Test
    void aSubmissionsValidationProblemsAreShownAtTheirFields() {
        String page = web.post().uri("/events/e1/papers").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("title", "").with("abstractText", "x").with("presenters", " ").with("requestedMinutes", "20"))
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"title-error\"", "Mời nhập tên báo cáo", "id=\"presenters-error\"", "aria-invalid=\"true\"");
    }

    private String change(String... fields) {
        var form = BodyInserters.fromFormData("comments", "Trẻ hứng thú");
        for (int i = 0; i < fields.length; i += 2) {
            form = form.with(fields[i], fields[i + 1]);
        }
        return web.post().uri("/events/e1/lessons/l1/form").header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theObservationFormIsSavedAsSheGoesAndSentOnceWhole() {
        storedForm = null;
        attended = false;
        String page = web.get().uri("/events/e1/lessons/l1/form").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Phiếu dự giờ", "<legend>1. Trẻ được chủ động</legend>", "name=\"score-outcome\"", "hx-post=");

        // one criterion scored: a draft here, nothing sent
        String status = change("score-child-initiative", "4");
        assertThat(status).contains("data-state=\"DRAFT\"", "còn 1 tiêu chí chưa chấm").doesNotContain("<html");
        assertThat(formCalls).isEmpty();
        assertThat(web.get().uri("/events/e1/lessons/l1/form").exchange().expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("name=\"score-child-initiative\" value=\"4\" checked");

        // whole, but not marked present yet: refused by the API, explained, kept as a draft
        status = change("score-child-initiative", "4", "score-outcome", "5");
        assertThat(status).contains("data-state=\"DRAFT\"", "data-problem=\"not-attended\"", "chưa ghi nhận bạn có mặt");
        assertThat(formCalls).hasSize(1);

        // present: sent (created), then a change replaces it
        attended = true;
        status = change("score-child-initiative", "4", "score-outcome", "5");
        assertThat(status).contains("data-state=\"SENT\"", "Đã gửi phiếu");
        status = change("score-child-initiative", "3", "score-outcome", "5");
        assertThat(status).contains("data-state=\"SENT\"");
        assertThat(formCalls).hasSize(3);
        assertThat(formCalls.get(1)).startsWith("POST ").contains("\"registrationId\":\"r1\"", "\"child-initiative\":4", "\"outcome\":5");
        assertThat(formCalls.get(2)).startsWith("PUT ").contains("\"child-initiative\":3");
        assertThat(web.get().uri("/events/e1/lessons/l1/form").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectBody(String.class).returnResult().getResponseBody())
                .contains("<legend>1. Children take initiative</legend>", "The form was sent to the organisers")
                .containsPattern("name=\"score-child-initiative\" value=\"3\" checked");
    }
}
