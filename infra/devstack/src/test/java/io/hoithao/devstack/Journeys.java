package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser journeys share: Debian's Chromium, headless, through its chromedriver (no browser
 * download) at a phone's size and in Vietnamese; axe-core (vendored, src/test/resources/axe) run in a
 * page, failing on any serious or critical violation, then a screenshot; the APIs called through the
 * gateway with a token.
 */
final class Journeys {

    static final Path SHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AXE = readAxe();

    private Journeys() {
    }

    /**
     * Chromium at 390x844, as a phone, preferring Vietnamese; {@code arguments} are Chromium's switches beyond the
     * usual ones (a fake camera, say).
     */
    static ChromeDriver browser(String... arguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=390,844", "--lang=vi-VN");
        options.addArguments(arguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        // a phone's viewport (headless Chromium keeps windows at least 500 pixels wide)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        return browser;
    }

    /**
     * Presses what a person would press, once the page has stopped moving: a page that opens at a fragment
     * ({@code #lesson-...}) scrolls after it has loaded, and a click aimed at a button's old place lands on
     * whatever has moved under it. Waits until the document is complete and the element's place is the same in
     * two readings a quarter of a second apart, brings it to the middle of the screen, then clicks.
     */
    static void press(ChromeDriver browser, WebElement element) {
        JavascriptExecutor js = browser;
        String place = "return document.readyState === 'complete' ? window.scrollY + ':' + JSON.stringify(arguments[0].getBoundingClientRect()) : null;";
        String[] last = {null};
        new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(250)).until(d -> {
            Object now = js.executeScript(place, element);
            boolean still = now != null && now.equals(last[0]);
            last[0] = now == null ? null : now.toString();
            return still;
        });
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** axe-core in the page: no serious or critical violation; then the next numbered screenshot in {@link #SHOTS}. */
    static void check(ChromeDriver browser, String page) throws IOException {
        check(browser, page, SHOTS.resolve("%02d-%s.png".formatted(SHOT.incrementAndGet(), page)));
    }

    /** axe-core in the page: no serious or critical violation; then a screenshot to {@code png}. */
    static void check(ChromeDriver browser, String page, Path png) throws IOException {
        JavascriptExecutor js = browser;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })));
                }).catch(function (e) { done('error: ' + e); });
                """);
        assertThat(String.valueOf(result)).as("axe-core on " + page + " (" + browser.getCurrentUrl() + ")").isEqualTo("[]");
        // phone-sized first: nothing makes the page wider than the screen (a phone would zoom out or pan sideways,
        // and a tap would land beside what she meant)
        Object overflow = js.executeScript("""
                var width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *'))
                  .filter(function (e) {
                    var r = e.getBoundingClientRect();
                    if (r.width === 0 || r.right <= width + 1) { return false; }
                    // inside something that scrolls or clips sideways of its own (a table's wrapper), it is not the page
                    for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                      if (getComputedStyle(a).overflowX !== 'visible') { return false; }
                    }
                    return true;
                  })
                  .slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className ? '.' + String(e.className).split(' ').join('.') : ''); }).join(', ');
                """);
        assertThat(String.valueOf(overflow)).as("what is wider than the screen on " + page + " (" + browser.getCurrentUrl() + ")").isEmpty();
        Files.createDirectories(png.getParent());
        Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
    }

    /** An API call through the gateway at {@code site}, with the token when there is one. */
    static HttpResponse<String> api(URI site, String token, String method, String path, String body) throws Exception {
        return Calls.send(HTTP, site, Duration.ofSeconds(15), token, method, path, body);
    }

    private static String readAxe() {
        try (InputStream axe = Journeys.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
