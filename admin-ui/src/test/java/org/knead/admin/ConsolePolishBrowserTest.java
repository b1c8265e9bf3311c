package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.revision.ContentService;
import org.knead.user.UserService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The frictions of daily work in the console, each walked through in headless Chromium: unsaved edits,
 * one clock, feedback on the fields, readable grids, what a clinician signs, conflicts, small things.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsolePolishBrowserTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ContentService contents;

    private Browser browser;
    private String suffix;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        browser = new Browser(port);
        suffix = "p" + SEQUENCE.incrementAndGet() + "x" + (System.nanoTime() % 100000);
    }

    @AfterEach
    void stopBrowser(org.junit.jupiter.api.TestInfo test) {
        if (browser != null) {
            browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.close();
        }
    }

    private String user(String prefix, Role... roles) {
        String name = prefix + suffix;
        users.create(name, prefix + " " + suffix, PASSWORD, Set.of(roles), Actor.SYSTEM);
        return name;
    }

    private static Actor actor(String name, Role... roles) {
        return new Actor(name, Set.of(roles), "test");
    }

    private ContentRef technique(String slug, String title, String body, String author) {
        contents.create(Content.builder(ContentType.TECHNIQUE, slug).title(title).summary("A technique.").body(body)
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK)).build(), "start",
                actor(author, Role.EDITOR));
        return new ContentRef(ContentType.TECHNIQUE, slug);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    /** What a closing tab would do now: true when the page asks "Leave site?". */
    private boolean closingTheTabAsks() {
        return Boolean.TRUE.equals(js("const e = new Event('beforeunload', {cancelable: true});"
                + "window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    private void waitUntil(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> condition.get());
    }

    @Test
    void unsavedEditsAreGuardedAndPreviewLinksNeverNavigateTheConsole() {
        String editor = user("ug", Role.EDITOR);
        String slug = "guarded-" + suffix;
        ContentRef ref = technique(slug, "Guarded rub", "See [the dashboard](/) first.", editor);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique/" + slug);
        String editorPath = browser.currentPath();

        // a link in the preview opens a new tab and leaves the console where it is
        WebElement link = browser.waitFor(By.cssSelector("#preview a"));
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        assertThat(closingTheTabAsks()).isFalse();
        String console = browser.driver.getWindowHandle();
        link.click();
        browser.waitForVaadin();
        browser.driver.switchTo().window(console);
        assertThat(browser.currentPath()).isEqualTo(editorPath);
        assertThat(browser.driver.findElements(By.id("title"))).isNotEmpty();

        // an edit, then the History link: the console asks first, naming the field
        browser.type("title", "Guarded rub, changed");
        assertThat(closingTheTabAsks()).isTrue();
        browser.click("history-link");
        browser.waitFor(By.id("unsaved-dialog"));
        assertThat(browser.text("unsaved-message")).contains("title").contains("not saved");
        browser.screenshot("unsaved-dialog");
        browser.click("stay-button");
        assertThat(browser.currentPath()).isEqualTo(editorPath);
        assertThat(browser.waitFor(By.cssSelector("#title input")).getAttribute("value"))
                .isEqualTo("Guarded rub, changed");

        // the side navigation asks too; leaving discards
        WebElement content = browser.waitFor(By.cssSelector("#main-nav vaadin-side-nav-item[path='content']"));
        content.click();
        browser.waitForVaadin();
        browser.waitFor(By.id("unsaved-dialog"));
        browser.click("leave-button");
        waitUntil(() -> browser.currentPath().startsWith("/content"));
        assertThat(closingTheTabAsks()).isFalse();
        assertThat(contents.latest(ref).title()).isEqualTo("Guarded rub");

        // typing alone (before the field is left) already makes a closing tab ask; saving clears it
        browser.open("/edit/technique/" + slug);
        WebElement summary = browser.waitFor(By.cssSelector("#summary textarea"));
        summary.sendKeys(" More.");
        assertThat(closingTheTabAsks()).isTrue();
        browser.click("save-button");
        browser.waitForText("revision 2 by " + editor);
        assertThat(closingTheTabAsks()).isFalse();
        browser.click("history-link");
        browser.waitFor(By.id("history-grid"));
        assertThat(browser.driver.findElements(By.id("unsaved-dialog"))).isEmpty();
    }

    @Test
    void theSlugIsSuggestedFromTheTitleUntilTheEditorChangesIt() {
        String editor = user("sl", Role.EDITOR);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique");
        browser.type("title", "Neck Glide, gentle");
        assertThat(browser.waitFor(By.cssSelector("#slug input")).getAttribute("value")).isEqualTo("neck-glide-gentle");
        browser.type("slug", "my-glide-" + suffix);
        browser.type("title", "Something else");
        assertThat(browser.waitFor(By.cssSelector("#slug input")).getAttribute("value")).isEqualTo("my-glide-" + suffix);
    }
}
