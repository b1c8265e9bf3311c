package org.knead.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.knead.api.ApiTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.TestPropertySource;

/**
 * The public site in a headless Chromium, as a person uses it: from "what do you feel?" to a technique
 * and the warnings that apply to it; red flags first; a phone's width; axe-core clean; nothing the
 * Content-Security-Policy refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// an application context (and store) of its own: only the reference content, as a visitor sees it
// (the shared context holds the other tests' items, which would show in results and screenshots)
@TestPropertySource(properties = "knead.test.context=site-browser")
class SiteBrowserTest extends ApiTestSupport {

    private static final String RED_FLAG_QUERY = "numbness in both legs and can't control my bladder";
    private SiteBrowser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(SiteBrowser.available(), "Chromium and chromedriver are not installed");
        browser = new SiteBrowser(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void desktop() {
        browser.desktop();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void fromSearchToATechniqueToAWarningFromItsCautions() {
        browser.open("/");
        browser.assertAccessible();
        browser.screenshot("search");
        WebElement box = browser.find("#q");
        box.sendKeys("swedish massage");
        browser.find("form[role=search] button[type=submit]").click();
        browser.waitUntil(d -> browser.path().startsWith("/?q=swedish+massage"));
        browser.find("ol.results");
        browser.assertAccessible();
        browser.screenshot("search-results");

        WebElement hit = browser.driver.findElements(By.cssSelector("a.result-title")).stream()
                .filter(a -> a.getText().equals("Swedish Massage")).findFirst().orElseThrow();
        hit.click();
        browser.waitUntil(d -> browser.path().equals("/techniques/swedish-massage"));
        assertThat(browser.find("h1").getText()).isEqualTo("Swedish Massage");
        WebElement cautions = browser.find("#cautions");
        WebElement benefits = browser.find(".benefits");
        assertThat(cautions.getRect().getY()).as("cautions come before benefits").isLessThan(benefits.getRect().getY());
        browser.assertAccessible();
        browser.screenshot("technique");

        WebElement caution = cautions.findElement(By.cssSelector("a"));
        String warningTitle = caution.getText();
        caution.click();
        browser.waitUntil(d -> browser.path().startsWith("/warnings/"));
        assertThat(browser.find("h1").getText()).isEqualTo(warningTitle);
        assertThat(browser.find("p.severity").getText()).startsWith("Severity:");
        assertThat(browser.find(".action-box .action").getText()).isNotBlank();
        assertThat(browser.driver.findElements(By.cssSelector(".sources a[href^='https://']"))).isNotEmpty();
        assertThat(browser.find(".page-review").getText()).isNotBlank();
        browser.assertAccessible();
        browser.screenshot("warning");

        assertThat(browser.consoleMessages()).as("the browser console").noneMatch(m -> m.contains("Content Security Policy")
                || m.contains("Refused") || m.contains("Uncaught"));
    }

    @Test
    void aRedFlagQueryShowsTheMostSevereFlagFirstAboveTheResults() {
        browser.open("/?q=" + q(RED_FLAG_QUERY));
        List<WebElement> flags = browser.driver.findElements(By.cssSelector("#red-flags .flag"));
        assertThat(flags).isNotEmpty();
        assertThat(flags.get(0).getAttribute("class")).contains("severity-emergency");
        assertThat(browser.find("#red-flags").getAttribute("aria-live")).isEqualTo("assertive");
        WebElement firstResult = browser.find("a.result-title");
        assertThat(flags.get(0).getRect().getY()).isLessThan(firstResult.getRect().getY());
        browser.assertAccessible();
        browser.screenshot("red-flags");

        assertThat(browser.driver.findElements(By.cssSelector("#red-flags .flag a")).stream()
                .map(a -> a.getAttribute("href"))).anyMatch(h -> h.endsWith("/warnings/cauda-equina-signs"));
        WebElement first = flags.get(0).findElement(By.cssSelector("a"));
        String title = first.getText();
        first.click();
        browser.waitUntil(d -> browser.path().startsWith("/warnings/"));
        assertThat(browser.find("h1").getText()).isEqualTo(title);
        assertThat(browser.find("p.severity").getText()).contains("Emergency");
    }

    @Test
    void theSkipLinkIsTheFirstStopAndLeadsToTheMainContent() {
        browser.open("/techniques/swedish-massage");
        browser.find("body").sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to main content");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        focused.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> "main".equals(browser.driver.executeScript("return document.activeElement.id;")));
    }

    @Test
    void suggestionsAppearAsYouType() {
        browser.open("/");
        browser.find("#q").sendKeys("mus");
        browser.waitUntil(d -> ((Long) browser.driver.executeScript(
                "return document.getElementById('q-suggestions').options.length;")) > 0);
        Object first = browser.driver.executeScript("return document.getElementById('q-suggestions').options[0].value;");
        assertThat(String.valueOf(first)).isNotBlank();
        assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    }

    @Test
    void onAPhoneNoPageScrollsSidewaysAndEveryPageStaysAccessible() {
        browser.phone();
        for (String path : List.of("/", "/?q=" + q(RED_FLAG_QUERY), "/techniques/swedish-massage",
                "/warnings/cauda-equina-signs", "/techniques/no-such-technique", "/symptoms", "/articles/back-neck-pain-massage")) {
            browser.open(path);
            assertThat(browser.innerWidth()).isEqualTo(390);
            assertThat(browser.scrollWidth()).as("scroll width of " + path + " at 390 px").isLessThanOrEqualTo(390);
            browser.assertAccessible();
        }
        browser.open("/?q=" + q("knots in my shoulder"));
        browser.screenshot("phone-search-results");
        browser.open("/techniques/trigger-point-massage");
        browser.screenshot("phone-technique");
    }

    @Test
    void theAxeCheckFailsOnAnInaccessiblePage() {
        browser.open("/techniques/no-such-technique");
        browser.driver.executeScript("document.querySelector('main').insertAdjacentHTML('beforeend',"
                + " '<input type=\"text\"><a href=\"/\"></a>');");
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("label").hasMessageContaining("link-name");
    }

    @Test
    void theNotFoundPageIsAccessible() {
        browser.open("/warnings/no-such-warning");
        assertThat(browser.find("h1").getText()).isEqualTo("Page not found");
        browser.assertAccessible();
    }
}
