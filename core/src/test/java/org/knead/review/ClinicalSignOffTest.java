package org.knead.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.knead.review.WorkflowTest.ANNA;
import static org.knead.review.WorkflowTest.BEN;
import static org.knead.review.WorkflowTest.CLARA;
import static org.knead.review.WorkflowTest.symptom;
import static org.knead.review.WorkflowTest.technique;
import static org.knead.review.WorkflowTest.warning;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.ContentRef;
import org.knead.publication.PublishedContent;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.WorkflowException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.MutableClock;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@SpringBootTest(classes = CoreTestApplication.class)
class ClinicalSignOffTest {

    static final Actor DAN = Actor.of("dan", Role.CLINICIAN);

    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    ContentRef warningRef;

    @BeforeEach
    void publishedWarning() {
        StoreCleaner.clean(mongo);
        content.create(symptom("numbness", "Numbness"), "", ANNA);
        warningRef = content.create(warning("numb-arms", "Numb arms"), "", ANNA).ref();
        workflow.submit(warningRef, 1, ANNA);
        workflow.approve(warningRef, 1, "sound", CLARA);
        workflow.publish(warningRef, 1, ANNA);
    }

    @Test
    void anApprovalNoLongerCountsWhenTheContentChanges() {
        content.save(warningRef, 1, warning("numb-arms", "Numb arms or legs"), "wider", ANNA);
        workflow.submit(warningRef, 2, ANNA);
        workflow.approve(warningRef, 2, "ok", CLARA);
        // the stored content of revision 2 is altered behind the workflow's back
        mongo.updateFirst(new Query(Criteria.where("_id").is(Revision.idOf(warningRef.id(), 2))),
                new Update().set("content.advice", "Ignore it."), Revision.class);

        assertThatThrownBy(() -> workflow.publish(warningRef, 2, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("approved");
        assertThat(published.find(warningRef).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void anUnapprovedChangeToAPublishedWarningIsNeverPublic() {
        content.save(warningRef, 1, warning("numb-arms", "Changed title"), "", ANNA);
        workflow.submit(warningRef, 2, ANNA);

        assertThat(published.find(warningRef).orElseThrow().content().title()).isEqualTo("Numb arms");
        assertThatThrownBy(() -> workflow.publish(warningRef, 2, ANNA)).isInstanceOf(WorkflowException.class);
    }

    @Test
    void changingATechniquesCautionsNeedsAClinician() {
        ContentRef t = content.create(technique("neck-glide", List.of()), "", ANNA).ref();
        workflow.submit(t, 1, ANNA);
        workflow.approve(t, 1, "fine", BEN);
        workflow.publish(t, 1, ANNA);

        content.save(t, 1, technique("neck-glide", List.of("numb-arms")), "add caution", ANNA);
        workflow.submit(t, 2, ANNA);
        assertThatThrownBy(() -> workflow.approve(t, 2, "ok", BEN)).isInstanceOf(AccessDeniedException.class);
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind, ReviewTask::ref)
                .contains(org.assertj.core.groups.Tuple.tuple(ReviewTask.Kind.CLINICAL_SIGN_OFF, t));
        workflow.approve(t, 2, "caution is right", DAN);
        workflow.publish(t, 2, ANNA);

        assertThat(published.find(t).orElseThrow().content().cautions()).containsExactly("numb-arms");
    }

    @Test
    void aTechniqueEditThatKeepsItsCautionsNeedsNoClinician() {
        ContentRef t = content.create(technique("neck-glide", List.of("numb-arms")), "", ANNA).ref();
        workflow.submit(t, 1, ANNA);
        workflow.approve(t, 1, "caution ok", CLARA);
        workflow.publish(t, 1, ANNA);
        content.save(t, 1, technique("neck-glide", List.of("numb-arms")).toBuilder().summary("Better words.").build(),
                "wording", ANNA);
        workflow.submit(t, 2, ANNA);

        workflow.approve(t, 2, "ok", BEN);
        workflow.publish(t, 2, ANNA);
        assertThat(published.find(t).orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void overdueItemsGoToTheClinicianQueueUntilReviewedAgain() {
        assertThat(workflow.overdue()).isEmpty();
        clock.advance(Duration.ofDays(400));

        assertThat(workflow.overdue()).extracting(i -> i.ref()).containsExactly(warningRef);
        assertThat(published.find(warningRef).orElseThrow().isReviewOverdue(clock.instant())).isTrue();
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind).containsExactly(ReviewTask.Kind.RE_REVIEW);
        assertThat(workflow.queueFor(ANNA)).isEmpty();

        workflow.confirmReview(warningRef, "still right", true, DAN);
        assertThat(workflow.overdue()).isEmpty();
        assertThat(published.find(warningRef).orElseThrow().review().reviewedBy()).isEqualTo("dan");
    }

    @Test
    void onlyCliniciansConfirmReviews() {
        assertThatThrownBy(() -> workflow.confirmReview(warningRef, "", true, BEN)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aClinicianCannotSignOffTheirOwnRevision() {
        Actor writingClinician = new Actor("cleo", java.util.Set.of(Role.CLINICIAN, Role.EDITOR), "test");
        content.save(warningRef, 1, warning("numb-arms", "By cleo"), "", writingClinician);
        workflow.submit(warningRef, 2, writingClinician);
        assertThatThrownBy(() -> workflow.approve(warningRef, 2, "", writingClinician))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mongo.getCollection("revisions").find(new Document("_id", warningRef.id() + "#2")).first()
                .getString("state")).isEqualTo("IN_REVIEW");
    }
}
