package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web application's journeys in a real browser (Debian's Chromium, headless, through its
 * chromedriver; no browser download) against the real jars, as {@code ./devstack} runs them, through
 * the gateway's one address: a delegate signs up on the identity service's sign-up page, verifies her
 * address with the link in the mail the suite sent her (read from the devstack's inbox), signs in on the
 * real login page, registers for an event (a wrong phone number explained next to its field first), sees
 * her confirmation code and QR badge, books a demonstration lesson and is refused one that clashes with it;
 * My programme lists the event and the lesson in time order and gives her a private calendar feed
 * (fetched, then revoked); an event whose one seat is taken puts her on its waiting list, with her place
 * shown; she cancels after the confirmation step and signs out (also at the issuer). The same journey
 * once in English, where as an observer she is refused a clashing lesson and joins a full lesson's
 * waiting list and sees her place, finds both in My programme, cancels and signs out. A presenter submits her paper, is refused a picture at the file field,
 * uploads a PDF (progress bar, through the gateway's upload route), finds her papers in My programme,
 * withdraws an earlier paper, and fills in the observation form of a lesson she attended. axe-core
 * (vendored, src/test/resources/axe) runs in every page and must find no serious or critical violation;
 * screenshots at 390x844 go to target/screenshots.
 *
 * <p>Only the services these journeys use are started (identity, events, registrations, observations,
 * presentations, notifications for the verification mail, web, gateway), to keep CI time small; the stack
 * ({@link SharedStack}) and the browser's set-up ({@link Journeys}) are shared with the other browser journeys.
 */
class WebJourneyIT {

    static final String UNIT = "Trường Mầm non Đồng Tâm";

    /** The files the presenter uploads. */
    @TempDir
    static Path dataDir;

    static DevStack stack;
    static URI site;
    static String admin;
    static String eventId;
    static String discovery;
    static String clashing;
    static String full;
    /** An event with one seat, which someone else holds: registering for it waitlists. */
    static String fullEvent;

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        site = stack.gatewayUrl();
        admin = SignIn.accessToken(stack.url(App.IDENTITY), "admin@hoithao.local", "admin-dev-password");

        HttpResponse<String> created = api(admin, "POST", "/api/events", """
                {"title": "Hội thảo chuyên đề: Lớp học hạnh phúc", "description": "Chia sẻ kinh nghiệm xây dựng lớp học hạnh phúc",
                 "kind": "WORKSHOP", "level": "PROVINCE", "organiserUnit": "Sở GD&ĐT Bắc Kạn",
                 "startDate": "2027-10-25", "endDate": "2027-10-26", "capacity": 40}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        eventId = json.readTree(created.body()).get("id").asString();
        HttpResponse<String> venue = api(admin, "POST", "/api/events/" + eventId + "/venues", """
                {"name": "Trường Mầm non Đồng Tâm", "kind": "HOST_SCHOOL", "address": "Chợ Mới, Bắc Kạn"}
                """);
        assertThat(venue.statusCode()).as(venue.body()).isEqualTo(201);
        assertThat(api(admin, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(api(admin, "POST", "/api/events/" + eventId + "/registration/open", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = api(null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });

        // three demonstration lessons: two that overlap, and one with a single seat, which someone else takes
        discovery = lesson("Khám phá: Bé tìm hiểu về nước", "A1", "08:30", "09:15", 8);
        clashing = lesson("Làm quen với toán: Đếm đến 5", "A2", "08:45", "09:30", 8);
        full = lesson("Âm nhạc: Múa vòng tròn", "A3", "10:00", "10:45", 1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(json.readTree(api(null, "GET", "/api/observations/events/" + eventId + "/lessons", null).body())
                        .get("items")).hasSize(3));
        signUp("lan.pham@mndongtam.edu.vn", "mot-cho-ngoi-duy-nhat", "Phạm Thị Lan");
        String lan = SignIn.accessToken(stack.url(App.IDENTITY), "lan.pham@mndongtam.edu.vn", "mot-cho-ngoi-duy-nhat");
        HttpResponse<String> registered = api(lan, "POST", "/api/registrations", """
                {"eventId": "%s", "fullName": "Phạm Thị Lan", "email": "lan.pham@mndongtam.edu.vn",
                 "phone": "0987654321", "unit": "%s", "category": "TEACHER"}
                """.formatted(eventId, UNIT));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String lanRegistration = json.readTree(registered.body()).get("id").asString();
        awaitObserver(lanRegistration);
        HttpResponse<String> booked = api(lan, "POST", "/api/observations/lessons/" + full + "/bookings",
                "{\"registrationId\": \"" + lanRegistration + "\"}");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        // a second event with one seat, which Lan takes
        HttpResponse<String> small = api(admin, "POST", "/api/events", """
                {"title": "Sinh hoạt chuyên môn: Đồ dùng dạy học tự làm", "kind": "WORKSHOP", "level": "DISTRICT",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-11-08", "endDate": "2027-11-08", "capacity": 1}
                """);
        assertThat(small.statusCode()).as(small.body()).isEqualTo(201);
        fullEvent = json.readTree(small.body()).get("id").asString();
        assertThat(api(admin, "POST", "/api/events/" + fullEvent + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(api(admin, "POST", "/api/events/" + fullEvent + "/registration/open", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = api(null, "GET", "/api/registrations/events/" + fullEvent, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });
        HttpResponse<String> seat = api(lan, "POST", "/api/registrations", """
                {"eventId": "%s", "fullName": "Phạm Thị Lan", "email": "lan.pham@mndongtam.edu.vn",
                 "phone": "0987654321", "unit": "%s", "category": "TEACHER"}
                """.formatted(fullEvent, UNIT));
        assertThat(seat.statusCode()).as(seat.body()).isEqualTo(201);
        assertThat(json.readTree(seat.body()).get("status").asString()).isEqualTo("CONFIRMED");

        // the call for papers, once the presentations service has learnt of the event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api(null, "GET", "/api/presentations/events/" + eventId, null).statusCode()).isEqualTo(200));
        HttpResponse<String> call = api(admin, "PUT", "/api/presentations/events/" + eventId + "/call-for-papers", """
                {"opensAt": "2026-01-01T00:00:00+07:00", "closesAt": "2027-10-15T00:00:00+07:00", "maxMinutes": 30}
                """);
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
    }

    private static String lesson(String title, String classroom, String start, String end, int seats) throws Exception {
        HttpResponse<String> created = api(admin, "POST", "/api/observations/events/" + eventId + "/lessons", """
                {"title": "%s", "hostSchool": "Trường Mầm non Đồng Tâm", "classroom": "%s", "className": "Mẫu giáo lớn %s",
                 "ageGroup": "MAU_GIAO_LON", "teacher": "Nguyễn Thị Hoà", "activity": "%s", "developmentalArea": "Phát triển nhận thức",
                 "startsAt": "2027-10-25T%s:00+07:00", "endsAt": "2027-10-25T%s:00+07:00", "seats": %d}
                """.formatted(title, classroom, classroom, title, start, end, seats));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asString();
    }

    /** The observations service learns of a confirmed delegate from Kafka; booking waits for it. */
    private static void awaitObserver(String registrationId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api(admin, "GET", "/api/observations/events/" + eventId + "/observers", null).body())
                        .contains(registrationId));
    }

    @BeforeEach
    void openBrowser() {
        browser = Journeys.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // htmx swaps fragments (outerHTML) while a condition reads them: look the element up again
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDelegateSignsInRegistersSeesHerBadgeCancelsAndSignsOut() throws Exception {
        String email = "thu.ha@mndongtam.edu.vn";
        String password = "lop-hoc-hanh-phuc";

        browser.get(site + "/events/" + eventId);
        assertThat(browser.getTitle()).contains("Lớp học hạnh phúc");
        check("event");

        // Registering needs a sign-in: the identity service's own login page
        browser.findElement(By.id("register")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(stack.url(App.IDENTITY) + "/login");
        check("login");
        // no account yet: she signs up from the login page and verifies her address with the link mailed to her
        signUpInTheBrowser(email, password, "Lê Thị Thu Hà", "");
        // the school she typed is a request: an administrator confirms her unit before she registers for it
        confirmUnit(email);
        browser.get(site + "/events/" + eventId + "/register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // back on the site (the gateway's address), at the form, her name and unit from her account
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-submit")));
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/events/" + eventId + "/register");
        assertThat(browser.findElement(By.id("fullName")).getDomProperty("value")).isEqualTo("Lê Thị Thu Hà");
        assertThat(browser.findElement(By.id("unit")).getDomProperty("value")).isEqualTo(UNIT);
        assertThat(browser.findElement(By.id("sign-out")).getText()).isEqualTo("Đăng xuất");
        check("register");

        // a wrong phone number: the API's validation problem, in Vietnamese, next to the field
        browser.findElement(By.id("phone")).sendKeys("12345");
        browser.findElement(By.id("register-submit")).click();
        WebElement phoneError = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-error")));
        assertThat(phoneError.getText()).startsWith("Số điện thoại chưa đúng");
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("problem")).getAttribute("data-problem")).isEqualTo("validation");
        assertThat(browser.findElement(By.id("fullName")).getDomProperty("value")).isEqualTo("Lê Thị Thu Hà");
        check("register-error");

        WebElement phone = browser.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys("0912 345 678");
        browser.findElement(By.id("register-submit")).click();

        // her registration: confirmed, with its code and QR code
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertThat(status.getAttribute("data-status")).isEqualTo("CONFIRMED");
        assertThat(status.getText()).isEqualTo("Đã xác nhận");
        assertThat(browser.findElements(By.id("cancelled"))).isEmpty();
        String code = browser.findElement(By.id("code")).getText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertImagesLoaded();
        check("registration");
        String registrationUrl = browser.getCurrentUrl();

        browser.findElement(By.id("badge")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".badge-card")));
        assertThat(browser.findElement(By.cssSelector(".badge-code")).getText()).isEqualTo(code);
        assertThat(browser.findElement(By.cssSelector(".badge-name")).getText()).isEqualTo("Lê Thị Thu Hà");
        assertImagesLoaded();
        check("badge");

        // as an observer: a seat in one lesson, refused in the one that overlaps it
        awaitObserver(registrationUrl.substring(registrationUrl.lastIndexOf('/') + 1));
        browser.get(site + "/events/" + eventId);
        assertThat(browser.findElement(By.cssSelector("#my-registration a")).getAttribute("data-status")).isEqualTo("CONFIRMED");
        assertThat(browser.findElements(By.id("register"))).isEmpty();
        browser.findElement(By.id("lessons")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-" + discovery)));
        check("lessons");
        browser.findElement(By.cssSelector("#lesson-" + discovery + " button.book")).click();
        WebElement outcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("BOOKED");
        assertThat(browser.findElement(By.cssSelector("#lesson-" + discovery + " .mine")).getText()).contains("Bạn đã có chỗ");
        Journeys.press(browser, browser.findElement(By.cssSelector("#lesson-" + clashing + " button.book")));
        WebElement refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(refused.getAttribute("data-problem")).isEqualTo("booking-clash");
        assertThat(refused.getText()).contains("trùng giờ", "Khám phá: Bé tìm hiểu về nước");
        assertThat(browser.findElements(By.cssSelector("#lesson-" + clashing + " .mine"))).isEmpty();
        check("lessons-clash");

        // My programme: the event, then her lesson, and a private calendar feed of them that she can revoke
        browser.findElement(By.id("nav-programme")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".programme")));
        assertThat(browser.findElements(By.cssSelector(".programme .entry")))
                .extracting(e -> e.getAttribute("data-kind")).containsExactly("EVENT", "LESSON");
        assertThat(browser.findElement(By.cssSelector(".programme")).getText())
                .contains("Lớp học hạnh phúc", "Khám phá: Bé tìm hiểu về nước", "25/10/2027 · 08:30–09:15", "Bạn đã có chỗ");
        browser.findElement(By.id("feed-create")).click();
        String feedUrl = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-url"))).getDomProperty("value");
        assertThat(feedUrl).startsWith(site + "/feeds/").endsWith(".ics");
        check("programme");
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        String ics = feed.body().replace("\r\n ", "");
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Hội thảo chuyên đề: Lớp học hạnh phúc",
                "DTSTART;VALUE=DATE:20271025", "SUMMARY:Khám phá: Bé tìm hiểu về nước", "DTSTART:20271025T013000Z");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
        browser.findElement(By.id("feed-revoke")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoked")));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(feedUrl)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);

        // registering twice is explained, with the way to her registrations
        browser.get(site + "/events/" + eventId + "/register");
        browser.findElement(By.id("phone")).sendKeys("0912345678");
        browser.findElement(By.id("register-submit")).click();
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(problem.getAttribute("data-problem")).isEqualTo("duplicate-registration");
        assertThat(problem.getText()).contains("Bạn đã đăng ký sự kiện này rồi");

        // an event whose one seat is taken: she joins its waiting list and sees her place on it
        browser.get(site + "/events/" + fullEvent + "/register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone"))).sendKeys("0912345678");
        browser.findElement(By.id("register-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "WAITLISTED"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Danh sách chờ, vị trí 1");
        assertThat(browser.findElement(By.id("status")).getAttribute("data-waitlist-position")).isEqualTo("1");
        check("registration-waiting");

        browser.get(site + "/me/registrations");
        assertThat(browser.findElement(By.cssSelector(".event-list")).getText())
                .contains("Lớp học hạnh phúc", "Đã xác nhận", "Đồ dùng dạy học tự làm", "Danh sách chờ, vị trí 1");
        check("my-registrations");

        // the tokens stay on the server: the browser holds only the session and language cookies for the site
        browser.get(registrationUrl);
        assertThat(browser.getPageSource()).doesNotContain("eyJ");
        for (Cookie cookie : browser.manage().getCookies()) {
            assertThat(cookie.getValue()).as(cookie.getName()).doesNotStartWith("eyJ");
            if (cookie.getName().equals("hoithao-session")) {
                assertThat(cookie.isHttpOnly()).isTrue();
                assertThat(cookie.getSameSite()).isEqualTo("Lax");
            }
        }
        assertThat(browser.manage().getCookieNamed("hoithao-session")).isNotNull();

        // cancelling asks first
        browser.findElement(By.id("cancel")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-confirm")));
        check("cancel");
        browser.findElement(By.id("cancel-confirm")).click();
        status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertThat(status.getAttribute("data-status")).isEqualTo("CANCELLED");
        assertThat(browser.findElement(By.id("cancelled")).getText()).isEqualTo("Đã huỷ đăng ký của bạn.");
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();

        // signing out ends the issuer's session too: her pages ask for the login again
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
        assertThat(browser.getCurrentUrl()).startsWith(site.toString());
        browser.get(site + "/me/registrations");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(stack.url(App.IDENTITY) + "/login");
    }

    @Test
    void theSameJourneyInEnglish() throws Exception {
        String email = "mai.tran@mndongtam.edu.vn";
        String password = "happy-classroom-2027";

        browser.get(site + "/events/" + eventId);
        browser.findElement(By.cssSelector("a[hreflang=en]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(browser.findElement(By.id("register")).getText()).isEqualTo("Register to attend");
        check("event-en");
        browser.findElement(By.id("register")).click();
        // no account yet: she signs up from the login page, and comes back to the site after signing in
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        signUpInTheBrowser(email, password, "Trần Thị Mai", "-en");
        confirmUnit(email);
        browser.get(site + "/events/" + eventId + "/register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-submit")));
        assertThat(browser.findElement(By.cssSelector("label[for=phone]")).getText()).isEqualTo("Phone number");
        browser.findElement(By.id("phone")).sendKeys("not a phone");
        browser.findElement(By.id("register-submit")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("phone-error"))).getText())
                .startsWith("That phone number is not valid");
        check("register-error-en");
        WebElement phone = browser.findElement(By.id("phone"));
        phone.clear();
        phone.sendKeys("+84 912 345 679");
        browser.findElement(By.id("register-submit")).click();
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        assertThat(status.getText()).isEqualTo("Confirmed");
        assertImagesLoaded();
        check("registration-en");
        String registrationUrl = browser.getCurrentUrl();

        // as an observer: a seat, then refused the lesson that overlaps it, in English
        awaitObserver(registrationUrl.substring(registrationUrl.lastIndexOf('/') + 1));
        browser.get(site + "/events/" + eventId + "/lessons");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#lesson-" + discovery + " button.book"))).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome"))).getAttribute("data-outcome"))
                .isEqualTo("BOOKED");
        assertThat(browser.findElement(By.cssSelector("#lesson-" + discovery + " .mine")).getText()).contains("You have a seat");
        Journeys.press(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lesson-" + clashing + " button.book"))));
        WebElement refused;
        try {
            refused = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        } catch (org.openqa.selenium.TimeoutException notRefused) {
            // what the page showed instead, for whoever reads the failure
            java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
            java.nio.file.Files.writeString(Path.of("target", "screenshots", "lessons-clash-en-failure.html"), browser.getPageSource());
            throw notRefused;
        }
        assertThat(refused.getAttribute("data-problem")).isEqualTo("booking-clash");
        assertThat(refused.getText()).contains("This lesson overlaps", "Khám phá: Bé tìm hiểu về nước");
        assertThat(browser.findElements(By.cssSelector("#lesson-" + clashing + " .mine"))).isEmpty();
        check("lessons-clash-en");

        // the one-seat lesson is taken: she joins its waiting list and sees her place
        WebElement join = browser.findElement(By.cssSelector("#lesson-" + full + " button.book"));
        assertThat(join.getText()).isEqualTo("Join the waiting list");
        join.click();
        WebElement outcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("WAITLISTED");
        assertThat(browser.findElement(By.cssSelector("#lesson-" + full + " .mine")).getText()).isEqualTo("You are waiting, number 1");
        check("lessons-waiting-en");

        // My programme in English: the event, her seat, her waiting place, in time order
        browser.findElement(By.id("nav-programme")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".programme")));
        assertThat(browser.findElements(By.cssSelector(".programme .entry")))
                .extracting(e -> e.getAttribute("data-kind")).containsExactly("EVENT", "LESSON", "LESSON");
        assertThat(browser.findElement(By.cssSelector(".programme")).getText())
                .containsSubsequence("Confirmed", "You have a seat", "You are waiting, number 1");
        check("programme-en");

        browser.get(site + "/events/" + eventId + "/lessons");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#lesson-" + full + " button.release"))).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome"))).getAttribute("data-outcome"))
                .isEqualTo("RELEASED");
        assertThat(browser.findElements(By.cssSelector("#lesson-" + full + " .mine"))).isEmpty();

        // she cancels after the confirmation step, and signs out
        browser.get(registrationUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel-confirm")));
        check("cancel-en");
        browser.findElement(By.id("cancel-confirm")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-status", "CANCELLED"));
        assertThat(browser.findElement(By.id("cancelled")).getText()).isEqualTo("Your registration is cancelled.");
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    @Test
    void aPresenterSubmitsHerPaperUploadsItsSlidesAndWithdrawsAnEarlierOne() throws Exception {
        String email = "huong.do@mndongtam.edu.vn";
        String password = "bao-cao-tham-luan";
        signUp(email, password, "Đỗ Thị Hương");
        String huong = SignIn.accessToken(stack.url(App.IDENTITY), email, password);
        HttpResponse<String> registered = api(huong, "POST", "/api/registrations", """
                {"eventId": "%s", "fullName": "Đỗ Thị Hương", "email": "%s", "phone": "0912345678", "unit": "%s", "category": "TEACHER"}
                """.formatted(eventId, email, UNIT));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String huongRegistration = json.readTree(registered.body()).get("id").asString();
        // an earlier draft, sent as soon as the presentations service knows her registration is confirmed
        String[] earlier = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> sent = api(huong, "POST", "/api/presentations/events/" + eventId + "/papers", """
                    {"title": "Bản thảo: góc thiên nhiên", "abstract": "Bản đầu", "presenters": ["Đỗ Thị Hương"], "requestedMinutes": 15}
                    """);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            earlier[0] = json.readTree(sent.body()).get("id").asString();
        });

        // her papers need the sign-in, which comes back to them
        browser.get(site + "/me/papers");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-papers")));
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/me/papers");
        browser.get(site + "/events/" + eventId);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("submit-paper"))).click();

        // the submission form: her unit is her registration's
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("paper-submit")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(UNIT);
        assertThat(browser.findElement(By.id("presenters")).getAttribute("value")).isEqualTo("Đỗ Thị Hương");
        check("paper-new");
        browser.findElement(By.id("title")).sendKeys("Kinh nghiệm xây dựng lớp học hạnh phúc");
        browser.findElement(By.id("abstractText")).sendKeys("Chia sẻ các hoạt động gợi ý theo tiêu chí lớp học hạnh phúc.");
        browser.findElement(By.id("paper-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outcome[data-outcome=SUBMITTED]")));
        assertThat(browser.findElement(By.id("paper-status")).getAttribute("data-status")).isEqualTo("SUBMITTED");
        assertThat(browser.findElement(By.id("paper-status")).getText()).isEqualTo("Đã gửi, chờ thẩm định");

        // a picture is not slides: refused at the file field, in Vietnamese (the API judges the content)
        Path picture = dataDir.resolve("anh-lop-hoc.pdf");
        Files.write(picture, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0});
        browser.findElement(By.id("material")).sendKeys(picture.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        WebElement fieldError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("material-error")));
        assertThat(fieldError.getText()).startsWith("Chỉ nhận tệp PDF");
        assertThat(browser.findElement(By.id("material")).getAttribute("aria-invalid")).isEqualTo("true");

        // the slides (a 2 MB PDF, above the site's route's default 1 MB): the progress bar fills, then the file is listed
        Path slides = dataDir.resolve("Báo cáo tham luận.pdf");
        byte[] pdf = new byte[2 * 1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        Files.write(slides, pdf);
        browser.findElement(By.id("material")).sendKeys(slides.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#outcome[data-outcome=UPLOADED]")));
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("Báo cáo tham luận.pdf");
        assertThat(browser.findElements(By.cssSelector("#materials .material"))).singleElement()
                .satisfies(m -> assertThat(m.getText()).contains("Báo cáo tham luận.pdf", "KB"));
        check("paper");

        // My programme has both her papers (the event's days until the organiser places them in a session)
        browser.findElement(By.id("nav-programme")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".programme")));
        assertThat(browser.findElements(By.cssSelector(".programme .entry[data-kind=PAPER]"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Kinh nghiệm xây dựng lớp học hạnh phúc"))
                .anySatisfy(text -> assertThat(text).contains("Bản thảo: góc thiên nhiên"));
        check("programme-papers");

        // My papers lists both; she withdraws the earlier draft after the confirmation step
        browser.findElement(By.id("nav-papers")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/me/papers/" + earlier[0] + "']")));
        assertThat(browser.findElements(By.cssSelector("main .card"))).hasSize(2);
        check("papers");
        browser.findElement(By.cssSelector("a[href='/me/papers/" + earlier[0] + "']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("withdraw"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("withdraw-confirm")));
        check("paper-withdraw");
        browser.findElement(By.id("withdraw-confirm")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("paper-status"), "data-status", "WITHDRAWN"));
        assertThat(browser.findElements(By.id("withdraw"))).isEmpty();
        assertThat(browser.findElements(By.id("upload-form"))).isEmpty();

        // she observed a lesson too (booked, marked present by the organiser): its observation form,
        // saved as she scores each criterion, sent to the observations service once whole
        awaitObserver(huongRegistration);
        HttpResponse<String> seat = api(huong, "POST", "/api/observations/lessons/" + discovery + "/bookings",
                "{\"registrationId\": \"" + huongRegistration + "\"}");
        assertThat(seat.statusCode()).as(seat.body()).isEqualTo(201);
        HttpResponse<String> present = api(admin, "POST", "/api/observations/lessons/" + discovery + "/attendance",
                "{\"registrationIds\": [\"" + huongRegistration + "\"]}");
        assertThat(present.statusCode()).as(present.body()).isEqualTo(200);
        browser.get(site + "/events/" + eventId + "/lessons");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#lesson-" + discovery + " a.observation-form"))).click();
        List<WebElement> criteria = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("fieldset.criterion")));
        assertThat(criteria).hasSizeGreaterThan(1);
        check("observation-form");
        criteria.get(0).findElement(By.cssSelector("input[value='4']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("form-status"), "data-state", "DRAFT"));
        for (WebElement criterion : criteria.subList(1, criteria.size())) {
            criterion.findElement(By.cssSelector("input[value='5']")).click();
        }
        wait.until(ExpectedConditions.attributeToBe(By.id("form-status"), "data-state", "SENT"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-status"), "Đã gửi phiếu"));
        HttpResponse<String> kept = api(huong, "GET", "/api/observations/lessons/" + discovery + "/forms/" + huongRegistration, null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        JsonNode scores = json.readTree(kept.body()).get("scores");
        assertThat(scores.size()).isEqualTo(criteria.size());
        assertThat(scores.get(criteria.get(0).getAttribute("data-criterion")).asInt()).isEqualTo(4);
    }

    /** axe-core in the page: no serious or critical violation; then a screenshot at 390x844 (Journeys). */
    private void check(String page) throws IOException {
        Journeys.check(browser, page);
    }

    private void assertImagesLoaded() {
        List<WebElement> images = browser.findElements(By.tagName("img"));
        assertThat(images).isNotEmpty();
        for (WebElement image : images) {
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        }
    }

    /**
     * From the identity service's login page: she signs up on its sign-up page, and verifies her address by
     * opening the link in the mail the suite sent her (read from the devstack's inbox), pressing the page's
     * confirmation button if it shows one.
     */
    private void signUpInTheBrowser(String email, String password, String name, String suffix) throws Exception {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/signup']"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("fullName")));
        check("signup" + suffix);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("fullName")).sendKeys(name);
        // her school from the directory (a request until someone above confirms it)
        new Select(browser.findElement(By.id("unitId"))).selectByVisibleText(UNIT);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login?registered"));
        assertThat(emailVerified(email)).isFalse();

        String link = mailedLink(email);
        browser.get(link);
        // the link's page asks the mailbox's owner to choose her password and confirm (a bare GET verifies nothing)
        List<WebElement> confirm = browser.findElements(By.cssSelector("form button[type=submit], form input[type=submit]"));
        if (!confirm.isEmpty()) {
            check("verify-email-confirm" + suffix);
            for (WebElement field : browser.findElements(By.cssSelector("form input[type=password]"))) {
                field.clear();
                field.sendKeys(password);
            }
            confirm.get(0).click();
            // the confirmation answers with the login page; asking the old button whether it is gone can
            // meet Chromium between the two documents, so the address is what is waited for
            wait.until(ExpectedConditions.urlContains("/login?verified"));
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        check("verify-email" + suffix);
        assertThat(emailVerified(email)).as("verified by the mailed link").isTrue();
    }

    /** The verification link in the mail sent to her, once the devstack's inbox has it. */
    private static String mailedLink(String email) {
        URI inbox = URI.create(stack.inboxUrl()).resolve("/api/messages?to=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8));
        String[] link = new String[1];
        // identity's outbox → Kafka → the notifications service → SMTP: a while on a busy machine
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (JsonNode mail : json.readTree(http.send(HttpRequest.newBuilder(inbox).build(), HttpResponse.BodyHandlers.ofString()).body())) {
                link[0] = mail.get("text").asString().lines().map(String::trim)
                        .filter(line -> line.startsWith(stack.url(App.IDENTITY).toString()) && line.contains("token="))
                        .findFirst().orElse(null);
                if (link[0] != null) {
                    return true;
                }
            }
            return false;
        });
        return link[0];
    }

    private static boolean emailVerified(String email) throws Exception {
        HttpResponse<String> user = http.send(HttpRequest.newBuilder(stack.url(App.IDENTITY).resolve("/api/identity/users/" + email))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        return json.readTree(user.body()).get("emailVerified").asBoolean();
    }

    /**
     * The administrator makes her a verified account at the identity service, with her unit of the directory (which
     * the identity service learns from hoithao.units: until then the id is unknown there, 400).
     */
    private static void signUp(String email, String password, String name) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> made = http.send(HttpRequest.newBuilder(stack.url(App.IDENTITY).resolve("/api/identity/accounts"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"email": "%s", "password": "%s", "fullName": "%s", "unitId": "%s"}
                            """.formatted(email, password, name, WalkingSkeletonIT.seededUnitId(UNIT)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        });
    }

    /** An administrator sets her unit (the school she named at sign-up is only a request until then). */
    private static void confirmUnit(String email) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> set = http.send(HttpRequest.newBuilder(stack.url(App.IDENTITY)
                            .resolve("/api/identity/users/" + email + "/unit"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"unitId\": \"" + WalkingSkeletonIT.seededUnitId(UNIT) + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        });
    }

    private static HttpResponse<String> api(String token, String method, String path, String body) throws Exception {
        return Journeys.api(site, token, method, path, body);
    }

    @SuppressWarnings("unused")
    private static JsonNode read(String body) {
        return json.readTree(body);
    }
}
