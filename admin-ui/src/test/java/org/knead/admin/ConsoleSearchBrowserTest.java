package org.knead.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The content list searches drafts through the search module: a typo finds a draft saved a moment ago. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleSearchBrowserTest extends BrowserSession {

    @Autowired
    ContentService contents;
    @Autowired
    WorkflowService workflow;

    /** Chooses an option of a Vaadin combo box by typing its label. */
    private void choose(String id, String label) {
        WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(label);
        browser.waitForVaadin();
        input.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
    }

    private void waitUntilGone(String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> !browser.bodyText().contains(text));
    }

    @Test
    void aDraftSavedInTheEditorIsFoundWithATypoAndTheStateFilterNarrows() {
        String editor = user("se", Role.EDITOR);
        String draftTitle = "Pectoralis doorway opener " + suffix;
        String reviewTitle = "Doorway wall slide " + suffix;
        String unrelatedTitle = "Shoulder roll " + suffix;
        Revision other = contents.create(Content.builder(ContentType.TECHNIQUE, "wall-slide-" + suffix)
                .title(reviewTitle).summary("Slide the arms up a wall.").body("Slowly.").pressure(Pressure.GENTLE)
                .bodyAreas(List.of(BodyArea.UPPER_BACK)).build(), "start", actor(editor, Role.EDITOR));
        workflow.submit(other.ref(), other.number(), actor(editor, Role.EDITOR));
        contents.create(Content.builder(ContentType.TECHNIQUE, "shoulder-roll-" + suffix).title(unrelatedTitle)
                .summary("Roll the shoulders.").body("Slowly.").pressure(Pressure.GENTLE)
                .bodyAreas(List.of(BodyArea.SHOULDERS)).build(), "start", actor(editor, Role.EDITOR));

        browser.loginAndWait(editor, PASSWORD);
        browser.open("/content");
        browser.click("new-button");
        browser.type("title", draftTitle);
        browser.type("slug", "doorway-opener-" + suffix);
        browser.type("summary", "Open the chest in a doorway.");
        browser.type("body", "Lean forward gently.");
        browser.pick("pressure", "gentle");
        browser.pick("body-areas", "neck");
        browser.click("save-button");
        browser.waitForText("revision 1 by " + editor);

        browser.open("/content");
        browser.waitFor(By.id("content-grid"));
        // the whole list is long by now (other tests' items) and the grid draws only the rows in view:
        // find the unrelated item by its title first, then see it go when the words change
        browser.type("filter-text", unrelatedTitle);
        browser.waitForText(unrelatedTitle);
        browser.type("filter-text", "dorway");
        waitUntilGone(unrelatedTitle);
        browser.waitForText(draftTitle);
        browser.waitForText(reviewTitle);
        assertThat(browser.bodyText()).contains("1 · draft").contains("1 · in review");
        browser.screenshot("console-search-typo");

        choose("filter-state", "in review");
        waitUntilGone(draftTitle);
        assertThat(browser.bodyText()).contains(reviewTitle);

        choose("filter-state", "draft");
        browser.waitForText(draftTitle);
        waitUntilGone(reviewTitle);
        browser.screenshot("console-search-state");
    }
}
