package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublishedContent;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.user.UserService;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Revert in a real headless Chromium: an editor makes an older revision public again in place of a newer
 * public one, from the item's history, after a confirmation naming both; the public copy (what the public
 * API serves) holds the older text afterwards. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RevertBrowserTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ContentService contents;
    @Autowired
    ReviewService review;
    @Autowired
    PublishingService publishing;
    @Autowired
    PublishedContent published;
    @Autowired
    AuditLog audit;

    private Browser browser;
    private String suffix;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        browser = new Browser(port);
        suffix = "r" + SEQUENCE.incrementAndGet() + "x" + (System.nanoTime() % 100000);
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

    private Content technique(String slug, String summary) {
        return Content.builder(ContentType.TECHNIQUE, slug).title("Shoulder roll " + suffix).summary(summary)
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.SHOULDERS)).build();
    }

    @Test
    void anEditorRevertsToAnOlderRevisionAfterAConfirmationAndThePublicSeesTheOlderTextAgain() {
        String editor = user("rv", Role.EDITOR);
        String colleague = user("rc", Role.EDITOR);
        Actor author = new Actor(editor, Set.of(Role.EDITOR), "test");
        Actor reviewer = new Actor(colleague, Set.of(Role.EDITOR), "test");
        String slug = "shoulder-roll-" + suffix;
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        contents.create(technique(slug, "Roll the shoulders slowly."), "first", author);
        review.submit(ref, 1, author);
        review.approve(ref, 1, "fine", reviewer);
        publishing.publish(ref, 1, author);
        contents.save(ref, 1, technique(slug, "Roll the shoulders fast and hard."), "faster", author);
        review.submit(ref, 2, author);
        review.approve(ref, 2, "fine", reviewer);
        publishing.publish(ref, 2, author);
        assertThat(published.find(ref).orElseThrow().content().summary()).isEqualTo("Roll the shoulders fast and hard.");

        browser.loginAndWait(editor, PASSWORD);
        browser.open("/history/technique/" + slug);
        browser.waitFor(By.id("history-grid"));
        assertThat(browser.text("public-state")).contains("The public sees revision 2");
        // only the older revision can be reverted to; the public one cannot
        browser.waitFor(By.id("revert-1"));
        assertThat(browser.driver.findElements(By.id("revert-2"))).isEmpty();

        browser.click("revert-1");
        assertThat(browser.text("confirm-message")).contains("The public will see revision 1")
                .contains("in place of revision 2");
        browser.screenshot("revert-confirmation");
        // a revert needs a reason: without one nothing changes
        browser.click("confirm-button");
        browser.waitForText("needs a reason");
        assertThat(published.find(ref).orElseThrow().revision()).isEqualTo(2);

        browser.type("revert-reason", "The faster version hurt people");
        browser.click("confirm-button");
        browser.waitForText("the public sees revision 1 again, in place of revision 2");
        assertThat(browser.text("public-state")).contains("The public sees revision 1");
        browser.screenshot("reverted");

        assertThat(published.find(ref).orElseThrow()).satisfies(p -> {
            assertThat(p.revision()).isEqualTo(1);
            assertThat(p.content().summary()).isEqualTo("Roll the shoulders slowly.");
        });
        assertThat(contents.requireItem(ref).publishedRevision()).isEqualTo(1);
        assertThat(audit.find(AuditQuery.byItem(ref.id()), 0, 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.REVERT);
            assertThat(e.actor()).isEqualTo(editor);
            assertThat(e.detail()).contains("in place of revision 2").contains("The faster version hurt people");
        });
        browser.assertNoAlert();
    }

    @Test
    void someoneWhoIsNotAnEditorIsNotOfferedARevert() {
        String editor = user("ro", Role.EDITOR);
        String colleague = user("rp", Role.EDITOR);
        String clinician = user("rk", Role.CLINICIAN);
        Actor author = new Actor(editor, Set.of(Role.EDITOR), "test");
        Actor reviewer = new Actor(colleague, Set.of(Role.EDITOR), "test");
        String slug = "neck-roll-" + suffix;
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        contents.create(technique(slug, "One."), "first", author);
        review.submit(ref, 1, author);
        review.approve(ref, 1, "fine", reviewer);
        publishing.publish(ref, 1, author);
        contents.save(ref, 1, technique(slug, "Two."), "second", author);
        review.submit(ref, 2, author);
        review.approve(ref, 2, "fine", reviewer);
        publishing.publish(ref, 2, author);

        browser.loginAndWait(clinician, PASSWORD);
        browser.open("/history/technique/" + slug);
        browser.waitFor(By.id("history-grid"));
        browser.waitFor(By.id("restore-1"));
        assertThat(browser.driver.findElements(By.id("revert-1"))).isEmpty();
    }
}
