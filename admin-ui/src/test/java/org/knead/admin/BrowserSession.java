package org.knead.admin;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of the console starts from: a fresh headless Chromium per test (skipped
 * where Chromium is not installed), a screenshot of the last page, and users with names of their own.
 */
abstract class BrowserSession {

    static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    Browser browser;
    /** Unique to each test, so that names never clash in the shared store. */
    String suffix;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        browser = new Browser(port);
        suffix = "b" + SEQUENCE.incrementAndGet() + "x" + (System.nanoTime() % 100000);
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        if (browser != null) {
            browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.close();
        }
    }

    /** A user named prefix + suffix, with the shared test password. */
    String user(String prefix, Role... roles) {
        String name = prefix + suffix;
        users.create(name, prefix + " " + suffix, PASSWORD, Set.of(roles), Actor.SYSTEM);
        return name;
    }

    static Actor actor(String name, Role... roles) {
        return new Actor(name, Set.of(roles), "test");
    }
}
