package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.knead.testing.HeadlessChromium;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium driving the console, with helpers for Vaadin's components. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    static boolean available() {
        return HeadlessChromium.available();
    }

    Browser(int port) throws IOException {
        this.base = "http://localhost:" + port;
        this.profile = Files.createTempDirectory("knead-chromium");
        ChromeOptions options = HeadlessChromium.options(profile);
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        this.driver = HeadlessChromium.start(options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
        waitForVaadin();
    }

    void login(String username, String password) {
        open("/login");
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        pass.sendKeys(password);
        pass.sendKeys(Keys.ENTER);
    }

    void loginAndWait(String username, String password) {
        login(username, password);
        waitFor(By.id("current-user"));
        waitForVaadin();
    }

    /** The title and message the login form shows for a failed login. */
    String loginErrorMessage() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const f = document.querySelector('vaadin-login-form');"
                + "return f.i18n.errorMessage.title + ': ' + f.i18n.errorMessage.message;"));
    }

    /** Waits until the browser shows the login page (after a redirect or reload). */
    void waitForLoginPage() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> currentPath().startsWith("/login")
                && !d.findElements(By.cssSelector("vaadin-login-form")).isEmpty());
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> bodyText().contains(text));
    }

    void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) {"
                        + " return document.readyState === 'complete'; }"
                        + "return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    /** Types into a Vaadin text field or text area, replacing what it held, and commits the value. */
    void type(String id, String text) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input, #" + id + " textarea"));
        center(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        waitForVaadin();
    }

    /** Picks an option of a radio button group or checkbox group by its label. */
    void pick(String groupId, String label) {
        List<WebElement> options = waitFor(By.id(groupId))
                .findElements(By.cssSelector("vaadin-radio-button, vaadin-checkbox"));
        WebElement option = options.stream().filter(o -> o.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No option '" + label + "' in " + groupId));
        WebElement input = option.findElement(By.tagName("input"));
        center(input);
        input.click();
        waitForVaadin();
    }

    /** Ticks a Vaadin checkbox. */
    void check(String id) {
        WebElement input = waitFor(By.cssSelector("#" + id + " input"));
        center(input);
        if (!input.isSelected()) {
            input.click();
        }
        waitForVaadin();
    }

    void click(String id) {
        WebElement element = waitFor(By.id(id));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> element.isDisplayed()
                && element.getAttribute("disabled") == null);
        center(element);
        clickWhenUncovered(element);
        waitForVaadin();
    }

    /**
     * Clicks as a user would once nothing lies over the element: a notification of an earlier step may cover
     * it for a few seconds (as it would a user's pointer), so a covered click is tried again until it is gone.
     */
    private void clickWhenUncovered(WebElement element) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                element.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void center(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    void clickLink(String text) {
        WebElement link = waitFor(By.linkText(text));
        center(link);
        link.click();
        waitForVaadin();
    }

    /** The text of the page, including what is scrolled out of view. */
    String bodyText() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText;"));
    }

    String text(String id) {
        WebElement element = waitFor(By.id(id));
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return arguments[0].innerText;", element));
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void assertNoAlert() {
        try {
            Alert alert = driver.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            throw new AssertionError("A script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // good: no script ran
        }
        Object marker = ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined ? null : window.__xss;");
        assertThat(marker).as("no injected script set window.__xss").isNull();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
