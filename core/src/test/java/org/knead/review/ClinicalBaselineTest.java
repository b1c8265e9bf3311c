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

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.WithdrawalRequest;
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

/**
 * What a change is measured against when deciding whether it needs a clinician, what the public is
 * told about who reviewed what it reads, and what a clinician confirms at a re-review.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class ClinicalBaselineTest {

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
        publish(warningRef, 1, CLARA);
    }

    private void publish(ContentRef ref, int number, Actor approver) {
        workflow.submit(ref, number, ANNA);
        workflow.approve(ref, number, "ok", approver);
        workflow.publish(ref, number, ANNA);
    }

    private ContentRef techniqueWithCautionSignedOffAndPublished() {
        ContentRef t = content.create(technique("neck-glide", List.of("numb-arms")), "", ANNA).ref();
        publish(t, 1, CLARA);
        return t;
    }

    // --- the cautions baseline survives unpublishing

    @Test
    void noPairOfEditorsCanDropATechniquesCautionsByUnpublishingItFirst() {
        ContentRef t = techniqueWithCautionSignedOffAndPublished();

        workflow.unpublish(t, ANNA);
        Revision dropped = content.save(t, 1, technique("neck-glide", List.of()), "no cautions", ANNA);
        workflow.submit(t, 2, ANNA);

        assertThat(workflow.requiresClinicalSignOff(dropped)).isTrue();
        assertThatThrownBy(() -> workflow.approve(t, 2, "fine by me", BEN)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("clinician");
        assertThatThrownBy(() -> workflow.publish(t, 2, BEN)).isInstanceOf(WorkflowException.class);
        assertThat(published.find(t)).isEmpty();
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind, ReviewTask::ref)
                .contains(tuple(ReviewTask.Kind.CLINICAL_SIGN_OFF, t));
    }

    @Test
    void aTechniquesCautionsCannotDisappearFromThePublicWithoutAClinician() {
        ContentRef t = techniqueWithCautionSignedOffAndPublished();
        content.save(t, 1, technique("neck-glide", List.of()), "no cautions", ANNA);
        workflow.submit(t, 2, ANNA);

        assertThatThrownBy(() -> workflow.approve(t, 2, "ok", BEN)).isInstanceOf(AccessDeniedException.class);
        assertThat(published.find(t).orElseThrow().content().cautions()).containsExactly("numb-arms");

        workflow.approve(t, 2, "the caution no longer applies", DAN);
        workflow.publish(t, 2, ANNA);
        assertThat(published.find(t).orElseThrow().content().cautions()).isEmpty();
    }

    @Test
    void theBaselineIsTheLastClinicallyApprovedCautionsEvenWhenTheyWereNeverPublished() {
        ContentRef t = content.create(technique("neck-glide", List.of()), "", ANNA).ref();
        publish(t, 1, BEN);
        content.save(t, 1, technique("neck-glide", List.of("numb-arms")), "caution", ANNA);
        workflow.submit(t, 2, ANNA);
        workflow.approve(t, 2, "the caution is right", DAN);
        // before revision 2 is published, an editor writes the caution away again
        Revision back = content.save(t, 2, technique("neck-glide", List.of()), "back", ANNA);

        assertThat(workflow.baseline(back)).map(Content::cautions).contains(List.of("numb-arms"));
        assertThat(workflow.requiresClinicalSignOff(back)).isTrue();
    }

    @Test
    void aPublishedRevisionWithoutThePublishedMarkStillCountsThroughItsClinicalReview() {
        ContentRef t = techniqueWithCautionSignedOffAndPublished();
        workflow.unpublish(t, ANNA);
        // data written before revisions recorded when they were published
        mongo.updateFirst(new Query(Criteria.where("_id").is(Revision.idOf(t.id(), 1))),
                new Update().unset("lastPublishedAt").set("reviews", List.of()), Revision.class);
        Revision dropped = content.save(t, 1, technique("neck-glide", List.of()), "no cautions", ANNA);

        assertThat(workflow.requiresClinicalSignOff(dropped)).isTrue();
    }

    @Test
    void aBrandNewTechniqueHasAnEmptyBaseline() {
        Revision plain = content.create(technique("plain-rub", List.of()), "", ANNA);
        Revision cautious = content.create(technique("cautious-rub", List.of("numb-arms")), "", ANNA);

        assertThat(workflow.baseline(plain)).isEmpty();
        assertThat(workflow.requiresClinicalSignOff(plain)).isFalse();
        assertThat(workflow.requiresClinicalSignOff(cautious)).isTrue();
    }

    @Test
    void republishingAnUnpublishedTechniqueWithItsCautionsNeedsNoClinician() {
        ContentRef t = techniqueWithCautionSignedOffAndPublished();
        workflow.unpublish(t, ANNA);

        workflow.publish(t, 1, BEN);
        assertThat(published.find(t).orElseThrow().content().cautions()).containsExactly("numb-arms");
    }

    // --- a trigger symptom's words need a clinician

    @Test
    void changingTheAliasesOfASymptomThatTriggersAWarningNeedsAClinician() {
        ContentRef s = new ContentRef(org.knead.content.ContentType.SYMPTOM, "numbness");
        Revision first = content.revision(s, 1);
        // the symptom is already a trigger of the warning: even its first publication needs a clinician
        assertThat(workflow.isTriggerSymptom("numbness")).isTrue();
        assertThat(workflow.requiresClinicalSignOff(first)).isTrue();
        publish(s, 1, DAN);

        Revision renamed = content.save(s, 1, symptom("numbness", "Numbness").toBuilder()
                .aliases(List.of("pins and needles")).build(), "lay word", ANNA);
        workflow.submit(s, 2, ANNA);
        assertThat(workflow.requiresClinicalSignOff(renamed)).isTrue();
        assertThatThrownBy(() -> workflow.approve(s, 2, "ok", BEN)).isInstanceOf(AccessDeniedException.class);
        assertThat(workflow.queueFor(DAN)).extracting(ReviewTask::kind, ReviewTask::ref)
                .contains(tuple(ReviewTask.Kind.CLINICAL_SIGN_OFF, s));
        workflow.approve(s, 2, "right word", DAN);
        workflow.publish(s, 2, ANNA);
        assertThat(published.find(s).orElseThrow().content().aliases()).containsExactly("pins and needles");
    }

    @Test
    void changingTheTitleOfATriggerSymptomNeedsAClinicianButItsSummaryDoesNot() {
        ContentRef s = new ContentRef(org.knead.content.ContentType.SYMPTOM, "numbness");
        publish(s, 1, DAN);

        Revision summary = content.save(s, 1, symptom("numbness", "Numbness").toBuilder().summary("Less feeling.")
                .build(), "", ANNA);
        assertThat(workflow.requiresClinicalSignOff(summary)).isFalse();
        Revision title = content.save(s, 2, symptom("numbness", "Dead arm"), "", ANNA);
        assertThat(workflow.requiresClinicalSignOff(title)).isTrue();
    }

    @Test
    void aSymptomThatTriggersNoWarningIsEditedWithoutAClinician() {
        ContentRef s = content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref();
        publish(s, 1, BEN);
        content.save(s, 1, symptom("stiff-neck", "Neck stiffness").toBuilder().aliases(List.of("cricked neck"))
                .build(), "", ANNA);

        publish(s, 2, BEN);
        assertThat(published.find(s).orElseThrow().title()).isEqualTo("Neck stiffness");
    }

    // --- the public provenance belongs to the revision a clinician signed

    @Test
    void aRevisionNoClinicianSawIsPublishedWithoutTheOlderRevisionsReview() {
        ContentRef t = techniqueWithCautionSignedOffAndPublished();
        assertThat(published.find(t).orElseThrow().review().reviewedBy()).isEqualTo("clara");

        content.save(t, 1, technique("neck-glide", List.of("numb-arms")).toBuilder().summary("New words.").build(),
                "wording", ANNA);
        publish(t, 2, BEN);

        PublishedItem now = published.find(t).orElseThrow();
        assertThat(now.revision()).isEqualTo(2);
        assertThat(now.review()).isNull();
        assertThat(now.awaitingClinicalReview()).isFalse();
    }

    @Test
    void aSignedRevisionPublishedAgainKeepsItsOwnReview() {
        workflow.requestWithdrawal(warningRef, WithdrawalRequest.Action.UNPUBLISH, "for a moment", ANNA);
        workflow.confirmWithdrawal(warningRef, "", DAN);

        workflow.publish(warningRef, 1, ANNA);
        PublishedItem again = published.find(warningRef).orElseThrow();
        assertThat(again.review().reviewedBy()).isEqualTo("clara");
        assertThat(again.review().revision()).isEqualTo(1);
        assertThat(again.awaitingClinicalReview()).isFalse();
    }

    // --- a re-review confirms the sources

    @Test
    void aWarningsReReviewNeedsTheSourcesCheckedAndRecordsIt() {
        clock.advance(Duration.ofDays(400));

        assertThatThrownBy(() -> workflow.confirmReview(warningRef, "still right", false, DAN))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("sources");
        assertThat(content.requireItem(warningRef).review().reviewedBy()).isEqualTo("clara");
        assertThat(workflow.overdue()).extracting(i -> i.ref()).containsExactly(warningRef);

        workflow.confirmReview(warningRef, "still right", true, DAN);
        var review = content.requireItem(warningRef).review();
        assertThat(review.reviewedBy()).isEqualTo("dan");
        assertThat(review.sourcesConfirmedAt()).isNotNull();
        assertThat(published.find(warningRef).orElseThrow().review().sourcesConfirmedAt()).isNotNull();
        assertThat(workflow.overdue()).isEmpty();
    }
}
