package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knead.search.SearchTestSupport.ANNA;
import static org.knead.search.SearchTestSupport.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An index on disk resumes from the sequence committed with it; broken or half-built ones are handled. */
@SpringBootTest(classes = CoreTestApplication.class)
class RestartTest {

    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired MongoTemplate mongo;

    @TempDir Path dir;

    @BeforeEach
    void empty() {
        StoreCleaner.clean(mongo);
    }

    private SearchService service() {
        return new SearchService(published, log, new SearchProperties(dir, Duration.ofMillis(20), true, 100, null, 1024, Duration.ofSeconds(10), 0));
    }

    private static List<String> slugs(SearchService s, String q) {
        return s.search(SearchRequest.of(q)).items().stream().map(SearchHit::slug).toList();
    }

    private String current() throws IOException {
        return Files.readString(dir.resolve("CURRENT"), StandardCharsets.UTF_8);
    }

    @Test
    void aReopenedIndexResumesFromItsCommittedSequence() throws Exception {
        ContentRef first = publish(content, workflow, tip("first-tip", "Foam roller"));
        SearchService before = service();
        before.start();
        before.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        assertThat(slugs(before, "foam roller")).containsExactly("first-tip");
        long stored = before.appliedSequence();
        String generation = current();
        before.stop();

        // while the process is down: one more publication, one unpublication
        publish(content, workflow, tip("second-tip", "Lacrosse ball"));
        workflow.unpublish(first, ANNA);

        SearchService after = service();
        after.initialize();
        assertThat(after.isReady()).isTrue();
        assertThat(after.appliedSequence()).as("resumes where it stopped").isEqualTo(stored);
        assertThat(current()).as("the same index, not a rebuild").isEqualTo(generation);

        after.start();
        after.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        try {
            assertThat(after.appliedSequence()).isEqualTo(log.lastSequence());
            assertThat(slugs(after, "lacrosse ball")).containsExactly("second-tip");
            assertThat(slugs(after, "foam roller")).isEmpty();
        } finally {
            after.stop();
        }
    }

    @Test
    void aReopenedIndexFindsTheRedFlagsItKeptAndThoseOfWarningsPublishedWhileItWasDown() throws Exception {
        publish(content, workflow, Content.builder(ContentType.SYMPTOM, "locked-jaw").title("Locked jaw")
                .summary("The jaw will not open.").aliases(List.of("trismus")).build());
        publish(content, workflow, warning("jaw-warning", "jaw locks", "locked-jaw"));
        SearchService before = service();
        before.start();
        before.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        before.stop();

        // while the process is down: another warning
        publish(content, workflow, warning("numb-warning", "numb hands", null));

        SearchService after = service();
        after.initialize();
        try {
            // asked at once, before the index read its warnings and symptoms (on a thread of its own)
            assertThat(flags(after, "my jaw locks")).containsExactly("jaw-warning");
            assertThat(flags(after, "trismus")).as("a trigger symptom's alias").containsExactly("jaw-warning");
            after.start();
            after.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
            assertThat(flags(after, "numb hands")).containsExactly("numb-warning");
            assertThat(flags(after, "my jaw locks")).containsExactly("jaw-warning");
        } finally {
            after.stop();
        }
    }

    private static List<String> flags(SearchService s, String q) {
        return s.search(SearchRequest.of(q)).redFlags().stream().map(RedFlag::slug).toList();
    }

    private static Content warning(String slug, String phrase, String triggerSymptom) {
        return Content.builder(ContentType.WARNING, slug).title("A warning about " + phrase).summary("See a doctor.")
                .severity(org.knead.content.Severity.EMERGENCY).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain()).advice("Call emergency services.")
                .triggerSymptoms(triggerSymptom == null ? List.of() : List.of(triggerSymptom))
                .triggerPhrases(List.of(phrase)).build();
    }

    @Test
    void aHalfBuiltGenerationLeftByACrashIsIgnoredAndDeleted() throws Exception {
        publish(content, workflow, tip("first-tip", "Foam roller"));
        SearchService before = service();
        before.start();
        before.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        before.stop();
        Path junk = Files.createDirectories(dir.resolve("gen-1"));
        Files.writeString(junk.resolve("_0.cfs"), "half written");

        SearchService after = service();
        after.start();
        after.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        try {
            assertThat(slugs(after, "foam roller")).containsExactly("first-tip");
            assertThat(junk).doesNotExist();
        } finally {
            after.stop();
        }
    }

    @Test
    void aMissingOrBrokenIndexIsRebuilt() throws Exception {
        publish(content, workflow, tip("first-tip", "Foam roller"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("CURRENT"), "gen-404");

        SearchService s = service();
        s.start();
        s.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        try {
            assertThat(s.isReady()).isTrue();
            assertThat(slugs(s, "foam roller")).containsExactly("first-tip");
            assertThat(current()).isNotEqualTo("gen-404");
        } finally {
            s.stop();
        }
    }

    @Test
    void aRebuildSwapsInANewGenerationAndRestartsFromIt() throws Exception {
        publish(content, workflow, tip("first-tip", "Foam roller"));
        SearchService s = service();
        s.start();
        s.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
        String old = current();
        s.rebuild();
        String rebuilt = current();
        assertThat(rebuilt).isNotEqualTo(old);
        assertThat(slugs(s, "foam roller")).containsExactly("first-tip");
        s.stop();

        SearchService again = service();
        again.initialize();
        assertThat(current()).isEqualTo(rebuilt);
        assertThat(slugs(again, "foam roller")).containsExactly("first-tip");
        again.stop();
    }

    @Test
    void whenDisabledNoIndexIsBuilt() {
        SearchService off = new SearchService(published, log,
                new SearchProperties(dir, Duration.ofMillis(20), false, 100, null, 1024, Duration.ofSeconds(10), 0));
        off.start();
        off.rebuild();
        assertThat(off.isReady()).isFalse();
        assertThat(off.search(SearchRequest.of("foam")).items()).isEmpty();
        assertThat(dir.resolve("CURRENT")).doesNotExist();
        off.stop();
    }

    static Content tip(String slug, String title) {
        return Content.builder(ContentType.SELF_CARE, slug).title(title).summary(title + " for the back.").build();
    }
}
