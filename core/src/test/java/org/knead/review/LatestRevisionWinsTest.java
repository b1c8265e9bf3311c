package org.knead.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.knead.review.WorkflowTest.ANNA;
import static org.knead.review.WorkflowTest.BEN;
import static org.knead.review.WorkflowTest.symptom;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.WorkflowException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.MutableClock;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The latest revision wins: a newer save supersedes older ones, and nothing brings back older text by itself. */
@SpringBootTest(classes = CoreTestApplication.class)
class LatestRevisionWinsTest {

    static final Actor CARL = Actor.of("carl", Role.EDITOR);

    @Autowired ContentService content;
    @Autowired ReviewService review;
    @Autowired PublishingService publishing;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired AuditLog audit;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    ContentRef ref;

    @BeforeEach
    void aSymptom() {
        StoreCleaner.clean(mongo);
        ref = content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref();
    }

    private void save(int basedOn, String title, Actor actor) {
        content.save(ref, basedOn, symptom("stiff-neck", title), "", actor);
    }

    @Test
    void aStaleRevisionLeavesTheApprovalQueueAndCanNeverBePublished() {
        save(1, "Stiff neck, rev 2", ANNA);
        review.submit(ref, 2, ANNA);
        save(2, "Stiff neck, rev 3", ANNA);
        save(3, "Stiff neck, rev 4", CARL);
        save(4, "Stiff neck, rev 5", ANNA);
        review.submit(ref, 5, ANNA);
        review.approve(ref, 5, "ok", BEN);
        publishing.publish(ref, 5, ANNA);

        assertThat(content.revision(ref, 2).state()).isEqualTo(RevisionState.SUPERSEDED);
        assertThat(review.queueFor(BEN)).isEmpty();
        assertThat(review.queueFor(CARL)).isEmpty();
        assertThatThrownBy(() -> review.approve(ref, 2, "looks fine", BEN)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("superseded");
        assertThatThrownBy(() -> publishing.publish(ref, 2, ANNA)).isInstanceOf(WorkflowException.class);
        assertThat(published.find(ref).orElseThrow().revision()).isEqualTo(5);
        assertThat(content.history(ref)).extracting(Revision::number, Revision::state).contains(
                org.assertj.core.groups.Tuple.tuple(2, RevisionState.SUPERSEDED));
    }

    @Test
    void anApprovedRevisionIsSupersededByANewerSaveAndItsScheduleCancelled() {
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "ok", BEN);
        publishing.schedule(ref, 1, clock.instant().plus(Duration.ofHours(1)), ANNA);

        save(1, "Stiff neck, better", CARL);

        assertThat(content.revision(ref, 1).state()).isEqualTo(RevisionState.SUPERSEDED);
        assertThat(content.requireItem(ref).scheduled()).isNull();
        assertThat(review.readyToPublish()).isEmpty();
        clock.advance(Duration.ofHours(2));
        assertThat(publishing.publishDue()).isZero();
        assertThat(published.find(ref)).isEmpty();
    }

    @Test
    void fourEyesCoverEveryoneWhoWroteSinceTheLastApproval() {
        save(1, "Stiff neck, by Ben", BEN);
        save(2, "Stiff neck, by Anna", ANNA);
        review.submit(ref, 3, ANNA);

        assertThatThrownBy(() -> review.approve(ref, 3, "ok", BEN))
                .isInstanceOf(org.knead.actor.AccessDeniedException.class).hasMessageContaining("Four eyes");
        assertThat(review.queueFor(BEN)).isEmpty();
        review.approve(ref, 3, "ok", CARL);
    }

    @Test
    void publishingOverNewerPublicTextIsRefusedButAnExplicitRevertIsAudited() {
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "ok", BEN);
        publishing.publish(ref, 1, ANNA);
        save(1, "Stiff neck, with Ben's addition", BEN);
        review.submit(ref, 2, BEN);
        review.approve(ref, 2, "ok", ANNA);
        publishing.publish(ref, 2, ANNA);

        assertThatThrownBy(() -> publishing.publish(ref, 1, ANNA)).isInstanceOf(WorkflowException.class);
        assertThat(published.find(ref).orElseThrow().revision()).isEqualTo(2);

        assertThatThrownBy(() -> publishing.revert(ref, 1, " ", ANNA)).isInstanceOf(WorkflowException.class);
        publishing.revert(ref, 1, "the addition was wrong", ANNA);

        assertThat(published.find(ref).orElseThrow().revision()).isEqualTo(1);
        assertThat(content.requireItem(ref).publishedRevision()).isEqualTo(1);
        assertThat(content.revision(ref, 1).state()).isEqualTo(RevisionState.PUBLISHED);
        assertThat(content.revision(ref, 2).state()).isEqualTo(RevisionState.SUPERSEDED);
        assertThat(log.last().orElseThrow().revision()).isEqualTo(1);
        List<AuditEntry> reverts = audit.find(AuditQuery.byItem(ref.id()), 0, 20).stream()
                .filter(e -> e.action() == AuditAction.REVERT).toList();
        assertThat(reverts).singleElement().satisfies(e -> assertThat(e.detail()).contains("in place of revision 2")
                .contains("the addition was wrong"));
    }

    @Test
    void publishingClearsTheScheduleOfAnOlderRevision() {
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "ok", BEN);
        publishing.schedule(ref, 1, clock.instant().plus(Duration.ofHours(1)), ANNA);

        publishing.publish(ref, 1, ANNA);

        assertThat(content.requireItem(ref).scheduled()).isNull();
    }

    @Test
    void aCancelledOrReplacedScheduleNeverFires() {
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "ok", BEN);
        publishing.schedule(ref, 1, clock.instant().plus(Duration.ofHours(1)), ANNA);
        publishing.cancelSchedule(ref, ANNA);
        clock.advance(Duration.ofHours(2));
        assertThat(publishing.publishDue()).isZero();
        assertThat(published.find(ref)).isEmpty();

        publishing.schedule(ref, 1, clock.instant().plus(Duration.ofHours(5)), ANNA);
        clock.advance(Duration.ofHours(2));
        assertThat(publishing.publishDue()).isZero();
        assertThat(published.find(ref)).isEmpty();
    }

    @Test
    void twoSchedulersRunningAtOnceNeverPublishTwice() throws Exception {
        for (int i = 0; i < 5; i++) {
            ContentRef r = content.create(symptom("due-" + i, "Due " + i), "", ANNA).ref();
            review.submit(r, 1, ANNA);
            review.approve(r, 1, "ok", BEN);
            publishing.schedule(r, 1, clock.instant().plus(Duration.ofMinutes(1 + i)), ANNA);
        }
        clock.advance(Duration.ofHours(1));
        long before = log.lastSequence();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start));
        start.countDown();

        assertThat(first.get() + second.get()).isEqualTo(5);
        List<PublicationEntry> entries = log.readAfter(before, 100);
        assertThat(entries).hasSize(5);
        assertThat(entries).extracting(PublicationEntry::itemId).doesNotHaveDuplicates();
        long publishes = audit.find(new AuditQuery(null, null, null, null, null), 0, 200).stream()
                .filter(e -> e.action() == AuditAction.PUBLISH).count();
        assertThat(publishes).isEqualTo(5);
    }

    private int await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return publishing.publishDue();
    }
}
