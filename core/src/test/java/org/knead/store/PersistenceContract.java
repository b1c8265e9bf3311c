package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.StaleRevisionException;
import org.knead.testing.MutableClock;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The persistence contract: what Knead needs of its store, run against the embedded store on
 * every build ({@link EmbeddedStorePersistenceTest}) and against a real MongoDB wherever Docker
 * runs ({@link MongoDbPersistenceIT}).
 */
abstract class PersistenceContract {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);

    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void everySaveAppendsARevisionAndOldRevisionsKeepTheirContent() {
        Revision first = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        content.save(first.ref(), 1, symptom("stiff-neck", "Stiff neck and shoulders"), "wider", BEN);

        List<Revision> history = content.history(first.ref());
        assertThat(history).extracting(Revision::number).containsExactly(2, 1);
        assertThat(history).extracting(Revision::author).containsExactly("ben", "anna");
        assertThat(content.revision(first.ref(), 1).content().title()).isEqualTo("Stiff neck");
        assertThat(content.requireItem(first.ref()).headRevision()).isEqualTo(2);
    }

    @Test
    void aStaleSaveIsRefusedNamingWhoSavedInBetween() {
        Revision first = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        content.save(first.ref(), 1, symptom("stiff-neck", "Ben's title"), "ben's change", BEN);

        assertThatThrownBy(() -> content.save(first.ref(), 1, symptom("stiff-neck", "Anna's title"), "", ANNA))
                .isInstanceOf(StaleRevisionException.class)
                .hasMessageContaining("ben")
                .hasMessageContaining("revision 2");
        assertThat(content.history(first.ref())).hasSize(2);
        assertThat(content.latest(first.ref()).content().title()).isEqualTo("Ben's title");
    }

    @Test
    void concurrentSavesOnOneItemNeverLoseOneSilently() throws Exception {
        ContentRef ref = content.create(symptom("stiff-neck", "v0"), "", ANNA).ref();
        int threads = 8;
        int attemptsEach = 15;
        AtomicInteger saved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> savedTitles = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    int base = content.latest(ref).number();
                    String title = "t" + thread + "-" + i;
                    try {
                        content.save(ref, base, symptom("stiff-neck", title), "", Actor.of("user" + thread,
                                Role.EDITOR));
                        saved.incrementAndGet();
                        savedTitles.add(title);
                    } catch (StaleRevisionException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Revision> history = content.history(ref);
        assertThat(saved.get() + refused.get()).isEqualTo(threads * attemptsEach);
        assertThat(history).hasSize(saved.get() + 1);
        assertThat(history.stream().skip(0).map(r -> r.content().title()).filter(t -> !t.equals("v0")))
                .containsExactlyInAnyOrderElementsOf(savedTitles);
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).number()).isEqualTo(history.size() - i);
        }
    }

    @Test
    void aPublishedRevisionReachesThePublicAndThePublicationLog() {
        ContentRef ref = content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref();
        workflow.submit(ref, 1, ANNA);
        workflow.approve(ref, 1, "ok", BEN);
        workflow.publish(ref, 1, ANNA);
        content.save(ref, 1, symptom("stiff-neck", "Draft title"), "", ANNA);

        assertThat(published.find(ref).orElseThrow().content().title()).isEqualTo("Stiff neck");
        workflow.unpublish(ref, ANNA);
        assertThat(published.find(ref)).isEmpty();
        assertThat(log.readAfter(0, 10)).extracting(PublicationEntry::action)
                .containsExactly(PublicationAction.PUBLISHED, PublicationAction.UNPUBLISHED);
    }

    @Test
    void concurrentPublicationLogAppendsAreGapFreeAndStrictlyIncreasing() throws Exception {
        int threads = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(log.append(PublicationAction.PUBLISHED, ContentRef.of(ContentType.SYMPTOM, "s" + i), 1,
                            "t").sequence());
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            List<Long> mine = f.get(60, TimeUnit.SECONDS);
            assertThat(mine).isSorted();
            all.addAll(mine);
        }
        pool.shutdown();
        Collections.sort(all);
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= threads * each; i++) {
            expected.add(i);
        }
        assertThat(all).isEqualTo(expected);
        assertThat(log.readAfter(100, 1000)).extracting(PublicationEntry::sequence).first().isEqualTo(101L);
    }

    @Test
    void aScheduledPublicationHappensOnceWhenDueEvenIfDueWhileDown() {
        ContentRef ref = content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref();
        workflow.submit(ref, 1, ANNA);
        workflow.approve(ref, 1, "ok", BEN);
        workflow.schedule(ref, 1, clock.instant().plus(Duration.ofHours(1)), ANNA);

        assertThat(workflow.publishDue()).isZero();
        assertThat(published.find(ref)).isEmpty();
        clock.advance(Duration.ofHours(5));
        assertThat(workflow.publishDue()).isEqualTo(1);
        assertThat(workflow.publishDue()).isZero();

        assertThat(published.find(ref)).isPresent();
        assertThat(log.readAfter(0, 10)).hasSize(1);
        assertThat(content.requireItem(ref).scheduled()).isNull();
    }

    static Content symptom(String slug, String title) {
        return Content.builder(ContentType.SYMPTOM, slug).title(title).summary("What it feels like.").build();
    }
}
