package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organiser's console in a real browser (Chromium, headless, at a phone's size) against the real jars
 * through the gateway (the stack shared with the other browser journeys, {@link SharedStack}): the Bắc Kạn department's organiser signs in on the identity service's login page and
 * plans the two-day review conference (two venues, the sessions of both days, a session that clashes with
 * the opening refused with the reason naming it), publishes it and opens registration, sets a district
 * office's quota and approval by the organisers, imports a CSV of delegates and sees each row's result
 * (good, duplicate, malformed), approves a selection of two after confirming the number, and finds the
 * event's figures on her dashboard, then puts the event in a programme and reads its review report (page, chart and
 * Word file), and names the teacher of her demonstration lesson, then cancels it. axe-core finds no serious or critical violation on any page;
 * screenshots at 390x844 go to target/screenshots (the dashboard's as organiser-dashboard.png).
 */
class OrganiserJourneyIT {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String UNIT = "Sở GD&ĐT Bắc Kạn";
    static final String TITLE = "Hội nghị sơ kết chuyên đề Bắc Kạn 2027";

    static DevStack stack;
    static URI site;
    static final JsonMapper json = JsonMapper.builder().build();
    static final AtomicInteger shot = new AtomicInteger();

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        site = stack.gatewayUrl();
    }

    @BeforeEach
    void openBrowser() {
        browser = Journeys.browser();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganiserPlansTheReviewConferenceOpensItImportsAndApprovesDelegates(@TempDir Path files) throws Exception {
        try {
            journey(files);
        } catch (Throwable failed) {
            // what the browser showed, for whoever reads the failure
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve("organiser-failure.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            Files.writeString(SHOTS.resolve("organiser-failure.html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw failed;
        }
    }

    private void journey(Path files) throws Exception {
        // the site and the login page answer before the browser goes there (the first pages of cold JVMs are slow)
        HttpResponse<String> console = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Journeys.api(site, null, "GET", "/organiser", null), r -> r.statusCode() == 302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/oauth2/authorization/hoithao"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Journeys.api(stack.url(App.IDENTITY), null, "GET", "/login", null).statusCode() == 200);

        // her console asks for the sign-in: the identity service's login page, then back at the dashboard
        browser.get(site + "/organiser");
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")))
                .sendKeys("organiser@backan.hoithao.local");
        browser.findElement(By.id("password")).sendKeys("organiser-dev-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-event")));
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/organiser");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bảng điều khiển ban tổ chức");
        check("organiser-empty-dashboard");

        // a new event: her unit chosen from the directory, two days
        browser.findElement(By.id("new-event")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-event")));
        assertThat(new Select(browser.findElement(By.id("organiserUnitId"))).getFirstSelectedOption().getText()).isEqualTo(UNIT);
        assertThat(new Select(browser.findElement(By.id("organiserUnitId"))).getOptions()).extracting(WebElement::getText)
                .contains("Phòng GD&ĐT Chợ Mới", "Trường Mầm non Đồng Tâm");
        check("organiser-event-form");
        type("title", TITLE);
        new Select(browser.findElement(By.id("kind"))).selectByValue("CONFERENCE");
        new Select(browser.findElement(By.id("level"))).selectByValue("PROVINCE");
        value("startDate", "2027-11-15");
        value("endDate", "2027-11-16");
        WebElement capacity = browser.findElement(By.id("capacity"));
        capacity.clear();
        capacity.sendKeys("120");
        type("officialName-0", "Nguyễn Văn An");
        type("officialPosition-0", "Giám đốc Sở");
        go("save-event");
        WebElement done = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(done.getAttribute("data-done")).isEqualTo("created");
        String plan = browser.getCurrentUrl().replaceAll("\\?.*$", "");
        String eventId = plan.replaceAll(".*/events/([^/]+)/plan$", "$1");

        // two venues: the department's hall and the host school with its classrooms
        addVenue("Hội trường Sở GD&ĐT Bắc Kạn", "HALL", "Phường Đức Xuân, TP Bắc Kạn", "");
        addVenue("Trường Mầm non Đồng Tâm", "HOST_SCHOOL", "Chợ Mới, Bắc Kạn", "A1, A2");
        assertThat(browser.findElements(By.cssSelector(".venue"))).hasSize(2);
        check("organiser-venues");

        // the sessions of both days
        addSession("OPENING", "Khai mạc hội nghị", "2027-11-15", "07:30", "08:00", "Hội trường Sở GD&ĐT Bắc Kạn", "");
        addSession("PLENARY", "Báo cáo sơ kết chuyên đề", "2027-11-15", "08:00", "09:30", "Hội trường Sở GD&ĐT Bắc Kạn", "");
        addSession("DEMONSTRATION_LESSON", "Dự giờ: Bé khám phá nước", "2027-11-16", "08:30", "09:15", "Trường Mầm non Đồng Tâm", "A1");
        addSession("CLOSING", "Bế mạc", "2027-11-16", "15:00", "16:00", "Hội trường Sở GD&ĐT Bắc Kạn", "");
        assertThat(browser.findElements(By.cssSelector(".day"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector(".session"))).hasSize(4);

        // one that overlaps the opening in the hall: refused, the reason naming the opening, what she typed kept
        fillSession("PLENARY", "Phát biểu chỉ đạo", "2027-11-15", "07:40", "07:55", "Hội trường Sở GD&ĐT Bắc Kạn", "");
        go("add-session");
        WebElement clash = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-problem=session-clash]")));
        assertThat(clash.getText()).contains("trùng địa điểm và giờ", "Khai mạc hội nghị", "07:30–08:00");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Phát biểu chỉ đạo");
        assertThat(browser.findElements(By.cssSelector(".session"))).hasSize(4);
        check("organiser-clash");

        // published, then registration opened, each after its confirmation
        step(eventId, "publish", "PUBLISHED");
        step(eventId, "open", "REGISTRATION_OPEN");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> seats = Journeys.api(site, null, "GET", "/api/registrations/events/" + eventId, null);
            assertThat(seats.statusCode()).isEqualTo(200);
            assertThat(json.readTree(seats.body()).get("registrationOpen").asBoolean()).isTrue();
        });

        // a quota for the Chợ Mới office, and every registration approved by the organisers
        browser.get(site + "/organiser/events/" + eventId + "/delegates");
        // the unit chosen from the directory by its name; the quota is sent with its id
        new Select(browser.findElement(By.id("quotaUnit-0"))).selectByVisibleText("Phòng GD&ĐT Chợ Mới");
        type("quotaSeats-0", "2");
        go("save-quotas");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getAttribute("data-done")).isEqualTo("quotas");
        assertThat(new Select(browser.findElement(By.id("quotaUnit-0"))).getFirstSelectedOption().getText()).isEqualTo("Phòng GD&ĐT Chợ Mới");
        assertThat(browser.findElement(By.id("quotaUnit-0")).getDomProperty("value")).isEqualTo(WalkingSkeletonIT.seededUnitId("Phòng GD&ĐT Chợ Mới"));
        assertThat(browser.findElement(By.id("quotaSeats-0")).getDomProperty("value")).isEqualTo("2");
        click("approval-on");
        go("save-approval");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getAttribute("data-done")).isEqualTo("approval");
        assertThat(browser.findElement(By.id("approval-on")).isSelected()).isTrue();
        check("organiser-delegates");

        // a CSV of four people, one of them twice, and a broken row
        Path csv = files.resolve("dai-bieu.csv");
        // (units by their directory id, column unitId; the Chợ Mới office's rows take the import's default unit)
        String school = WalkingSkeletonIT.seededUnitId("Trường Mầm non Đồng Tâm");
        Files.writeString(csv, """
                fullName,email,phone,category,unitId
                Nguyễn Thị Hoà,hoa.nguyen@mndongtam.edu.vn,0912345678,TEACHER,%1$s
                Hà Thị Mai,mai.ha@pgdchomoi.edu.vn,0912345679,MANAGER,
                Lý Văn Tú,tu.ly@pgdchomoi.edu.vn,0912345680,TEACHER,
                Nguyễn Thị Hoà,hoa.nguyen@mndongtam.edu.vn,0912345678,TEACHER,%1$s
                Dòng hỏng,thieu-cot@example.vn
                """.formatted(school), StandardCharsets.UTF_8);
        go("import-link");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file"))).sendKeys(csv.toAbsolutePath().toString());
        new Select(browser.findElement(By.id("unit"))).selectByVisibleText("Phòng GD&ĐT Chợ Mới");
        check("organiser-import");
        // the page's script sends the file, shows the upload's progress, then puts the rows' results in place
        click("import-submit");
        wait.until(ExpectedConditions.attributeToBe(By.id("import-form"), "data-import", "done"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
        List<String> results = browser.findElements(By.cssSelector("#import-rows tbody tr")).stream()
                .map(row -> row.getAttribute("data-result")).toList();
        assertThat(results).containsExactly("good", "good", "good", "duplicate", "malformed");
        assertThat(browser.findElement(By.id("import-summary")).getText()).startsWith("5 dòng");
        assertThat(browser.findElement(By.cssSelector("#import-rows tbody tr:nth-child(4)")).getText()).contains("Trùng");
        assertThat(browser.findElement(By.id("import-download")).getAttribute("href")).endsWith("/imports/last.csv");
        check("organiser-import-result");

        // the queue: three awaiting approval; two of them approved together after the number is confirmed
        browser.get(site + "/organiser/events/" + eventId + "/delegates?status=AWAITING_APPROVAL");
        List<WebElement> boxes = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#delegates input[name=ids]"), 3));
        boxes.get(0).click();
        boxes.get(1).click();
        check("organiser-queue");
        go("approve-selected");
        WebElement count = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count")));
        assertThat(count.getAttribute("data-count")).isEqualTo("2");
        assertThat(count.getText()).isEqualTo("Bạn sắp duyệt 2 đăng ký. Xác nhận?");
        check("organiser-approve-confirm");
        go("confirm");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(2)
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).isIn("CONFIRMED", "WAITLISTED"));
        check("organiser-approved");

        // the search ignores diacritics
        browser.get(site + "/organiser/events/" + eventId + "/delegates?q=ly%20van%20tu");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delegates"))).getText()).contains("Lý Văn Tú")
                .doesNotContain("Hà Thị Mai");

        // the dashboard: her event with its figures; one left awaiting approval is on her list
        browser.get(site + "/organiser");
        WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card[data-event='" + eventId + "']")));
        assertThat(card.findElement(By.cssSelector(".awaiting")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".todo-item[data-action=awaiting][data-event='" + eventId + "']")).getText())
                .isEqualTo("1 đăng ký chờ duyệt: " + TITLE);
        check("organiser-dashboard");
        Files.copy(SHOTS.resolve("%02d-%s.png".formatted(shot.get(), "organiser-dashboard")), SHOTS.resolve("organiser-dashboard.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        // the event's overview, with its chart drawn
        browser.get(site + "/organiser/events/" + eventId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("event-status")));
        assertThat(browser.findElement(By.id("event-status")).getAttribute("data-status")).isEqualTo("REGISTRATION_OPEN");
        assertThat(browser.findElement(By.id("awaiting")).getText()).isEqualTo("1");
        wait.until(d -> "true".equals(d.findElement(By.id("attendance-chart")).getDomAttribute("data-drawn")));
        check("organiser-event");

        reviewReport(eventId);
        lesson(eventId);
    }

    /**
     * The demonstration lesson she planned as a session, on the lessons tab: flagged without a teacher, a number of
     * seats the lesson cannot have and its missing details refused in words on their fields, then a teacher, the class,
     * the activity and twelve seats saved, and at last
     * cancelled once the page has said whom it touches.
     */
    private void lesson(String eventId) throws Exception {
        String lessons = site + "/organiser/events/" + eventId + "/lessons";
        WebElement card = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.get(lessons);
            List<WebElement> cards = browser.findElements(By.cssSelector(".card[data-lesson]"));
            return cards.isEmpty() ? null : cards.get(0);
        }, java.util.Objects::nonNull);
        String lessonId = card.getDomAttribute("data-lesson");
        assertThat(card.getText()).contains("Bé khám phá nước", "Chưa có giáo viên dạy.");
        check("organiser-lessons");

        go("edit-lesson-" + lessonId);
        type("seats", "0");
        go("save-lesson");
        WebElement seats = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("seats")));
        assertThat(seats.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("lesson-edit-form")).getText()).doesNotContain("must be", "seats:");
        check("organiser-lesson-refused");
        assertThat(browser.findElement(By.id("lesson-edit-form")).getText()).contains("Mời nhập lớp.", "Mời nhập hoạt động.");
        type("seats", "12");
        type("teacher", "Hoàng Thị Lan");
        type("className", "Lớp Mẫu giáo lớn A1");
        type("activity", "Khám phá khoa học: nước quanh bé");
        type("developmentalArea", "Phát triển nhận thức");
        go("save-lesson");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-done"))).getDomAttribute("data-done"))
                .isEqualTo("updated");
        assertThat(browser.findElement(By.id("lesson-" + lessonId)).getText())
                .contains("Giáo viên dạy: Hoàng Thị Lan", "Đã đặt 0/12 chỗ").doesNotContain("Chưa có giáo viên dạy.");

        go("cancel-lesson-" + lessonId);
        WebElement affected = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-affected")));
        assertThat(affected.getDomAttribute("data-booked")).isEqualTo("0");
        assertThat(affected.getDomAttribute("data-waiting")).isEqualTo("0");
        check("organiser-lesson-cancel");
        type("lesson-cancel-reason", "Trường mất điện, tiết dạy chuyển sang đợt sau");
        go("confirm-lesson-cancel");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lesson-done"))).getDomAttribute("data-done"))
                .isEqualTo("cancelled");
        WebElement cancelled = browser.findElement(By.id("lesson-" + lessonId));
        assertThat(cancelled.getText()).contains("Đã huỷ");
        assertThat(cancelled.findElements(By.id("edit-lesson-" + lessonId))).isEmpty();
        check("organiser-lesson-cancelled");
    }

    /**
     * Her event joins a programme of two phases with a province model site in the second: the review report's
     * page shows the event, the model sites against the previous phase with their chart, and its Word file opens.
     */
    private void reviewReport(String eventId) throws Exception {
        String token = SignIn.accessToken(stack.url(App.IDENTITY), "organiser@backan.hoithao.local", "organiser-dev-password");
        HttpResponse<String> created = Journeys.api(site, token, "POST", "/api/events/programmes", """
                {"name": "Nâng cao chất lượng giáo dục mầm non vùng khó khăn",
                 "phases": [{"name": "2021–2025", "fromYear": 2021, "toYear": 2025},
                            {"name": "2026–2030", "fromYear": 2026, "toYear": 2030}]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String programmeId = json.readTree(created.body()).get("id").asString();
        String department = SeededUnits.id(site, UNIT);
        String dongTam = SeededUnits.id(site, "Trường Mầm non Đồng Tâm");
        HttpResponse<String> site2 = Journeys.api(site, token, "POST", "/api/events/units/" + dongTam + "/model-sites",
                "{\"programmeId\": \"%s\", \"phase\": \"2026–2030\", \"level\": \"PROVINCE\"}".formatted(programmeId));
        assertThat(site2.statusCode()).as(site2.body()).isEqualTo(200);
        HttpResponse<String> joined = Journeys.api(site, token, "PATCH", "/api/events/" + eventId,
                "{\"programmeId\": \"%s\"}".formatted(programmeId));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        // the reports service learns all of it from the topics
        String report = "/api/reports/programmes/" + programmeId + "/units/" + department + "?phase="
                + java.net.URLEncoder.encode("2026–2030", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> answer = Journeys.api(site, token, "GET", report, null);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(json.readTree(answer.body()).get("events").toString()).contains(eventId);
            assertThat(json.readTree(answer.body()).get("modelSites").toString()).contains("\"change\":\"+1\"");
        });

        browser.get(site + "/organiser/reports?programme=" + programmeId);
        WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-title")));
        assertThat(title.getText()).contains("Nâng cao chất lượng giáo dục mầm non vùng khó khăn", "2026–2030", UNIT);
        assertThat(browser.findElement(By.id("participation")).getText()).matches("\\d+ / \\d+");
        assertThat(browser.findElement(By.id("report-events")).getText()).contains(TITLE);
        assertThat(browser.findElement(By.id("model-sites")).getText()).contains("+1");
        wait.until(d -> "true".equals(d.findElement(By.id("model-sites-chart")).getDomAttribute("data-drawn")));
        check("organiser-report");

        // the Word file, fetched as the browser would with her session: a DOCX naming the programme
        String docx = browser.findElement(By.id("report-docx")).getDomAttribute("href");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(site.resolve(docx)).header("Cookie", cookies).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("wordprocessingml"));
        String document = null;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(file.body()))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(document).as("word/document.xml").isNotNull().contains("Nâng cao chất lượng giáo dục mầm non vùng khó khăn", TITLE);
    }

    private void addVenue(String name, String kind, String address, String classrooms) throws Exception {
        browser.findElement(By.cssSelector("#venues summary")).click();
        type("name", name);
        new Select(browser.findElement(By.id("venue-kind"))).selectByValue(kind);
        type("address", address);
        type("classrooms", classrooms);
        go("add-venue");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getAttribute("data-done")).isEqualTo("venue");
    }

    private void addSession(String type, String title, String day, String start, String end, String venue, String classroom) {
        fillSession(type, title, day, start, end, venue, classroom);
        go("add-session");
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done"))).getAttribute("data-done")).isEqualTo("session");
    }

    private void fillSession(String type, String title, String day, String start, String end, String venue, String classroom) {
        new Select(browser.findElement(By.id("type"))).selectByValue(type);
        WebElement field = browser.findElement(By.id("title"));
        field.clear();
        field.sendKeys(title);
        new Select(browser.findElement(By.id("date"))).selectByValue(day);
        value("start", start);
        value("end", end);
        new Select(browser.findElement(By.id("venueId"))).selectByVisibleText(venue);
        WebElement room = browser.findElement(By.id("classroom"));
        room.clear();
        if (!classroom.isEmpty()) {
            room.sendKeys(classroom);
        }
    }

    /** A lifecycle step from the overview's button, through its confirmation page. */
    private void step(String eventId, String step, String status) throws Exception {
        browser.get(site + "/organiser/events/" + eventId);
        go("step-" + step);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        check("organiser-step-" + step);
        go("confirm");
        WebElement shown = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("event-status")));
        assertThat(shown.getAttribute("data-status")).isEqualTo(status);
        assertThat(browser.findElement(By.id("done")).getAttribute("data-done")).isEqualTo(step);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    /** Date and time fields take their value as the page's script would: the keyboard's format is the browser's locale's. */
    private void value(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), value);
    }

    /** Clicks what leaves the page (a link, a form's button) and waits for the next page to replace it. */
    private void go(String id) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(id);
        wait.until(ExpectedConditions.stalenessOf(page));
    }

    private void click(String id) {
        Journeys.press(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))));
    }

    private void check(String page) throws Exception {
        Journeys.check(browser, page, SHOTS.resolve("%02d-%s.png".formatted(shot.incrementAndGet(), page)));
    }
}
