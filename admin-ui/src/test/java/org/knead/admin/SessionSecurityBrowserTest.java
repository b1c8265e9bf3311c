package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Sessions follow the account, in a real browser: a user who is disabled, loses a role or has
 * their password reset is thrown out at their next request (the tab stays open meanwhile, so
 * Vaadin's heartbeat would have kept the old session alive), and a generated or admin-set password
 * must be changed before anything else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionSecurityBrowserTest extends BrowserSession {

    private static final Actor ROOT = new Actor("root-admin", Set.of(Role.ADMIN), "test");

    @Autowired
    AuditLog audit;

    /** Clicks the side navigation: one request to the server, as any action in the open tab. */
    private void nextRequest() {
        browser.driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(i -> i.getText().strip().equals("Content")).findFirst().orElseThrow().click();
    }

    @Test
    void aDisabledUserIsThrownOutWithinARequest() {
        String admin = user("ad", Role.ADMIN, Role.EDITOR);
        browser.loginAndWait(admin, PASSWORD);
        browser.open("/users");
        browser.waitFor(By.id("users-grid"));
        assertThat(browser.text("users-grid")).contains(admin);

        users.setEnabled(admin, false, ROOT);

        nextRequest();
        browser.waitForLoginPage();
        assertThat(browser.driver.findElements(By.id("users-grid"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("current-user"))).isEmpty();
        browser.open("/users");
        browser.waitForLoginPage();
        browser.open("/audit");
        browser.waitForLoginPage();
        assertThat(audit.find(new AuditQuery(admin, null, AuditAction.LOGOUT, null, null), 0, 5))
                .extracting(AuditEntry::detail).anySatisfy(d -> assertThat(d).contains("disabled"));
        browser.screenshot("disabled-user-thrown-out");

        // with the right password, a disabled user is told what happened and whom to ask
        browser.login(admin, PASSWORD);
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.loginErrorMessage()).contains("disabled").contains("Ask an administrator");
        // with a wrong one, nothing but the usual answer
        browser.login(admin, "not-the-password");
        browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.loginErrorMessage()).doesNotContain("disabled").contains("Wrong user name or password");
    }

    @Test
    void aRoleTakenAwayCountsAtOnce() {
        String admin = user("ra", Role.ADMIN, Role.EDITOR);
        browser.loginAndWait(admin, PASSWORD);
        browser.open("/users");
        browser.waitFor(By.id("users-grid"));

        users.changeRoles(admin, Set.of(Role.EDITOR), ROOT);

        nextRequest();
        browser.waitForLoginPage();
        // logging in again brings the user back to the user list, which is no longer theirs to see
        browser.login(admin, PASSWORD);
        browser.waitFor(By.id("not-available"));
        assertThat(browser.driver.findElements(By.id("users-grid"))).isEmpty();
        browser.open("/");
        assertThat(browser.text("current-user")).contains("EDITOR").doesNotContain("ADMIN");
    }

    @Test
    void aPasswordResetEndsTheSessionAndTheNewPasswordMustBeChangedFirst() {
        String editor = user("pr", Role.EDITOR);
        browser.loginAndWait(editor, PASSWORD);
        browser.open("/content");
        browser.waitFor(By.id("content-grid"));

        users.resetPassword(editor, "set-by-the-admin-1", ROOT);

        nextRequest();
        browser.waitForLoginPage();
        browser.login(editor, "set-by-the-admin-1");
        browser.waitFor(By.id("must-change-password"));
        browser.open("/content");
        browser.waitFor(By.id("must-change-password"));
        assertThat(browser.driver.findElements(By.id("content-grid"))).isEmpty();
        browser.screenshot("must-change-password");

        browser.type("current-password", "set-by-the-admin-1");
        browser.type("password-new", "my-own-password-1");
        browser.type("password-repeat", "my-own-password-1");
        browser.click("change-password-button");
        browser.waitFor(By.id("current-user"));
        browser.open("/content");
        browser.waitFor(By.id("content-grid"));
        assertThat(users.find(editor).orElseThrow().mustChangePassword()).isFalse();

        browser.click("logout-button");
        browser.waitForLoginPage();
        browser.loginAndWait(editor, "my-own-password-1");
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndEndsOtherSessions() throws Exception {
        String editor = user("cp", Role.EDITOR);
        try (Browser other = new Browser(port)) {
            other.loginAndWait(editor, PASSWORD);
            other.open("/content");
            other.waitFor(By.id("content-grid"));

            browser.loginAndWait(editor, PASSWORD);
            browser.click("change-password-link");
            browser.waitFor(By.id("change-password-heading"));
            browser.type("current-password", "not-my-password");
            browser.type("password-new", "my-new-password-2");
            browser.type("password-repeat", "my-new-password-2");
            browser.click("change-password-button");
            browser.waitForText("The current password is not right.");
            browser.type("current-password", PASSWORD);
            browser.type("password-new", "é".repeat(40));
            browser.type("password-repeat", "é".repeat(40));
            browser.click("change-password-button");
            browser.waitForText("72 bytes");
            browser.type("current-password", PASSWORD);
            browser.type("password-new", "my-new-password-2");
            browser.type("password-repeat", "my-new-password-2");
            browser.click("change-password-button");
            browser.waitFor(By.id("current-user"));
            browser.open("/content");
            browser.waitFor(By.id("content-grid")); // this session goes on

            other.driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                    .filter(i -> i.getText().strip().equals("Dashboard")).findFirst().orElseThrow().click();
            other.waitForLoginPage(); // the other one ended
        }
    }
}
