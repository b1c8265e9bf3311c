package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.revision.ContentService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The frictions of daily work in the console, each walked through in headless Chromium: unsaved edits,
 * one clock, feedback on the fields, readable grids, what a clinician signs, conflicts, small things.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsolePolishBrowserTest extends BrowserSession {

    @Autowired
    ContentService contents;
    @Autowired
    org.knead.review.WorkflowService workflow;

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

    private boolean invalid(String id) {
        return Boolean.TRUE.equals(js("return document.getElementById(arguments[0]).invalid === true;", id));
    }

    private String errorMessage(String id) {
        return String.valueOf(js("return document.getElementById(arguments[0]).errorMessage;", id));
    }

    /** The text of the notifications on screen now. */
    private String notifications() {
        return String.valueOf(js("return [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(c => c.innerText).join(' | ');"));
    }

    /** The visible buttons, fields, grids and links a notification on screen covers ("none shown" when none is). */
    private String controlsUnderNotifications() {
        Object covered = js("const cards = [...document.querySelectorAll('vaadin-notification-card')]"
                + ".map(c => (c.shadowRoot && c.shadowRoot.querySelector('[part=overlay]') || c)"
                + ".getBoundingClientRect()).filter(r => r.width > 0);"
                + "if (cards.length === 0) { return 'none shown'; }"
                + "const controls = [...document.querySelectorAll('vaadin-button, vaadin-text-field, vaadin-text-area,"
                + " vaadin-password-field, vaadin-date-time-picker, vaadin-checkbox-group, vaadin-radio-group,"
                + " vaadin-combo-box, vaadin-multi-select-combo-box, vaadin-side-nav-item, vaadin-grid, a')]"
                + ".filter(e => !e.closest('vaadin-notification-card'))"
                + ".map(e => [e, e.getBoundingClientRect()])"
                + ".filter(([e, r]) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight);"
                + "return cards.flatMap(c => controls.filter(([e, r]) => !(r.right <= c.left || r.left >= c.right"
                + " || r.bottom <= c.top || r.top >= c.bottom)).map(([e, r]) => e.tagName + '#' + e.id)).join(', ');");
        return String.valueOf(covered);
    }

    private void waitForNotification(String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> notifications().contains(text));
    }

    @Test
    void theSchedulePickerIsIsoWithA24HourClockDefaultsToTheNextFullHourAndNamesTheFieldInErrors() {
        String author = user("sa", Role.EDITOR);
        String approver = user("sb", Role.EDITOR);
        String slug = "warm-towel-" + suffix;
        ContentRef ref = new ContentRef(ContentType.SELF_CARE, slug);
        contents.create(Content.builder(ContentType.SELF_CARE, slug).title("Warm towel " + suffix)
                .summary("Warmth relaxes the muscles.").build(), "new tip", actor(author, Role.EDITOR));
        workflow.submit(ref, 1, actor(author, Role.EDITOR));
        workflow.approve(ref, 1, "fine", actor(approver, Role.EDITOR));

        browser.loginAndWait(author, PASSWORD);
        browser.open("/edit/self-care/" + slug);
        java.time.LocalDateTime before = org.knead.admin.layout.Formats.nextRoundHour(java.time.Instant.now());
        browser.click("schedule-button");
        WebElement date = browser.waitFor(By.cssSelector("#schedule-at vaadin-date-picker input"));
        WebElement time = browser.driver.findElement(By.cssSelector("#schedule-at vaadin-time-picker input"));
        java.time.LocalDateTime after = org.knead.admin.layout.Formats.nextRoundHour(java.time.Instant.now());
        String shown = date.getAttribute("value") + " " + time.getAttribute("value");
        assertThat(shown).as("ISO date, 24-hour time, the next full hour (UTC)")
                .isIn(before.toString().replace('T', ' '), after.toString().replace('T', ' '));
        assertThat(shown).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:00");
        assertThat(browser.bodyText()).contains("Publication time (UTC)");
        browser.screenshot("schedule-picker");

        // a time in the past: the field says what is wrong and what to choose; nothing is scheduled
        browser.type("schedule-at", "2020-01-02");
        browser.click("confirm-button");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> invalid("schedule-at"));
        String example = org.knead.admin.layout.Formats.time(org.knead.admin.layout.Formats.nextRoundHour(
                java.time.Instant.now()));
        assertThat(errorMessage("schedule-at")).startsWith("Publication time: choose a time in the future, e.g. ")
                .matches(".*e\\.g\\. \\d{4}-\\d{2}-\\d{2} \\d{2}:00 UTC\\.");
        assertThat(errorMessage("schedule-at")).contains(example.substring(0, 10));
        assertThat(browser.driver.findElements(By.id("confirm-button"))).isNotEmpty();
        assertThat(contents.requireItem(ref).scheduled()).isNull();
        browser.screenshot("schedule-error");

        // a day next year, at the default hour
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(400);
        browser.type("schedule-at", day.toString());
        String hour = browser.driver.findElement(By.cssSelector("#schedule-at vaadin-time-picker input"))
                .getAttribute("value");
        browser.click("confirm-button");
        waitForNotification("Scheduled revision 1 to go public at " + day + " " + hour + " UTC.");
        assertThat(contents.requireItem(ref).scheduled().at())
                .isEqualTo(java.time.LocalDateTime.parse(day + "T" + hour).toInstant(java.time.ZoneOffset.UTC));
        assertThat(controlsUnderNotifications()).as("controls under a notification").isEmpty();
        assertThat(browser.text("publishing")).contains("goes public at " + day + " " + hour + " UTC");
    }

    @Test
    void theUsersFormShowsEveryProblemAtOnceAndEveryUserActionSaysWhatItDid() {
        String admin = user("ua", Role.ADMIN, Role.EDITOR);
        browser.loginAndWait(admin, PASSWORD);
        browser.open("/users");
        browser.waitFor(By.id("users-grid"));
        browser.click("create-user-button");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> invalid("new-username"));
        assertThat(invalid("new-password")).isTrue();
        assertThat(invalid("new-roles")).isTrue();
        assertThat(errorMessage("new-password")).startsWith("Password:");
        assertThat(errorMessage("new-roles")).isEqualTo("Roles: choose at least one.");
        waitForNotification("Not created: 3 problems, marked on the form.");
        assertThat(controlsUnderNotifications()).as("controls under a notification").isEmpty();
        browser.screenshot("users-form-problems");

        // what only the store knows lands on its field too
        browser.type("new-username", admin);
        browser.type("new-password", "a-long-enough-password");
        browser.pick("new-roles", "CLINICIAN");
        browser.click("create-user-button");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> errorMessage("new-username")
                .contains("already exists"));
        assertThat(invalid("new-password")).isFalse();

        // sorts near the top of a long list of users, so its row is on screen
        String newcomer = "aa" + suffix;
        browser.type("new-username", newcomer);
        browser.click("create-user-button");
        waitForNotification("Created " + newcomer + " (CLINICIAN)");
        // the grid renders the rows near the screen: bring its first rows (where the newcomer sorts) into view
        js("document.getElementById('users-grid').scrollIntoView({block: 'start'});");
        browser.waitForVaadin();

        browser.click("disable-" + newcomer);
        assertThat(browser.text("confirm-message")).contains("will no longer be able to log in");
        browser.click("confirm-button");
        waitForNotification("Disabled " + newcomer + ": they can no longer log in.");
        assertThat(users.find(newcomer)).hasValueSatisfying(u -> assertThat(u.enabled()).isFalse());

        browser.click("enable-" + newcomer);
        browser.click("confirm-button");
        waitForNotification("Enabled " + newcomer + ": they can log in again.");

        browser.click("roles-" + newcomer);
        browser.pick("roles-choice", "EDITOR");
        browser.click("confirm-button");
        waitForNotification("Roles of " + newcomer + " are now: CLINICIAN, EDITOR.");
        assertThat(users.find(newcomer)).hasValueSatisfying(u -> assertThat(u.roles())
                .containsExactlyInAnyOrder(Role.CLINICIAN, Role.EDITOR));

        browser.open("/audit");
        browser.type("audit-user", admin);
        browser.waitForText("Disabled user");
        assertThat(browser.text("audit-grid")).contains("Enabled user").contains("Changed roles")
                .doesNotContain("USER_").doesNotContain("LOGIN_FAI");
    }

    @Test
    void editorFieldsShowEveryProblemAtOnceAndTheNotificationCoversNoControl() {
        String editor = user("ev", Role.EDITOR);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique");
        browser.type("title", "Shoulder press " + suffix);
        browser.click("save-button");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> invalid("pressure"));
        assertThat(invalid("body-areas")).isTrue();
        assertThat(invalid("summary")).isTrue();
        assertThat(errorMessage("pressure")).contains("needs a pressure");
        assertThat(errorMessage("body-areas")).contains("body area");
        assertThat(invalid("title")).isFalse();
        waitForNotification("Not saved: 3 problems, marked on the fields.");
        assertThat(controlsUnderNotifications()).as("controls under a notification").isEmpty();
        browser.screenshot("editor-problems-on-fields");

        browser.pick("pressure", "gentle");
        browser.pick("body-areas", "shoulders");
        browser.type("summary", "Press the shoulders.");
        browser.click("save-button");
        browser.waitForText("revision 1 by " + editor);
        assertThat(invalid("pressure")).isFalse();
        waitForNotification("(revision 1)");
        assertThat(controlsUnderNotifications()).as("controls under a notification").isEmpty();
    }

    @Test
    void queuesTellSameTitledRowsApartAndTheReviewPageShowsWhatIsSigned() {
        String editor = user("qa", Role.EDITOR);
        String colleague = user("qb", Role.EDITOR);
        String clinician = user("qc", Role.CLINICIAN);
        Actor ed = actor(editor, Role.EDITOR);
        Actor co = actor(colleague, Role.EDITOR);
        Actor cl = actor(clinician, Role.CLINICIAN);
        String title = "Numbness relief " + suffix;

        // a published warning with its sources
        String warningSlug = "tingling-" + suffix;
        ContentRef warning = new ContentRef(ContentType.WARNING, warningSlug);
        contents.create(Content.builder(ContentType.WARNING, warningSlug).title("Tingling hands " + suffix)
                .summary("Tingling can be serious.").severity(org.knead.content.Severity.SEE_A_DOCTOR)
                .action("See a doctor soon.").advice("See a doctor within a day.")
                .sources(org.knead.testing.TestSources.nhsBackPain()).triggerPhrases(List.of("tingling hands"))
                .build(), "new warning", ed);
        workflow.submit(warning, 1, ed);
        workflow.approve(warning, 1, "right", cl);
        workflow.publish(warning, 1, ed);

        // two techniques with the same title: one new, one replacing its published revision
        ContentRef fresh = technique("numb-new-" + suffix, title, "", editor);
        workflow.submit(fresh, 1, ed);
        ContentRef old = technique("numb-old-" + suffix, title, "", editor);
        workflow.submit(old, 1, ed);
        workflow.approve(old, 1, "ok", co);
        workflow.publish(old, 1, ed);
        contents.save(old, 1, contents.latest(old).content().toBuilder().summary("A gentler technique.").build(),
                "gentler", ed);
        workflow.submit(old, 2, ed);
        // and one whose new revision adds a caution: a clinician signs it off
        ContentRef cautioned = technique("cautioned-" + suffix, "Cautioned rub " + suffix, "", editor);
        workflow.submit(cautioned, 1, ed);
        workflow.approve(cautioned, 1, "ok", co);
        workflow.publish(cautioned, 1, ed);
        contents.save(cautioned, 1, contents.latest(cautioned).content().toBuilder().cautions(List.of(warningSlug))
                .build(), "caution added", ed);
        workflow.submit(cautioned, 2, ed);

        browser.loginAndWait(colleague, PASSWORD);
        browser.open("/reviews");
        browser.waitFor(By.id("approval-grid"));
        String queue = browser.text("approval-grid");
        assertThat(queue).contains("new: never published")
                .contains("replaces published revision 1; changes summary");
        assertThat(queue).contains(contents.latest(fresh).contentHash()).contains(contents.latest(old).contentHash());
        browser.screenshot("approval-queue-rows");
        browser.click("logout-button");
        browser.waitFor(By.cssSelector("vaadin-login-form"));

        browser.loginAndWait(clinician, PASSWORD);
        browser.open("/clinical");
        browser.waitFor(By.id("clinical-grid"));
        String hash = contents.latest(cautioned).contentHash();
        assertThat(browser.text("clinical-grid")).contains("changed cautions: replaces published revision 1")
                .contains(hash);
        browser.open("/review/technique/cautioned-" + suffix + "/2");
        browser.waitFor(By.id("review-fingerprint"));
        assertThat(browser.text("review-fingerprint")).isEqualTo(hash);
        assertThat(browser.text("review-comparison")).contains("Tingling hands " + suffix);
        assertThat(browser.text("review-content")).contains("Cautions: Tingling hands " + suffix);
        assertThat(browser.text("caution-sources")).contains("Tingling hands " + suffix).contains("See a doctor")
                .contains(org.knead.testing.TestSources.nhsBackPain().get(0).title());
        browser.click("approve-button");
        assertThat(browser.text("confirm-message")).contains(hash);
        browser.screenshot("review-fingerprint");
        browser.click("cancel-button");
    }

    @Test
    void theConflictDialogLeadsWithTheChangedFieldsOfBothSidesAndThePlan() {
        String editor = user("ca", Role.EDITOR);
        String other = user("cb", Role.EDITOR);
        String slug = "long-rub-" + suffix;
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            body.append("Line ").append(i).append(" of the steps.\n");
        }
        ContentRef ref = technique(slug, "Long rub", body.toString().strip(), other);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique/" + slug);
        browser.waitFor(By.id("title"));
        contents.save(ref, 1, contents.latest(ref).content().toBuilder()
                .body(body.toString().replace("Line 15 of the steps.", "Line 15, done slowly.").strip()).build(),
                "slower", actor(other, Role.EDITOR));

        browser.type("title", "Long rubs");
        browser.click("save-button");
        browser.waitFor(By.id("conflict-fields"));
        String fields = browser.text("conflict-fields");
        assertThat(fields).contains("Title").contains("Long rubs").contains("Body").contains("Line 15, done slowly.")
                .contains("(unchanged)").contains("Theirs (" + other + ")").contains("Yours");
        assertThat(browser.text("conflict-plan")).contains("title").contains("on top of revision 2");
        Object order = js("const d = document.getElementById('conflict-fields');"
                + "const c = document.getElementById('conflict-comparison');"
                + "const p = document.getElementById('conflict-plan');"
                + "return !!(p.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING)"
                + " && !!(d.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);");
        assertThat(order).as("the plan, then the fields, then the line-by-line comparison").isEqualTo(true);
        String lines = String.valueOf(js("return document.getElementById('conflict-comparison').textContent;"));
        assertThat(lines).contains("done slowly").contains("unchanged lines").doesNotContain("Line 3 of the steps");
        browser.screenshot("conflict-fields");
        browser.click("reapply-button");
        browser.click("save-button");
        browser.waitForText("revision 3 by " + editor);
        assertThat(contents.latest(ref).content().body()).contains("Line 15, done slowly.");
    }

    @Test
    void restoringTheLatestIsRefusedTheFaviconAnswersAndTheDashboardSpeaksPlainly() throws Exception {
        java.net.http.HttpResponse<byte[]> icon = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/favicon.ico"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);

        String editor = user("ra", Role.EDITOR);
        String colleague = user("rb", Role.EDITOR);
        String slug = "restore-me-" + suffix;
        ContentRef ref = technique(slug, "Restore me " + suffix, "", editor);
        contents.save(ref, 1, contents.latest(ref).content().toBuilder().summary("Second.").build(), "second",
                actor(editor, Role.EDITOR));
        workflow.submit(ref, 2, actor(editor, Role.EDITOR));
        workflow.approve(ref, 2, "ok", actor(colleague, Role.EDITOR));
        workflow.publish(ref, 2, actor(editor, Role.EDITOR));

        browser.loginAndWait(editor, PASSWORD);
        assertThat(browser.text("last-publication")).contains("“Restore me " + suffix + "” (technique) went public"
                + " in revision 2, by " + editor).doesNotContain("log entry").doesNotContain("#");
        browser.open("/history/technique/" + slug);
        browser.click("restore-2");
        waitForNotification("Revision 2 is the latest revision; restoring it would change nothing.");
        assertThat(browser.driver.findElements(By.id("confirm-button"))).isEmpty();
        assertThat(contents.history(ref)).hasSize(2);
        browser.click("restore-1");
        browser.click("confirm-button");
        waitForNotification("Restored as revision 3.");
    }
}
