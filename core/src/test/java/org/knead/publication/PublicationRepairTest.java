package org.knead.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditLog;
import org.knead.config.CoreProperties;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationSteps.Step;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A publish or withdrawal cut short between any two of its steps is completed by the repair, after which
 * the item, its public copy and the publication log agree, and the log's last entry for the item says
 * what the public sees (so every follower re-reads it).
 */
@SpringBootTest(classes = CoreTestApplication.class)
class PublicationRepairTest {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);

    @Autowired ContentService content;
    @Autowired ReviewService review;
    @Autowired PublishingService publishing;
    @Autowired PublicationRepair repair;
    @Autowired RevisionStore store;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired AuditLog audit;
    @Autowired Clock clock;
    @Autowired CoreProperties settings;
    @Autowired MongoTemplate mongo;

    ContentRef ref;

    @BeforeEach
    void anApprovedSymptom() {
        StoreCleaner.clean(mongo);
        ref = content.create(Content.builder(ContentType.SYMPTOM, "stiff-neck").title("Stiff neck")
                .summary("What it feels like.").build(), "", ANNA).ref();
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "ok", BEN);
    }

    /** A publishing service whose steps fail just before {@code step}, as a crash there would. */
    private PublishingService failingBefore(Step step) {
        PublicationSteps steps = new PublicationSteps(store, published, log, s -> {
            if (s == step) {
                throw new IllegalStateException("crash before " + s);
            }
        });
        return new PublishingService(store, steps, audit, clock, settings);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aPublishCutShortBeforeAnyStepIsCompletedOrNeverHappened(Step step) {
        assertThatThrownBy(() -> failingBefore(step).publish(ref, 1, ANNA)).hasMessageContaining("crash");

        repair.repair();

        Item item = store.requireItem(ref);
        assertThat(item.pending()).isNull();
        if (step == Step.INTENT) {
            assertThat(item.isPublished()).isFalse();
            assertThat(published.find(ref)).isEmpty();
            assertThat(lastEntry()).isEmpty();
            assertThat(store.requireRevision(ref, 1).state()).isEqualTo(RevisionState.APPROVED);
            return;
        }
        assertPublic(1);
    }

    /** The editor (or a client) retrying the publish that failed finishes it, with no repair run. */
    @ParameterizedTest
    @EnumSource(Step.class)
    void retryingAPublishCutShortFinishesIt(Step step) {
        assertThatThrownBy(() -> failingBefore(step).publish(ref, 1, ANNA)).hasMessageContaining("crash");

        publishing.publish(ref, 1, ANNA);

        assertThat(store.requireItem(ref).pending()).isNull();
        assertPublic(1);
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void aWithdrawalCutShortBeforeAnyStepIsCompletedOrNeverHappened(Step step) {
        publishing.publish(ref, 1, ANNA);

        assertThatThrownBy(() -> failingBefore(step).unpublish(ref, ANNA)).hasMessageContaining("crash");

        repair.repair();

        Item item = store.requireItem(ref);
        assertThat(item.pending()).isNull();
        if (step == Step.INTENT) {
            assertPublic(1);
            return;
        }
        assertThat(item.isPublished()).isFalse();
        assertThat(published.find(ref)).isEmpty();
        assertThat(lastEntry()).get().extracting(PublicationEntry::action).isEqualTo(PublicationAction.UNPUBLISHED);
        assertThat(store.requireRevision(ref, 1).state()).isEqualTo(RevisionState.APPROVED);
        publishing.publish(ref, 1, ANNA);
        assertPublic(1);
    }

    @Test
    void aPublishCutShortBlocksAnotherUntilRepaired() {
        assertThatThrownBy(() -> failingBefore(Step.LOG).publish(ref, 1, ANNA)).hasMessageContaining("crash");

        assertThatThrownBy(() -> publishing.unpublish(ref, ANNA)).hasMessageContaining("under way");
        assertThat(repair.repair().completed()).containsExactly(ref.id());
        publishing.unpublish(ref, ANNA);
        assertThat(published.find(ref)).isEmpty();
    }

    @Test
    void aLostPublicCopyOrLogEntryIsReconciledFromTheItem() {
        publishing.publish(ref, 1, ANNA);
        mongo.remove(new Query(Criteria.where("_id").is(ref.id())), PublishedItem.class);
        long before = log.lastSequence();

        PublicationRepair.Report report = repair.repair();

        assertThat(report.reconciled()).containsExactly(ref.id());
        assertPublic(1);
        assertThat(log.readAfter(before, 10)).singleElement().extracting(PublicationEntry::action)
                .isEqualTo(PublicationAction.PUBLISHED);
        assertThat(repair.repair().changedNothing()).isTrue();
    }

    @Test
    void aRevisionPublishedBeforePublicationTimesWereRecordedStillCountsAsOncePublic() {
        publishing.publish(ref, 1, ANNA);
        content.save(ref, 1, Content.builder(ContentType.SYMPTOM, "stiff-neck").title("Stiff neck, better")
                .summary("What it feels like.").build(), "", ANNA);
        review.submit(ref, 2, ANNA);
        review.approve(ref, 2, "ok", BEN);
        publishing.publish(ref, 2, ANNA);
        // older data: superseded after being public, without the time it was public
        mongo.updateFirst(new Query(Criteria.where("_id").is(org.knead.revision.Revision.idOf(ref.id(), 1))),
                new org.springframework.data.mongodb.core.query.Update().unset("lastPublishedAt"),
                org.knead.revision.Revision.class);
        assertThat(store.requireRevision(ref, 1).wasPublished()).isFalse();

        repair.repair();

        assertThat(store.requireRevision(ref, 1).wasPublished()).isTrue();
        assertThat(store.requireRevision(ref, 1).state()).isEqualTo(RevisionState.SUPERSEDED);
    }

    private void assertPublic(int revision) {
        Item item = store.requireItem(ref);
        assertThat(item.publishedRevision()).isEqualTo(revision);
        assertThat(published.find(ref)).get().extracting(PublishedItem::revision).isEqualTo(revision);
        assertThat(store.requireRevision(ref, revision).state()).isEqualTo(RevisionState.PUBLISHED);
        assertThat(lastEntry()).get().satisfies(e -> {
            assertThat(e.action()).isEqualTo(PublicationAction.PUBLISHED);
            assertThat(e.revision()).isEqualTo(revision);
        });
    }

    private Optional<PublicationEntry> lastEntry() {
        List<PublicationEntry> all = log.readAfter(0, 1000);
        return all.stream().filter(e -> e.itemId().equals(ref.id())).reduce((a, b) -> b);
    }
}
