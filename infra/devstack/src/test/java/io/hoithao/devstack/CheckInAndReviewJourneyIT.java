package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check-in at the door and the review of papers, in Chromium against the real jars (the stack and browser
 * set-up shared with WebJourneyIT: {@link SharedStack}, {@link Journeys}). The organiser of the event's unit
 * signs in on the identity service's login page and, on a phone-sized page, checks a delegate in by her typed
 * code (a second time: "already checked in at" the first time), another by the QR code of her badge shown to
 * Chromium's fake camera (a video file made here with ZXing; the camera sees it again and the page says
 * "already checked in"), finds a third by her name typed without diacritics, and checks a fourth in while the
 * browser is offline (DevTools network conditions): the check-in waits in the browser, the page counts it,
 * and once the connection is back it is sent and recorded once. A reviewer scores a paper on her desk; the
 * organiser sees the score on the event's review page, accepts the paper and places it in a session. axe-core
 * finds no serious or critical violation on any page; screenshots at 390x844 in target/screenshots.
 */
class CheckInAndReviewJourneyIT {

    static final String UNIT = "Trường Mầm non Đồng Tâm";
    static final String DAY = "2027-11-15";

    @TempDir
    static Path files;

    static DevStack stack;
    static URI site;
    static String admin;
    static String eventId;
    static String sessionId;
    static String paperId;
    /** Confirmation codes: typed, scanned, searched for, and checked in offline. */
    static String typed;
    static String scanned;
    static String searched;
    static String offline;

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
                {"title": "Hội nghị sơ kết chuyên đề giáo dục mầm non tỉnh Bắc Kạn", "kind": "CONFERENCE", "level": "PROVINCE",
                 "organiserUnit": "Sở GD&ĐT Bắc Kạn", "startDate": "2027-11-15", "endDate": "2027-11-16", "capacity": 40}
                """);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        eventId = read(created.body()).get("id").asString();
        HttpResponse<String> hall = api(admin, "POST", "/api/events/" + eventId + "/venues", """
                {"name": "Hội trường Sở GD&ĐT Bắc Kạn", "kind": "HALL", "address": "Phường Đức Xuân, Bắc Kạn"}
                """);
        assertThat(hall.statusCode()).as(hall.body()).isEqualTo(201);
        // the answer is the event, with its venues
        String venueId = read(hall.body()).get("venues").get(0).get("id").asString();
        assertThat(api(admin, "POST", "/api/events/" + eventId + "/publish", null).statusCode()).isEqualTo(200);
        assertThat(api(admin, "POST", "/api/events/" + eventId + "/registration/open", null).statusCode()).isEqualTo(200);
        // the presentation session, once published, so the presentations service learns it after the event
        HttpResponse<String> session = api(admin, "POST", "/api/events/" + eventId + "/sessions", """
                {"type": "PRESENTATION", "title": "Tham luận của các đơn vị", "date": "2027-11-15", "start": "09:00", "end": "10:30",
                 "venueId": "%s"}
                """.formatted(venueId));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        sessionId = read(session.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = api(null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(read(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });

        String hoa = delegate("hoa.nguyen@mndongtam.edu.vn", "Nguyễn Thị Hoà");
        typed = register(hoa, "hoa.nguyen@mndongtam.edu.vn", "Nguyễn Thị Hoà");
        String lan = delegate("lan.tran@mndongtam.edu.vn", "Trần Thị Lan");
        scanned = register(lan, "lan.tran@mndongtam.edu.vn", "Trần Thị Lan");
        searched = register(delegate("duc.dang@mndongtam.edu.vn", "Đặng Văn Đức"), "duc.dang@mndongtam.edu.vn", "Đặng Văn Đức");
        offline = register(delegate("mai.le@mndongtam.edu.vn", "Lê Thị Mai"), "mai.le@mndongtam.edu.vn", "Lê Thị Mai");

        // the call for papers, once the presentations service knows the event; Hoà submits her unit's paper
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api(null, "GET", "/api/presentations/events/" + eventId, null).statusCode()).isEqualTo(200));
        HttpResponse<String> call = api(admin, "PUT", "/api/presentations/events/" + eventId + "/call-for-papers", """
                {"opensAt": "2026-01-01T00:00:00+07:00", "closesAt": "2027-11-01T00:00:00+07:00", "maxMinutes": 30}
                """);
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        String[] paper = new String[1];
        // the presentations service learns of her confirmed registration from Kafka
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> submitted = api(hoa, "POST", "/api/presentations/events/" + eventId + "/papers", """
                    {"title": "Xây dựng góc thiên nhiên cho trẻ mẫu giáo", "abstract": "Kinh nghiệm của trường trong hai năm học.",
                     "presenters": ["Nguyễn Thị Hoà"], "requestedMinutes": 20}
                    """);
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            paper[0] = read(submitted.body()).get("id").asString();
        });
        paperId = paper[0];
        // placing needs the session in the presentations service, from the events topic
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api(admin, "GET", "/api/presentations/events/" + eventId + "/sessions", null).body()).contains(sessionId));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String... arguments) {
        browser = Journeys.browser(arguments);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Test
    void theOrganiserChecksDelegatesInByCodeByQrCodeByNameAndOffline() throws Exception {
        Path video = qrVideo(scanned);
        open("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video.toAbsolutePath());
        signIn("/checkin", "organiser@backan.hoithao.local", "organiser-dev-password");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkin-events-title")));
        Journeys.check(browser, "checkin-events");
        browser.findElement(By.cssSelector("a[data-event='" + eventId + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        assertThat(new Select(browser.findElement(By.id("day"))).getFirstSelectedOption().getDomProperty("value")).isEqualTo(DAY);
        Journeys.check(browser, "checkin");

        // typed: name and unit at once; the second time, when she was checked in first
        type(typed);
        WebElement result = awaitResult("done");
        assertThat(result.getText()).contains("Nguyễn Thị Hoà", UNIT, "Điểm danh thành công lúc ");
        String time = result.findElement(By.className("checkin-message")).getText().replaceAll("\\D*(\\d\\d:\\d\\d)\\D*", "$1");
        type(typed.toLowerCase());
        assertThat(awaitResult("already").getText()).contains("Nguyễn Thị Hoà", "Đã điểm danh rồi, lúc " + time + ".");
        Journeys.check(browser, "checkin-already");

        // the badge's QR code before the (fake) camera: checked in; the camera still sees it, so a few seconds
        // later it is scanned again and the page says she was already checked in
        browser.findElement(By.id("camera-start")).click();
        WebElement byCamera = wait.withTimeout(Duration.ofSeconds(60)).until(d -> {
            WebElement r = d.findElement(By.id("checkin-result"));
            return r.getText().contains("Trần Thị Lan") && "done".equals(r.getDomAttribute("data-kind")) ? r : null;
        });
        assertThat(byCamera.getText()).contains(UNIT);
        wait.withTimeout(Duration.ofSeconds(60)).until(d -> {
            WebElement r = d.findElement(By.id("checkin-result"));
            return r.getText().contains("Trần Thị Lan") && r.getText().contains("Đã điểm danh rồi, lúc");
        });
        browser.findElement(By.id("camera-stop")).click();
        assertThat(checkIns(scanned)).containsExactly(DAY);

        // by name, typed without diacritics
        browser.findElement(By.id("q")).sendKeys("dang van duc");
        browser.findElement(By.id("search-submit")).click();
        WebElement match = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matches li[data-code='" + searched + "']")));
        assertThat(match.getText()).contains("Đặng Văn Đức", "Chưa điểm danh");
        Journeys.check(browser, "checkin-search");
        match.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(awaitResult("done").getText()).contains("Đặng Văn Đức");

        // offline: the check-in waits in the browser, counted on the page, and nothing reaches the service
        ChromiumNetworkConditions off = new ChromiumNetworkConditions();
        off.setOffline(true);
        browser.setNetworkConditions(off);
        type(offline);
        assertThat(awaitResult("queued").getText()).contains(offline);
        WebElement queue = browser.findElement(By.id("checkin-queue"));
        wait.until(d -> "1".equals(queue.getDomAttribute("data-count")));
        assertThat(queue.getText()).isEqualTo("Chờ gửi khi có mạng: 1");
        Journeys.check(browser, "checkin-offline");
        assertThat(checkIns(offline)).isEmpty();

        // back online: sent once, the queue empties, her name shows
        browser.deleteNetworkConditions();
        WebElement sent = wait.withTimeout(Duration.ofSeconds(60)).until(d -> {
            WebElement r = d.findElement(By.id("checkin-result"));
            return r.getText().contains("Lê Thị Mai") ? r : null;
        });
        assertThat(sent.getDomAttribute("data-kind")).isEqualTo("done");
        wait.until(d -> "0".equals(d.findElement(By.id("checkin-queue")).getDomAttribute("data-count")));
        assertThat(browser.executeScript("return window.localStorage.getItem('hoithao.checkin.queue." + eventId + "')")).isEqualTo("[]");
        assertThat(checkIns(offline)).containsExactly(DAY);
        // recorded once: the event's attendance counts the four of them on the day
        JsonNode attendance = read(api(admin, "GET", "/api/registrations/events/" + eventId + "/attendance", null).body());
        assertThat(attendance.get("days").get(0).get("day").asString()).isEqualTo(DAY);
        assertThat(attendance.get("days").get(0).get("attended").asInt()).isEqualTo(4);
    }

    @Test
    void aReviewerScoresAPaperAndTheOrganiserAcceptsAndPlacesIt() throws Exception {
        open();
        signIn("/review", "reviewer@hoithao.local", "reviewer-dev-password");
        WebElement onDesk = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#to-review li[data-paper='" + paperId + "']")));
        assertThat(onDesk.getText()).contains("Xây dựng góc thiên nhiên cho trẻ mẫu giáo", UNIT);
        Journeys.check(browser, "review-desk");
        onDesk.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-form")));
        Journeys.check(browser, "review-paper");
        browser.findElement(By.id("score-8")).click();
        browser.findElement(By.id("comment")).sendKeys("Nhiều kinh nghiệm thực tế, trình bày rõ ràng.");
        browser.findElement(By.id("review-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
        assertThat(browser.findElement(By.id("my-review")).getText()).contains("Điểm của bạn: 8/10", "Nhiều kinh nghiệm thực tế");
        assertThat(browser.findElements(By.id("review-form"))).isEmpty();
        browser.quit();

        open();
        signIn("/review", "organiser@backan.hoithao.local", "organiser-dev-password");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-event='" + eventId + "']"))).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("paper-" + paperId)));
        assertThat(row.getText()).contains("Xây dựng góc thiên nhiên cho trẻ mẫu giáo", "8", "Hội đồng đánh giá");
        Journeys.check(browser, "review-event");
        new Select(browser.findElement(By.id("decision-" + paperId))).selectByValue("ACCEPTED");
        browser.findElement(By.id("decision-comment-" + paperId)).sendKeys("Mời trình bày tại phiên tham luận");
        browser.findElement(By.id("decide-" + paperId)).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("outcome"), "data-outcome", "ACCEPTED"));
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-" + paperId)))).selectByValue(sessionId);
        browser.findElement(By.id("place-" + paperId)).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("outcome"), "data-outcome", "PLACED"));
        assertThat(browser.findElement(By.id("paper-" + paperId)).getText()).contains("Tham luận của các đơn vị");
        Journeys.check(browser, "review-placed");

        JsonNode placed = read(api(admin, "GET", "/api/presentations/events/" + eventId + "/sessions/" + sessionId + "/papers", null).body());
        assertThat(placed.get("papers").get(0).get("paperId").asString()).isEqualTo(paperId);
    }

    /** The site's page, through the identity service's login page. */
    private void signIn(String path, String email, String password) {
        browser.get(site + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(site + path));
    }

    private void type(String code) {
        WebElement field = browser.findElement(By.id("code"));
        field.clear();
        field.sendKeys(code);
        browser.findElement(By.id("code-submit")).click();
    }

    /** The answer box once it shows an answer of this kind. */
    private WebElement awaitResult(String kind) {
        return wait.until(d -> {
            WebElement r = d.findElement(By.id("checkin-result"));
            return kind.equals(r.getDomAttribute("data-kind")) ? r : null;
        });
    }

    /**
     * A Y4M video (what Chromium's fake camera plays, in a loop) of the badge's QR code, drawn by ZXing on a white
     * 640x480 picture, one frame repeated for a second.
     */
    private static Path qrVideo(String code) throws Exception {
        int width = 640;
        int height = 480;
        BitMatrix qr = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 360, 360, Map.of(EncodeHintType.MARGIN, 4));
        byte[] luma = new byte[width * height];
        Arrays.fill(luma, (byte) 235);
        int left = (width - qr.getWidth()) / 2;
        int top = (height - qr.getHeight()) / 2;
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    luma[(top + y) * width + left + x] = 16;
                }
            }
        }
        byte[] chroma = new byte[(width / 2) * (height / 2)];
        Arrays.fill(chroma, (byte) 128);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n".formatted(width, height).getBytes(StandardCharsets.US_ASCII));
        for (int frame = 0; frame < 10; frame++) {
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(luma);
            out.write(chroma);
            out.write(chroma);
        }
        Path video = files.resolve("badge-qr.y4m");
        Files.write(video, out.toByteArray());
        return video;
    }

    /** The days she was checked in, as the registrations service keeps them. */
    private static java.util.List<String> checkIns(String code) throws Exception {
        HttpResponse<String> found = api(admin, "GET", "/api/registrations/codes/" + code, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        java.util.List<String> days = new java.util.ArrayList<>();
        JsonNode list = read(found.body()).get("checkIns");
        if (list != null) {
            list.forEach(d -> days.add(d.asString()));
        }
        return days;
    }

    /** The administrator makes her a verified account with her unit; her token. */
    private static String delegate(String email, String name) throws Exception {
        // her unit by its id in the seeded directory, which the identity service learns from hoithao.units (400 until then)
        HttpRequest make = HttpRequest.newBuilder(stack.url(App.IDENTITY).resolve("/api/identity/accounts"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "password": "mot-ngay-hoi-thao", "fullName": "%s", "unitId": "%s"}
                        """.formatted(email, name, WalkingSkeletonIT.seededUnitId(UNIT)))).build();
        HttpResponse<String> made = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.send(make, HttpResponse.BodyHandlers.ofString()), answer -> answer.statusCode() != 400);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return SignIn.accessToken(stack.url(App.IDENTITY), email, "mot-ngay-hoi-thao");
    }

    /** She registers herself; her confirmation code. */
    private static String register(String token, String email, String name) throws Exception {
        HttpResponse<String> registered = api(token, "POST", "/api/registrations", """
                {"eventId": "%s", "fullName": "%s", "email": "%s", "phone": "0987654321", "unit": "%s", "unitId": "%s",
                 "category": "TEACHER"}
                """.formatted(eventId, name, email, UNIT, WalkingSkeletonIT.seededUnitId(UNIT)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = read(registered.body());
        assertThat(body.get("status").asString()).isEqualTo("CONFIRMED");
        return body.get("confirmationCode").asString();
    }

    private static HttpResponse<String> api(String token, String method, String path, String body) throws Exception {
        return Calls.send(http, site, Duration.ofSeconds(15), token, method, path, body);
    }

    private static JsonNode read(String body) {
        return json.readTree(body);
    }
}
