package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.knead.search.SearchTestSupport.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.LogPosition;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationBatch;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublicationFollower;
import org.knead.publication.PublicationListener;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedItem;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The follower keeps going whatever the log holds: poison items, a rewritten log, a thread that dies. */
@SpringBootTest(classes = CoreTestApplication.class)
class FollowerResilienceTest {

    @Autowired SearchService search;
    @Autowired PublicationFollower follower;
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

    /** Writes a public copy and its log entry directly, as an import that skipped validation would. */
    private PublicationEntry publishDirectly(Content c) {
        mongo.save(PublishedItem.of(c, 1, Instant.now(), ContentHash.of(c), null, false));
        return log.append(PublicationAction.PUBLISHED, c.ref(), 1, "import");
    }

    @Test
    void anItemTheIndexCannotTakeIsSkippedAndReportedWhileLaterPublicationsBecomeSearchable() {
        String longSlug = "x".repeat(40 * 1024);
        Content poison = Content.builder(ContentType.SELF_CARE, longSlug).title("Poisonous import")
                .summary("Imported with a slug longer than the index allows.").build();
        PublicationEntry poisonEntry = publishDirectly(poison);
        publish(content, workflow, RestartTest.tip("after-poison", "Wheatbag warmth"));
        SearchTestSupport.awaitLog(search, log);

        assertThat(slugs("wheatbag")).containsExactly("after-poison");
        // the index reports its progress before the follower files the report of the round: wait for it
        await(() -> !follower.skipped().isEmpty());
        assertThat(follower.skipped()).singleElement().satisfies(s -> {
            assertThat(s.sequence()).isEqualTo(poisonEntry.sequence());
            assertThat(s.itemId()).isEqualTo(poison.ref().id());
            assertThat(s.listener()).isEqualTo("search index");
            assertThat(s.reason()).containsIgnoringCase("immense term");
        });
        assertThat(search.followerTrouble()).isEmpty();

        // a rebuild meets it again, and again indexes everything else
        search.rebuild();
        assertThat(slugs("wheatbag")).containsExactly("after-poison");
        assertThat(follower.skipped()).extracting(PublicationFollower.Skipped::itemId).containsExactly(poison.ref().id());

        // once the item is withdrawn, nothing is skipped any more
        mongo.remove(new Query(Criteria.where("_id").is(poison.ref().id())), PublishedItem.class);
        log.append(PublicationAction.UNPUBLISHED, poison.ref(), null, "cleanup");
        await(() -> follower.skipped().isEmpty());
    }

    @Test
    void aTruncatedAndRewrittenLogIsNoticedAndTheIndexAgreesWithWhatIsPublished() {
        publish(content, workflow, RestartTest.tip("kept-tip", "Keptword tip"));
        ContentRef lost = publish(content, workflow, RestartTest.tip("lost-tip", "Lostword tip"));
        SearchTestSupport.awaitLog(search, log);
        assertThat(slugs("lostword")).containsExactly("lost-tip");
        long last = log.lastSequence();
        long epoch = follower.epoch();

        // a store restored from an older state: the last publication is gone, and its number is handed out again
        mongo.remove(new Query(Criteria.where("_id").is(last)), PublicationEntry.class);
        mongo.remove(new Query(Criteria.where("_id").is(lost.id())), PublishedItem.class);
        PublicationEntry reused = publishDirectly(RestartTest.tip("other-tip", "Otherword tip"));
        assertThat(reused.sequence()).isEqualTo(last);

        await(() -> slugs("lostword").isEmpty() && slugs("otherword").equals(List.of("other-tip"))
                && search.appliedSequence() == last);
        assertThat(follower.epoch()).isGreaterThan(epoch);
        assertThat(slugs("keptword")).containsExactly("kept-tip");
    }

    @Test
    void aFollowerThreadThatDiesIsStartedAgainAndCatchesUp() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        // the listener opens on a thread of its own and is let in at a later round, maybe after the publish below
        // was handed to the index: opened at the log's end before the publish, it is handed that entry whenever it joins
        LogPosition beforePublish = LogPosition.unverified(log.lastSequence());
        PublicationListener dying = new PublicationListener() {
            @Override
            public String name() {
                return "dies once";
            }

            @Override
            public LogPosition open(Rejections rejections) {
                return beforePublish;
            }

            @Override
            public void apply(PublicationBatch batch) {
                if (failOnce.getAndSet(false)) {
                    throw new StackOverflowError("simulated");
                }
            }

            @Override
            public void rebuild(LogPosition at, Rejections rejections) {
            }

            @Override
            public int order() {
                return -100; // before the index: the batch is not applied until the thread is back
            }
        };
        int restarts = follower.restarts();
        follower.subscribe(dying, Duration.ofMillis(50));
        try {
            publish(content, workflow, RestartTest.tip("survivor-tip", "Survivorword tip"));
            SearchTestSupport.awaitLog(search, log);

            await(() -> !failOnce.get());
            await(() -> follower.restarts() == restarts + 1);
            assertThat(slugs("survivorword")).containsExactly("survivor-tip");
            await(() -> search.followerTrouble().isEmpty());
        } finally {
            follower.unsubscribe(dying);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
