package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knead.search.SearchTestSupport.ANNA;
import static org.knead.search.SearchTestSupport.publish;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class FollowingTest {

    @Autowired SearchService search;
    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void empty() {
        StoreCleaner.clean(mongo);
        search.rebuild();
    }

    private List<String> slugs(String q) {
        return search.search(SearchRequest.of(q)).items().stream().map(SearchHit::slug).toList();
    }

    @Test
    void aPublicationBecomesSearchableAndAnUnpublicationDisappears() {
        assertThat(search.isReady()).isTrue();
        long started = System.nanoTime();
        ContentRef ref = publish(content, workflow, hotStone("Hot stone massage"));
        SearchTestSupport.awaitLog(search, log);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(search.appliedSequence()).isEqualTo(log.lastSequence());
        assertThat(slugs("hot stones")).containsExactly("hot-stone-massage");
        assertThat(millis).as("publication to searchable").isLessThan(5_000);
        System.out.println("publish (workflow) to searchable through the follower: " + millis + " ms");

        workflow.unpublish(ref, ANNA);
        SearchTestSupport.awaitLog(search, log);
        assertThat(slugs("hot stones")).isEmpty();
    }

    @Test
    void aNewRevisionReplacesTheOldOne() {
        ContentRef ref = publish(content, workflow, hotStone("Hot stone massage"));
        SearchTestSupport.awaitLog(search, log);
        Revision second = content.save(ref, 1, hotStone("Basalt stone massage"), "renamed", ANNA);
        workflow.submit(ref, second.number(), ANNA);
        workflow.approve(ref, second.number(), "ok", SearchTestSupport.BEN);
        workflow.publish(ref, second.number(), ANNA);
        SearchTestSupport.awaitLog(search, log);

        assertThat(search.search(SearchRequest.of("basalt")).items()).extracting(SearchHit::title)
                .containsExactly("Basalt stone massage");
        assertThat(search.search(SearchRequest.of("stone")).total()).isEqualTo(1);
    }

    @Test
    void aPublishedWarningRaisesItsRedFlagAndAnUnpublishedOneNoLonger() {
        assertThat(search.search(SearchRequest.of("my jaw locks")).redFlags()).isEmpty();
        publish(content, workflow, Content.builder(ContentType.SYMPTOM, "locked-jaw").title("Locked jaw")
                .summary("The jaw will not open.").aliases(List.of("lockjaw", "trismus")).build());
        ContentRef warning = publish(content, workflow, Content.builder(ContentType.WARNING, "jaw-warning")
                .title("A jaw that locks").summary("See a doctor.").severity(Severity.EMERGENCY).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain())
                .advice("Call emergency services.").triggerSymptoms(List.of("locked-jaw"))
                .triggerPhrases(List.of("jaw locks")).build());
        SearchTestSupport.awaitLog(search, log);

        assertThat(search.search(SearchRequest.of("my jaw locks")).redFlags()).extracting(RedFlag::slug)
                .containsExactly("jaw-warning");
        assertThat(search.search(SearchRequest.of("trismus")).redFlags()).extracting(RedFlag::severity)
                .containsExactly("emergency");

        // taking a red flag down is a request that a clinician confirms
        workflow.requestWithdrawal(warning, org.knead.revision.WithdrawalRequest.Action.UNPUBLISH, "merged elsewhere",
                ANNA);
        workflow.confirmWithdrawal(warning, "agreed", SearchTestSupport.CLARA);
        SearchTestSupport.awaitLog(search, log);
        assertThat(search.search(SearchRequest.of("my jaw locks")).redFlags()).isEmpty();
    }

    @Test
    void aRebuildKeepsAnsweringAndEndsAtTheHeadOfTheLog() {
        publish(content, workflow, hotStone("Hot stone massage"));
        SearchTestSupport.awaitLog(search, log);
        search.rebuild();
        assertThat(search.appliedSequence()).isEqualTo(log.lastSequence());
        assertThat(slugs("hot stone")).containsExactly("hot-stone-massage");
    }

    static Content hotStone(String title) {
        return Content.builder(ContentType.TECHNIQUE, "hot-stone-massage").title(title)
                .summary("Warm, smooth stones placed along the back.").body("Smooth heated stones glide along tense muscles.")
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.UPPER_BACK, BodyArea.LOWER_BACK)).build();
    }
}
