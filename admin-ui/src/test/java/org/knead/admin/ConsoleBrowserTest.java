package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
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
import org.knead.content.Severity;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.user.UserService;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The console in a real headless Chromium against the running application on an in-memory store.
 * Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleBrowserTest extends BrowserSession {

    @Autowired
    ContentService contents;
    @Autowired
    WorkflowService workflow;
    @Autowired
    PublicationLog publications;
    @Autowired
    AuditLog audit;
    @Autowired
    org.knead.seed.ReferenceImport reference;

    @Test
    void editorCreatesEditsComparesAndSubmitsATechniqueThatAColleagueApprovesAndThePublishReachesTheLog() {
        String editor = user("ed", Role.EDITOR);
        String colleague = user("co", Role.EDITOR);
        String slug = "neck-glide-" + suffix;

        browser.loginAndWait(editor, PASSWORD);
        browser.screenshot("dashboard");
        browser.open("/content");
        browser.waitFor(By.id("content-grid"));
        browser.screenshot("content-grid");
        browser.click("new-button");
        browser.waitFor(By.id("title"));
        browser.type("title", "Neck glide");
        browser.type("slug", slug);
        browser.type("summary", "Slow gliding strokes along the neck.");
        browser.type("body", "Use **light** strokes.\n\n- breathe\n- relax");
        browser.click("save-button");
        browser.waitFor(By.cssSelector("#problems li"));
        assertThat(browser.text("problems")).contains("needs a pressure").contains("at least one body area");
        browser.screenshot("editor-validation");
        browser.pick("pressure", "gentle");
        browser.pick("body-areas", "neck");
        browser.type("aliases", "effleurage\nneck stroking");
        browser.type("change-note", "First draft");
        browser.waitFor(By.cssSelector("#preview strong"));
        browser.screenshot("editor-new-technique");
        browser.click("save-button");
        browser.waitForText("revision 1 by " + editor);
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        assertThat(contents.history(ref)).hasSize(1);

        browser.type("title", "Neck glide (gentle)");
        browser.type("body", "Use **light**, slow strokes.\n\n- breathe\n- relax");
        browser.type("change-note", "Slower strokes");
        browser.click("save-button");
        browser.waitForText("revision 2 by " + editor);
        browser.screenshot("editor-technique");
        assertThat(contents.history(ref)).extracting(Revision::number).containsExactly(2, 1);

        browser.click("history-link");
        browser.waitFor(By.id("history-grid"));
        browser.waitFor(By.cssSelector("#comparison ins"));
        String comparison = browser.text("comparison");
        assertThat(comparison).contains("Neck glide (gentle)").contains("Title");
        assertThat(browser.driver.findElements(By.cssSelector("#comparison del"))).isNotEmpty();
        assertThat(browser.text("history-grid")).contains("First draft").contains("Slower strokes");
        browser.screenshot("history-comparison");

        browser.clickLink("Back to the editor");
        browser.click("submit-button");
        browser.waitForText("in review");
        assertThat(contents.latest(ref).state()).isEqualTo(RevisionState.IN_REVIEW);

        // the author cannot approve their own revision
        browser.open("/review/technique/" + slug + "/2");
        browser.waitFor(By.id("own-revision"));
        assertThat(browser.waitFor(By.id("approve-button")).getAttribute("disabled")).isNotNull();
        assertThatThrownBy(() -> workflow.approve(ref, 2, "mine", actor(editor, Role.EDITOR)))
                .isInstanceOf(AccessDeniedException.class);
        browser.click("logout-button");
        browser.waitFor(By.cssSelector("vaadin-login-form"));

        // a colleague approves it from their queue
        browser.loginAndWait(colleague, PASSWORD);
        browser.open("/reviews");
        browser.waitFor(By.id("approval-grid"));
        browser.screenshot("approval-queue");
        browser.clickLink("Neck glide (gentle)");
        browser.waitFor(By.id("review-heading"));
        browser.type("review-comment", "Reads well.");
        browser.click("approve-button");
        browser.click("confirm-button");
        browser.waitForText("approved");
        assertThat(contents.revision(ref, 2).state()).isEqualTo(RevisionState.APPROVED);

        // and publishes it, after a confirmation saying what the public will see
        browser.open("/edit/technique/" + slug);
        browser.click("publish-button");
        assertThat(browser.text("confirm-message")).contains("the public will see revision 2");
        browser.screenshot("publish-confirmation");
        browser.click("confirm-button");
        browser.waitForText("The public sees revision 2");
        assertThat(publications.last()).hasValueSatisfying(e -> {
            assertThat(e.itemId()).isEqualTo(ref.id());
            assertThat(e.revision()).isEqualTo(2);
        });
        browser.open("/");
        assertThat(browser.text("last-publication")).contains("“Neck glide (gentle)” (technique) went public in revision 2")
                .doesNotContain("#");
        browser.assertNoAlert();
    }

    @Test
    void aRevisionSubmittedThenOvertakenByANewerSaveLeavesTheApprovalQueue() {
        String editor = user("st", Role.EDITOR);
        String colleague = user("sc", Role.EDITOR);
        String slug = "stale-rub-" + suffix;
        String title = "Stale rub " + suffix;
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        contents.create(Content.builder(ContentType.TECHNIQUE, slug).title(title).summary("A rub.")
                .pressure(org.knead.content.Pressure.GENTLE).bodyAreas(List.of(org.knead.content.BodyArea.NECK))
                .build(), "first", actor(editor, Role.EDITOR));

        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique/" + slug);
        browser.waitForText("revision 1 by " + editor);
        browser.type("summary", "A rub, revision two.");
        browser.click("save-button");
        browser.waitForText("revision 2 by " + editor);
        browser.click("submit-button");
        browser.waitForText("in review");
        browser.type("summary", "A rub, revision three.");
        browser.click("save-button");
        browser.waitForText("revision 3 by " + editor);
        assertThat(contents.revision(ref, 2).state()).isEqualTo(RevisionState.SUPERSEDED);
        browser.click("logout-button");
        browser.waitFor(By.cssSelector("vaadin-login-form"));

        browser.loginAndWait(colleague, PASSWORD);
        browser.open("/reviews");
        browser.waitFor(By.id("approval-grid"));
        assertThat(browser.text("approval-grid")).doesNotContain(title);
        browser.open("/review/technique/" + slug + "/2");
        browser.waitFor(By.id("review-heading"));
        assertThat(browser.text("review-meta")).contains("superseded");
        assertThat(browser.driver.findElements(By.id("approve-button"))).isEmpty();
        assertThatThrownBy(() -> workflow.approve(ref, 2, "ok", actor(colleague, Role.EDITOR)))
                .hasMessageContaining("superseded");
        browser.assertNoAlert();
    }

    @Test
    void clinicianSignsOffAMedicalWarning() {
        String editor = user("we", Role.EDITOR);
        String clinician = user("cl", Role.CLINICIAN);
        String slug = "numb-hands-" + suffix;
        ContentRef ref = new ContentRef(ContentType.WARNING, slug);
        Actor author = actor(editor, Role.EDITOR);
        contents.create(Content.builder(ContentType.WARNING, slug).title("Numb hands " + suffix)
                .summary("Numbness can be serious.").severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain())
                .advice("See a doctor within a day.").triggerPhrases(List.of("numb hands", "tingling fingers"))
                .build(), "new warning", author);
        workflow.submit(ref, 1, author);

        browser.loginAndWait(clinician, PASSWORD);
        browser.open("/clinical");
        browser.waitFor(By.id("clinical-grid"));
        assertThat(browser.text("clinical-grid")).contains("Numb hands " + suffix).contains("clinical sign-off");
        browser.screenshot("clinical-queue");
        browser.clickLink("Numb hands " + suffix);
        browser.waitFor(By.id("review-content"));
        assertThat(browser.text("review-content")).contains("See a doctor within a day.").contains("numb hands");
        browser.type("review-comment", "Advice is right.");
        browser.click("approve-button");
        assertThat(browser.text("confirm-message")).contains("sign off revision 1");
        browser.screenshot("clinical-sign-off");
        browser.click("confirm-button");
        browser.waitForText("approved");
        Revision signed = contents.revision(ref, 1);
        assertThat(signed.state()).isEqualTo(RevisionState.APPROVED);
        assertThat(signed.clinicalApproval()).hasValueSatisfying(d -> assertThat(d.reviewer()).isEqualTo(clinician));
    }

    @Test
    void clinicianConfirmsTheFirstReviewOfAnImportedWarning() {
        reference.importAll();
        String clinician = user("fr", Role.CLINICIAN);
        ContentRef ref = new ContentRef(ContentType.WARNING, "numbness-or-weakness");
        browser.loginAndWait(clinician, PASSWORD);
        browser.open("/clinical");
        browser.waitFor(By.id("clinical-grid"));
        assertThat(browser.text("clinical-grid")).contains("first clinical review")
                .contains(contents.requireItem(ref).title()).contains("no clinician has reviewed it yet");
        int published = contents.requireItem(ref).publishedRevision();
        browser.open("/review/warning/numbness-or-weakness/" + published);
        browser.waitFor(By.id("review-content"));
        browser.type("review-comment", "Still right.");
        browser.click("confirm-review-button");
        assertThat(browser.text("confirm-message")).contains("as the public sees it now");
        // a warning's review is confirmed only with its sources checked
        browser.check("sources-checked");
        browser.click("confirm-button");
        browser.waitForText("Review confirmed");
        assertThat(contents.requireItem(ref).review()).satisfies(r -> assertThat(r.reviewedBy()).isEqualTo(clinician));
        assertThat(contents.requireItem(ref).awaitingClinicalReview()).isFalse();
        assertThat(contents.requireItem(ref).review().sourcesConfirmedAt()).isNotNull();
        browser.screenshot("clinical-first-review");
    }

    @Test
    void anEditorOnlyRequestsTakingAWarningDownAndAClinicianConfirmsIt() {
        String editor = user("wr", Role.EDITOR);
        String clinician = user("wc", Role.CLINICIAN);
        String slug = "numb-feet-" + suffix;
        String title = "Numb feet " + suffix;
        ContentRef ref = new ContentRef(ContentType.WARNING, slug);
        Actor author = actor(editor, Role.EDITOR);
        contents.create(Content.builder(ContentType.WARNING, slug).title(title).summary("Numbness can be serious.")
                .severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.").advice("See a doctor within a day.")
                .sources(org.knead.testing.TestSources.nhsBackPain())
                .triggerPhrases(List.of("numb feet")).build(), "new warning", author);
        workflow.submit(ref, 1, author);
        workflow.approve(ref, 1, "right", actor(clinician, Role.CLINICIAN));
        workflow.publish(ref, 1, author);

        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/warning/" + slug);
        browser.waitFor(By.id("unpublish-button"));
        assertThat(browser.text("unpublish-button")).contains("needs a clinician");
        browser.click("unpublish-button");
        assertThat(browser.text("confirm-message")).contains("keeps seeing it");
        browser.type("withdrawal-reason", "Replaced by a broader warning");
        browser.click("confirm-button");
        browser.waitFor(By.id("withdrawal-pending"));
        assertThat(browser.text("withdrawal-pending")).contains("Replaced by a broader warning");
        browser.screenshot("withdrawal-requested");
        assertThat(contents.requireItem(ref).isPublished()).isTrue();
        assertThat(contents.requireItem(ref).withdrawalRequest().requestedBy()).isEqualTo(editor);
        browser.click("logout-button");
        browser.waitFor(By.cssSelector("vaadin-login-form"));

        browser.loginAndWait(clinician, PASSWORD);
        browser.open("/clinical");
        browser.waitFor(By.id("clinical-grid"));
        // the queue holds every task of the earlier tests too: wait until all its rows are loaded
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                .until(d -> browser.text("clinical-grid").contains(title));
        assertThat(browser.text("clinical-grid")).contains("withdrawal request").contains(title);
        browser.open("/review/warning/" + slug + "/1");
        browser.waitFor(By.id("withdrawal-details"));
        assertThat(browser.text("withdrawal-details")).contains(editor).contains("Replaced by a broader warning");
        browser.click("confirm-withdrawal-button");
        browser.click("confirm-button");
        browser.waitForText("Withdrawn");
        assertThat(contents.requireItem(ref).isPublished()).isFalse();
        assertThat(publications.last()).hasValueSatisfying(e -> {
            assertThat(e.itemId()).isEqualTo(ref.id());
            assertThat(e.actor()).isEqualTo(clinician);
        });
        browser.screenshot("withdrawal-confirmed");
    }

    @Test
    void editorSchedulesPublishesUnpublishesAndArchivesAfterConfirmations() {
        String author = user("pa", Role.EDITOR);
        String approver = user("pb", Role.EDITOR);
        String slug = "hot-pack-" + suffix;
        ContentRef ref = new ContentRef(ContentType.SELF_CARE, slug);
        contents.create(Content.builder(ContentType.SELF_CARE, slug).title("Hot pack " + suffix)
                .summary("Warmth relaxes the muscles.").build(), "new tip", actor(author, Role.EDITOR));
        workflow.submit(ref, 1, actor(author, Role.EDITOR));
        workflow.approve(ref, 1, "fine", actor(approver, Role.EDITOR));

        browser.loginAndWait(author, PASSWORD);
        browser.open("/edit/self-care/" + slug);
        browser.click("schedule-button");
        assertThat(browser.text("confirm-message")).contains("the public will see revision 1")
                .contains("Until then nothing changes for the public");
        browser.screenshot("schedule-confirmation");
        browser.click("confirm-button");
        browser.waitForText("Scheduled: revision 1 goes public at");
        assertThat(contents.requireItem(ref).scheduled()).isNotNull();

        browser.click("cancel-schedule-button");
        browser.click("confirm-button");
        browser.waitFor(By.id("publish-button"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                .until(d -> contents.requireItem(ref).scheduled() == null);

        browser.click("publish-button");
        browser.click("confirm-button");
        browser.waitForText("The public sees revision 1");
        assertThat(contents.requireItem(ref).publishedRevision()).isEqualTo(1);

        browser.click("unpublish-button");
        assertThat(browser.text("confirm-message")).contains("The public will no longer see");
        browser.screenshot("unpublish-confirmation");
        browser.click("confirm-button");
        browser.waitForText("The public does not see this item");
        assertThat(contents.requireItem(ref).isPublished()).isFalse();
        assertThat(publications.last()).hasValueSatisfying(e -> assertThat(e.itemId()).isEqualTo(ref.id()));

        browser.click("archive-button");
        assertThat(browser.text("confirm-message")).contains("cannot be edited or published");
        browser.click("confirm-button");
        browser.waitFor(By.id("unarchive-button"));
        assertThat(contents.requireItem(ref).status()).isEqualTo(org.knead.revision.ItemStatus.ARCHIVED);
    }

    @Test
    void editorCannotOpenTheCliniciansQueue() {
        String editor = user("qe", Role.EDITOR);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/clinical");
        browser.waitForVaadin();
        assertThat(browser.driver.findElements(By.id("clinical-heading"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("clinical-grid"))).isEmpty();
        assertThat(browser.bodyText()).doesNotContain("Clinical review queue");
        assertThat(browser.text("not-available")).contains("Not available");
        browser.screenshot("editor-denied-clinical-queue");
    }

    @Test
    void staleSaveShowsTheConflictDialogAndReappliesTheChangeOnTheLatest() {
        String editor = user("se", Role.EDITOR);
        String other = user("so", Role.EDITOR);
        String slug = "shoulder-roll-" + suffix;
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        contents.create(Content.builder(ContentType.TECHNIQUE, slug).title("Shoulder roll").summary("Roll the shoulders.")
                .pressure(Pressure.MODERATE).bodyAreas(List.of(BodyArea.SHOULDERS)).build(), "start",
                actor(other, Role.EDITOR));

        browser.loginAndWait(editor, PASSWORD);
        browser.open("/edit/technique/" + slug);
        browser.waitFor(By.id("title"));
        // meanwhile, someone else saves revision 2
        Revision theirs = contents.save(ref, 1, contents.latest(ref).content().toBuilder()
                .summary("Roll the shoulders backwards, slowly.").build(), "their change", actor(other, Role.EDITOR));
        assertThat(theirs.number()).isEqualTo(2);

        browser.type("title", "Shoulder rolls");
        browser.type("change-note", "plural");
        browser.click("save-button");
        browser.waitFor(By.id("conflict-dialog"));
        browser.waitFor(By.id("conflict-message"));
        assertThat(browser.text("conflict-message")).contains(other).contains("revision 2");
        assertThat(browser.text("conflict-comparison")).contains("backwards");
        browser.screenshot("conflict-dialog");
        browser.click("reapply-button");
        browser.click("save-button");
        browser.waitForText("revision 3 by " + editor);
        Content merged = contents.latest(ref).content();
        assertThat(merged.title()).isEqualTo("Shoulder rolls");
        assertThat(merged.summary()).isEqualTo("Roll the shoulders backwards, slowly.");

        // restore appends a new revision with the old content
        browser.open("/history/technique/" + slug);
        browser.click("restore-1");
        assertThat(browser.text("confirm-message")).contains("content of revision 1");
        browser.click("confirm-button");
        browser.waitForText("Restored as revision 4");
        Revision restored = contents.latest(ref);
        assertThat(restored.number()).isEqualTo(4);
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.content().title()).isEqualTo("Shoulder roll");
    }

    @Test
    void failedLoginsAreAuditedAndDelayNewAddressesWithTheSameMessage() {
        String victim = user("lk", Role.EDITOR);
        for (int i = 0; i <= UserService.FREE_ATTEMPTS; i++) {
            browser.login(victim, "wrong-password-" + i);
            browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        }
        String failedMessage = browser.loginErrorMessage();
        assertThat(users.isDelayed(victim)).isTrue();
        assertThat(audit.count(new AuditQuery(victim, null, AuditAction.LOGIN_FAILED, null, null)))
                .isGreaterThan(UserService.FREE_ATTEMPTS);
        // from this address (never logged in to the account), even the right password waits for the delay,
        // and the answer is the same as for a wrong one
        browser.login(victim, PASSWORD);
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();
        assertThat(browser.loginErrorMessage()).isEqualTo(failedMessage).contains("Wrong user name or password");
        browser.screenshot("login-delayed");
    }

    @Test
    void storedScriptPayloadsAreShownAsTextAndNeverRun() {
        String attacker = user("xa", Role.EDITOR);
        String viewer = user("xv", Role.EDITOR);
        String slug = "xss-probe-" + suffix;
        ContentRef ref = new ContentRef(ContentType.TECHNIQUE, slug);
        String imgTitle = "<img src=x onerror=alert(1)>";
        String body = "<script>window.__xss=1;alert(1)</script>\n\n[click me](javascript:alert(1))\n\n"
                + "\"><svg onload=alert(1)>\n\n<img src=x onerror=\"window.__xss=2\">";
        Actor bad = actor(attacker, Role.EDITOR);
        contents.create(Content.builder(ContentType.TECHNIQUE, slug).title(imgTitle)
                .summary("\"><svg onload=alert(1)>").body("harmless").pressure(Pressure.GENTLE)
                .bodyAreas(List.of(BodyArea.NECK)).aliases(List.of("<script>alert(1)</script>", "\"><svg onload=alert(1)>"))
                .build(), "<b>note</b>", bad);
        contents.save(ref, 1, contents.latest(ref).content().toBuilder().title(imgTitle + " v2").body(body).build(),
                "<img src=x onerror=alert(2)>", bad);

        browser.loginAndWait(viewer, PASSWORD);
        browser.open("/content");
        browser.type("filter-text", "xss-probe-" + suffix);
        browser.waitForText(imgTitle + " v2");
        browser.assertNoAlert();
        browser.screenshot("xss-grid");

        browser.open("/edit/technique/" + slug);
        browser.waitFor(By.id("preview"));
        browser.assertNoAlert();
        assertThat(browser.driver.findElements(By.cssSelector("#preview script, #preview img, #preview svg"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        assertThat(browser.text("preview")).contains("<script>");
        assertThat(browser.bodyText()).contains(imgTitle + " v2");
        browser.screenshot("xss-editor-preview");

        browser.open("/history/technique/" + slug);
        browser.waitFor(By.cssSelector("#comparison ins"));
        browser.assertNoAlert();
        assertThat(browser.driver.findElements(By.cssSelector("#comparison script, #comparison img, #comparison svg")))
                .isEmpty();
        assertThat(browser.text("comparison")).contains(imgTitle).contains("<script>");
        assertThat(browser.text("history-grid")).contains("<img src=x onerror=alert(2)>");
        browser.screenshot("xss-comparison");
        browser.assertNoAlert();

        browser.open("/review/technique/" + slug + "/2");
        browser.waitFor(By.id("review-content"));
        browser.assertNoAlert();
        assertThat(browser.driver.findElements(By.cssSelector("#review-content script, #review-content img,"
                + " #review-content svg"))).isEmpty();
        assertThat(browser.text("review-content")).contains("<script>alert(1)</script>");
        assertThat(browser.text("review-heading")).contains(imgTitle);
    }

    @Test
    void adminManagesUsersAndReadsTheAuditLog() {
        String admin = user("ad", Role.ADMIN, Role.EDITOR);
        browser.loginAndWait(admin, PASSWORD);
        browser.open("/users");
        browser.waitFor(By.id("users-grid"));
        String newcomer = "nu" + suffix;
        browser.type("new-username", newcomer);
        browser.type("new-display-name", "New User");
        browser.type("new-password", "a-long-enough-password");
        browser.pick("new-roles", "CLINICIAN");
        browser.click("create-user-button");
        browser.waitForText(newcomer);
        assertThat(users.find(newcomer)).hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.CLINICIAN));
        browser.screenshot("users");

        browser.open("/audit");
        browser.waitFor(By.id("audit-grid"));
        browser.type("audit-user", admin);
        browser.waitForText("Created user");
        assertThat(browser.text("audit-grid")).doesNotContain("USER_CREATED");
        browser.screenshot("audit-log");
    }
}
