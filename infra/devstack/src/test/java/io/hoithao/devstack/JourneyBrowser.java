package io.hoithao.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the journeys: Debian's Chromium, headless, through its chromedriver (no browser download),
 * at a phone's size (390x844) in Vietnamese; and the check each page gets: axe-core (vendored,
 * src/test/resources/axe) finds no serious or critical violation, then a screenshot in target/screenshots.
 */
final class JourneyBrowser {

    static final Path SHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger shot = new AtomicInteger();
    private static String axeSource;

    private JourneyBrowser() {
    }

    /** A new browser; {@code arguments} are Chromium's switches beyond the usual ones (a fake camera, say). */
    static ChromeDriver open(String... arguments) {
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

    /** axe-core in the page: no serious or critical violation; then a screenshot at 390x844. */
    static void check(ChromeDriver browser, String page) throws IOException {
        JavascriptExecutor js = browser;
        js.executeScript(axe());
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })));
                }).catch(function (e) { done('error: ' + e); });
                """);
        assertThat(String.valueOf(result)).as("axe-core on " + page + " (" + browser.getCurrentUrl() + ")").isEqualTo("[]");
        Files.createDirectories(SHOTS);
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve("%02d-%s.png".formatted(shot.incrementAndGet(), page)), png);
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream axe = JourneyBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(axe.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
