package org.knead.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.knead.review.WorkflowTest.ANNA;
import static org.knead.review.WorkflowTest.BEN;
import static org.knead.review.WorkflowTest.CLARA;
import static org.knead.review.WorkflowTest.symptom;
import static org.knead.review.WorkflowTest.technique;
import static org.knead.review.WorkflowTest.warning;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.WithdrawalRequest;
import org.knead.revision.WithdrawalRequest.Action;
import org.knead.revision.WorkflowException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** No path removes a red flag (a warning, or a symptom that triggers one) from the public without a clinician. */
@SpringBootTest(classes = CoreTestApplication.class)
class RedFlagWithdrawalTest {

    static final Actor DAN = Actor.of("dan", Role.CLINICIAN);
    /** A clinician who also edits. */
    static final Actor CLEO = new Actor("cleo", Set.of(Role.CLINICIAN, Role.EDITOR), "test");

    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired AuditLog audit;
    @Autowired MongoTemplate mongo;

    ContentRef symptomRef;
    ContentRef warningRef;

    @BeforeEach
    void publishedSymptomAndWarning() {
        StoreCleaner.clean(mongo);
        symptomRef = publish(content.create(symptom("numbness", "Numbness"), "", ANNA).ref(), BEN);
        warningRef = publish(content.create(warning("numb-arms", "Numb arms"), "", ANNA).ref(), CLARA);
    }

    private ContentRef publish(ContentRef ref, Actor approver) {
        workflow.submit(ref, 1, ANNA);
        workflow.approve(ref, 1, "ok", approver);
        workflow.publish(ref, 1, ANNA);
        return ref;
    }

    @Test
    void anEditorCannotUnpublishOrArchiveAPublishedWarning() {
        long before = log.lastSequence();

        assertThatThrownBy(() -> workflow.unpublish(warningRef, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("clinician").hasMessageContaining("request");
        assertThatThrownBy(() -> workflow.archive(warningRef, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("clinician");

        assertThat(published.find(warningRef)).isPresent();
        assertThat(log.lastSequence()).isEqualTo(before);
        assertThat(content.requireItem(warningRef).status()).isEqualTo(ItemStatus.ACTIVE);
    }

    @Test
    void anEditorsRequestLeavesTheWarningPublicUntilAClinicianConfirmsIt() {
        long before = log.lastSequence();

        workflow.requestWithdrawal(warningRef, Action.UNPUBLISH, "Merged into numbness-or-weakness", ANNA);

        Item item = content.requireItem(warningRef);
        WithdrawalRequest request = item.withdrawalRequest();
        assertThat(request.requestedBy()).isEqualTo("anna");
        assertThat(request.action()).isEqualTo(Action.UNPUBLISH);
        assertThat(request.reason()).isEqualTo("Merged into numbness-or-weakness");
        assertThat(request.requestedAt()).isNotNull();
        assertThat(request.revision()).isEqualTo(1);
        assertThat(published.find(warningRef)).isPresent();
        assertThat(log.lastSequence()).isEqualTo(before);
        assertThat(lastAudit(warningRef).action()).isEqualTo(AuditAction.REQUEST_WITHDRAWAL);
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind, ReviewTask::ref, ReviewTask::author)
                .contains(tuple(ReviewTask.Kind.WITHDRAWAL, warningRef, "anna"));
        assertThat(workflow.queueFor(BEN)).extracting(ReviewTask::kind).doesNotContain(ReviewTask.Kind.WITHDRAWAL);

        workflow.confirmWithdrawal(warningRef, "Covered by the other warning", DAN);

        assertThat(published.find(warningRef)).isEmpty();
        assertThat(log.last()).hasValueSatisfying(e -> {
            assertThat(e.action()).isEqualTo(PublicationAction.UNPUBLISHED);
            assertThat(e.itemId()).isEqualTo(warningRef.id());
            assertThat(e.actor()).isEqualTo("dan");
        });
        assertThat(content.requireItem(warningRef).withdrawalRequest()).isNull();
        List<AuditEntry> entries = audit.find(AuditQuery.byItem(warningRef.id()), 0, 2);
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                tuple(AuditAction.UNPUBLISH, "dan"), tuple(AuditAction.CONFIRM_WITHDRAWAL, "dan"));
        assertThat(entries.get(1).detail()).contains("anna").contains("Merged into numbness-or-weakness");
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind).doesNotContain(ReviewTask.Kind.WITHDRAWAL);
    }

    @Test
    void noPairOfEditorsCanTakeAWarningDownWithoutAClinician() {
        workflow.requestWithdrawal(warningRef, Action.UNPUBLISH, "Outdated", ANNA);

        assertThatThrownBy(() -> workflow.confirmWithdrawal(warningRef, "agreed", BEN))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("clinician");
        assertThatThrownBy(() -> workflow.unpublish(warningRef, BEN)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> workflow.archive(warningRef, BEN)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> workflow.requestWithdrawal(warningRef, Action.ARCHIVE, "me too", BEN))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("already waiting");

        assertThat(published.find(warningRef)).isPresent();
        assertThat(content.requireItem(warningRef).withdrawalRequest().requestedBy()).isEqualTo("anna");
    }

    @Test
    void aWithdrawalRequestNeedsAReason() {
        assertThatThrownBy(() -> workflow.requestWithdrawal(warningRef, Action.UNPUBLISH, "  ", ANNA))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("reason");
        assertThat(content.requireItem(warningRef).withdrawalRequest()).isNull();
    }

    @Test
    void aClinicianCannotConfirmTheirOwnRequestButAnotherClinicianCan() {
        assertThatThrownBy(() -> workflow.unpublish(warningRef, CLEO)).isInstanceOf(WorkflowException.class);
        workflow.requestWithdrawal(warningRef, Action.UNPUBLISH, "Wrong advice", CLEO);

        assertThatThrownBy(() -> workflow.confirmWithdrawal(warningRef, "", CLEO))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Four eyes");
        assertThat(workflow.queueFor(CLEO)).extracting(ReviewTask::kind).doesNotContain(ReviewTask.Kind.WITHDRAWAL);
        assertThat(published.find(warningRef)).isPresent();

        workflow.confirmWithdrawal(warningRef, "", DAN);
        assertThat(published.find(warningRef)).isEmpty();
    }

    @Test
    void aClinicianDeclinesWithACommentAndTheWarningStaysPublic() {
        workflow.requestWithdrawal(warningRef, Action.UNPUBLISH, "Nobody reads it", ANNA);

        assertThatThrownBy(() -> workflow.declineWithdrawal(warningRef, " ", DAN))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> workflow.declineWithdrawal(warningRef, "no", BEN))
                .isInstanceOf(AccessDeniedException.class);
        workflow.declineWithdrawal(warningRef, "People with numb arms need it", DAN);

        assertThat(content.requireItem(warningRef).withdrawalRequest()).isNull();
        assertThat(published.find(warningRef)).isPresent();
        AuditEntry declined = lastAudit(warningRef);
        assertThat(declined.action()).isEqualTo(AuditAction.DECLINE_WITHDRAWAL);
        assertThat(declined.actor()).isEqualTo("dan");
        assertThat(declined.detail()).contains("People with numb arms need it");
        assertThatThrownBy(() -> workflow.confirmWithdrawal(warningRef, "", DAN))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("no withdrawal request");
    }

    @Test
    void onlyTheRequesterCancelsARequest() {
        workflow.requestWithdrawal(warningRef, Action.ARCHIVE, "Duplicate", ANNA);

        assertThatThrownBy(() -> workflow.cancelWithdrawal(warningRef, BEN)).isInstanceOf(AccessDeniedException.class);
        workflow.cancelWithdrawal(warningRef, ANNA);

        assertThat(content.requireItem(warningRef).withdrawalRequest()).isNull();
        assertThat(lastAudit(warningRef).action()).isEqualTo(AuditAction.CANCEL_WITHDRAWAL);
        assertThat(published.find(warningRef)).isPresent();
    }

    @Test
    void aConfirmedArchiveRequestArchivesTheWarning() {
        workflow.requestWithdrawal(warningRef, Action.ARCHIVE, "Duplicate of another warning", ANNA);
        workflow.confirmWithdrawal(warningRef, "Yes, a duplicate", DAN);

        Item item = content.requireItem(warningRef);
        assertThat(item.status()).isEqualTo(ItemStatus.ARCHIVED);
        assertThat(item.isPublished()).isFalse();
        assertThat(published.find(warningRef)).isEmpty();
        assertThat(lastAudit(warningRef)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ARCHIVE);
            assertThat(e.actor()).isEqualTo("dan");
        });
    }

    @Test
    void aSymptomThatTriggersAWarningIsWithdrawnOnlyThroughAClinician() {
        assertThatThrownBy(() -> workflow.unpublish(symptomRef, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("triggers a warning");
        assertThatThrownBy(() -> workflow.archive(symptomRef, ANNA)).isInstanceOf(WorkflowException.class);
        assertThat(published.find(symptomRef)).isPresent();

        workflow.requestWithdrawal(symptomRef, Action.UNPUBLISH, "Renamed", ANNA);
        assertThatThrownBy(() -> workflow.confirmWithdrawal(symptomRef, "", BEN))
                .isInstanceOf(AccessDeniedException.class);
        workflow.confirmWithdrawal(symptomRef, "ok", DAN);
        assertThat(published.find(symptomRef)).isEmpty();
    }

    @Test
    void nonMedicalItemsUnpublishAsBeforeAndNeedNoRequest() {
        ContentRef loose = publish(content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref(), BEN);
        ContentRef t = publish(content.create(technique("neck-glide", List.of()), "", ANNA).ref(), BEN);

        assertThatThrownBy(() -> workflow.requestWithdrawal(t, Action.UNPUBLISH, "why not", ANNA))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("directly");
        workflow.unpublish(t, ANNA);
        workflow.archive(loose, ANNA);

        assertThat(published.find(t)).isEmpty();
        assertThat(published.find(loose)).isEmpty();
    }

    @Test
    void anUnpublishedWarningIsArchivedWithoutAClinician() {
        ContentRef draft = content.create(warning("draft-warning", "Draft warning"), "", ANNA).ref();
        workflow.archive(draft, ANNA);
        assertThat(content.requireItem(draft).status()).isEqualTo(ItemStatus.ARCHIVED);
    }

    private AuditEntry lastAudit(ContentRef ref) {
        return audit.find(AuditQuery.byItem(ref.id()), 0, 1).get(0);
    }
}
