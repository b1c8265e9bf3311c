package org.knead.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.knead.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium on the public site (the console's recipe: /usr/bin/chromium and chromedriver),
 * with axe-core injected into pages and the phone viewport emulated.
 */
final class SiteBrowser implements AutoCloseable {

    /** Where screenshots go; {@code -Dknead.screenshots=../docs/screenshots} refreshes the README's. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("knead.screenshots", "target/screenshots"));
    /** The axe-core rule sets checked: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");
    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    static boolean available() {
        return HeadlessChromium.available();
    }

    SiteBrowser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("knead-site-chromium");
        ChromeOptions options = HeadlessChromium.options(profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.driver = HeadlessChromium.start(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(base + path);
        waitUntil(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Object> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** Emulates a phone's viewport (390 x 844 CSS pixels, touch, mobile layout). */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    long innerWidth() {
        return (Long) driver.executeScript("return window.innerWidth;");
    }

    long scrollWidth() {
        return (Long) driver.executeScript("return document.documentElement.scrollWidth;");
    }

    /** Runs axe-core on the page and fails with every violation found. */
    void assertAccessible() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.failureSummary)})))))"
                + ".catch(e => done('axe failed: ' + e));", AXE_TAGS);
        String text = String.valueOf(result);
        assertThat(text).as("axe-core on " + path()).startsWith("[");
        try {
            JsonNode violations = JSON.readTree(text);
            assertThat(violations.size()).as("axe-core violations on " + path() + ": "
                    + violations.toPrettyString()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = SiteBrowser.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the browser's console said since the last call (CSP refusals, script errors). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
