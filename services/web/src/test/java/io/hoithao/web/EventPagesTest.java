package io.hoithao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * The public pages over a small HTTP server answering as the events API does (its JSON as the events
 * README documents it): languages, search forwarding, the programme, the error pages, the headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EventPagesTest {

    static final String EVENT = """
            {"id":"e1","title":"Hội nghị sơ kết chuyên đề","description":"Đánh giá, sơ kết","kind":"CONFERENCE",
             "level":"PROVINCE","organiserUnit":"Sở GD&ĐT Bắc Kạn","startDate":"2027-10-25","endDate":"2027-10-26",
             "timeZone":"Asia/Ho_Chi_Minh","capacity":180,"status":"REGISTRATION_OPEN","version":3,
             "venues":[{"id":"v1","name":"Trường Mầm non Đồng Tâm","kind":"HOST_SCHOOL","address":"Chợ Mới, Bắc Kạn"}]}""";
    static final String PROGRAMME = """
            {"eventId":"e1","title":"Hội nghị sơ kết chuyên đề","status":"REGISTRATION_OPEN","timeZone":"Asia/Ho_Chi_Minh",
             "startDate":"2027-10-25","endDate":"2027-10-26",
             "registrations":{"capacity":180,"confirmed":12,"waitlisted":0,"cancelled":1,"seatsLeft":168},
             "days":[{"date":"2027-10-26","sessions":[{"session":{"id":"s1","type":"DEMONSTRATION_LESSON",
               "title":"Dự giờ hoạt động khám phá","date":"2027-10-26","start":"08:00","end":"08:35",
               "venue":"Trường Mầm non Đồng Tâm","classroom":"MGL A1","status":"SCHEDULED","speakers":[]},
               "papers":[],"lessons":[{"lessonId":"l1","title":"Khám phá: cây xanh","classroom":"MGL A1","seats":20,"seatsLeft":7}]}]}]}""";

    static final List<String> calls = new CopyOnWriteArrayList<>();
    static final List<String> forwardedFor = new CopyOnWriteArrayList<>();
    static final List<String> traceparents = new CopyOnWriteArrayList<>();
    static volatile boolean down;
    @RegisterExtension
    static final StandInApi api = StandInApi.of(routes -> routes
            .get("/api/events", (req, res) -> {
                calls.add(req.uri());
                forwardedFor.add(String.valueOf(req.requestHeaders().get("X-Forwarded-For")));
                traceparents.add(String.valueOf(req.requestHeaders().get("traceparent")));
                return down ? res.status(503).send()
                        : res.header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"items\":[" + EVENT + "],\"page\":0,\"size\":20,\"total\":1}"));
            })
            .get("/api/events/e1", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(EVENT)))
            .get("/api/events/e1/programme", (req, res) -> res.header("Content-Type", "application/json").sendString(Mono.just(PROGRAMME)))
            .get("/api/events/nope", (req, res) -> res.status(404).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"status\":404,\"type\":\"https://hoithao.io/problems/not-found\"}")))
            .get("/api/events/nope/programme", (req, res) -> res.status(404).send()));

    @DynamicPropertySource
    static void apiUri(DynamicPropertyRegistry registry) {
        api.properties(registry);
        registry.add("hoithao.web.public-uri", () -> "http://site.example:8080");
    }

    @Autowired
    WebTestClient web;

    @BeforeEach
    void reset() {
        calls.clear();
        forwardedFor.clear();
        traceparents.clear();
        down = false;
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    private String page(String path, String acceptLanguage, String langCookie) {
        var request = web.get().uri(path).accept(MediaType.TEXT_HTML);
        if (acceptLanguage != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        if (langCookie != null) {
            request = request.cookie(LanguageResolver.COOKIE, langCookie);
        }
        return request.exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityConfig.CSP.formatted("http://issuer.example:9000"))
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void aPageCarriesItsTraceToTheApiAndItsFiguresAreOnTheSitesOwnPort() {
        page("/events", null, null);
        // The trace context of the page's request goes on to the gateway (and from there to the service).
        assertThat(traceparents).singleElement().satisfies(header -> assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
        String scrape = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("application=\"web\"", "uri=\"/events\"", "status=\"200\""));
        assertThat(scrape.lines().filter(line -> line.startsWith("http_client_requests_seconds_count{")))
                .as("the calls to the API").anySatisfy(line -> assertThat(line).contains("application=\"web\"", "status=\"200\""));
    }

    @Test
    void listIsVietnameseByDefaultAndForwardsTheSearch() {
        String html = page("/events?q=dong tam&level=PROVINCE&kind=BOGUS&from=2027-10-01", null, null);
        assertThat(html).contains("<html lang=\"vi\"", "Sự kiện sắp tới", "Hội nghị sơ kết chuyên đề", "25/10/2027 – 26/10/2027",
                "Đang mở đăng ký", "Cấp tỉnh");
        assertThat(calls).singleElement().satisfies(uri -> assertThat(uri)
                .contains("q=dong%20tam", "level=PROVINCE", "from=2027-10-01").doesNotContain("kind="));
    }

    @Test
    void englishFromTheBrowserOrTheSwitch() {
        assertThat(page("/events", "en-GB,en;q=0.8", null)).contains("<html lang=\"en\"", "Upcoming events", "Registration open");
        assertThat(page("/events", "en", "vi")).contains("Sự kiện sắp tới");
        web.get().uri("/language?lang=en&back=/events/e1").exchange().expectStatus().isSeeOther()
                .expectHeader().location("/events/e1")
                .expectHeader().value(HttpHeaders.SET_COOKIE, c -> assertThat(c).contains("hoithao-lang=en", "HttpOnly", "SameSite=Lax"));
        web.get().uri("/language?lang=en&back=//evil.example").exchange().expectStatus().isSeeOther()
                .expectHeader().location("/");
    }

    @Test
    void aBadDateIsExplainedNotSent() {
        String html = page("/events?from=31-02-2027", "vi", null);
        assertThat(html).contains("Ngày không hợp lệ");
        assertThat(calls).singleElement().satisfies(uri -> assertThat(uri).doesNotContain("31-02-2027"));
    }

    @Test
    void eventPageShowsTheProgrammeByDayWithSeats() {
        String html = page("/events/e1", null, null);
        assertThat(html).contains("Ngày 1 · 26/10/2027", "08:00–08:35", "Dự giờ hoạt động khám phá", "Lớp MGL A1",
                "Còn 7/20 chỗ", "Còn 168 chỗ", "/events/e1/calendar.ics", "data-changes=\"/events/e1/changes\"");
        String fragment = web.get().uri("/events/e1/programme").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(fragment).startsWith("<div id=\"programme\"").doesNotContain("<html");
    }

    @Test
    void unknownEventAndDownApiAreFriendlyPages() {
        web.get().uri("/events/nope").accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "vi").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("Không tìm thấy trang hoặc sự kiện này"));
        web.get().uri("/events/a.b").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        down = true;
        web.get().uri("/events").accept(MediaType.TEXT_HTML).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("cannot be reached right now", "Back to the home page").doesNotContain("Exception"));
        web.get().uri("/no/such/page").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("Không tìm thấy").doesNotContain("Whitelabel"));
    }

    @Test
    void theVisitorsAddressIsForwardedToTheGateway() {
        web.get().uri("/events").accept(MediaType.TEXT_HTML).header("X-Forwarded-For", "203.0.113.7").exchange()
                .expectStatus().isOk();
        assertThat(forwardedFor).containsExactly("203.0.113.7");
    }

    @Test
    void herPagesNeedTheSignInAtTheIssuerWhichComesBackToTheSite() {
        web.get().uri("/me/registrations").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/oauth2/authorization/hoithao");
        web.get().uri("/events/e1/register").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/oauth2/authorization/hoithao");
        web.get().uri("/oauth2/authorization/hoithao").exchange().expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("http://issuer.example:9000/oauth2/authorize?")
                        .contains("client_id=hoithao-site", "scope=openid%20profile%20email",
                                "redirect_uri=http://site.example:8080/login/oauth2/code/hoithao"))
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .contains("hoithao-session=", "SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        web.post().uri("/logout").exchange().expectStatus().isForbidden();
        web.post().uri("/events/e1/register").exchange().expectStatus().isForbidden();
    }
}
