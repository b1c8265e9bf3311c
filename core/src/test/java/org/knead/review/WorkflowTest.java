package org.knead.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.publication.PublicationAction;
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

@SpringBootTest(classes = CoreTestApplication.class)
class WorkflowTest {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);
    static final Actor CLARA = Actor.of("clara", Role.CLINICIAN);

    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;
    @Autowired org.knead.audit.AuditLog audit;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void anApprovedRevisionIsPublishedAndLogged() {
        Revision r = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        workflow.submit(r.ref(), 1, ANNA);
        workflow.approve(r.ref(), 1, "fine", BEN);
        long before = log.lastSequence();

        workflow.publish(r.ref(), 1, ANNA);

        assertThat(published.find(r.ref())).get().extracting(p -> p.content().title()).isEqualTo("Stiff neck");
        List<PublicationEntry> entries = log.readAfter(before, 10);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(PublicationAction.PUBLISHED);
            assertThat(e.itemId()).isEqualTo("symptom:stiff-neck");
            assertThat(e.sequence()).isEqualTo(before + 1);
        });
    }

    @Test
    void nobodyApprovesTheirOwnRevision() {
        Revision r = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        workflow.submit(r.ref(), 1, ANNA);

        assertThatThrownBy(() -> workflow.approve(r.ref(), 1, "mine", ANNA))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Four eyes");
        assertThat(content.revision(r.ref(), 1).state()).isEqualTo(RevisionState.IN_REVIEW);
    }

    @Test
    void aWarningNeedsAClinicianAndTheSignOffIsBoundToItsContent() {
        content.create(symptom("numbness", "Numbness"), "", ANNA);
        Revision w = content.create(warning("numb-arms", "Numb arms"), "", ANNA);
        ContentRef ref = w.ref();
        workflow.submit(ref, 1, ANNA);

        assertThatThrownBy(() -> workflow.approve(ref, 1, "ok", BEN)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("clinician");
        workflow.approve(ref, 1, "clinically sound", CLARA);
        workflow.publish(ref, 1, ANNA);

        var item = content.requireItem(ref);
        assertThat(item.review().reviewedBy()).isEqualTo("clara");
        assertThat(item.review().nextReviewDue()).isAfter(clock.instant().plus(Duration.ofDays(360)));
        assertThat(published.find(ref).orElseThrow().review().reviewedBy()).isEqualTo("clara");
    }

    @Test
    void aPublishRefusesARevisionThatWasNeverApproved() {
        Revision r = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        assertThatThrownBy(() -> workflow.publish(r.ref(), 1, ANNA)).isInstanceOf(WorkflowException.class);
        assertThat(published.find(r.ref())).isEmpty();
    }

    @Test
    void archivingWithdrawsFromThePublicKeepsHistoryAndStopsEdits() {
        Revision r = content.create(symptom("stiff-neck", "Stiff neck"), "first", ANNA);
        workflow.submit(r.ref(), 1, ANNA);
        workflow.approve(r.ref(), 1, "fine", BEN);
        workflow.publish(r.ref(), 1, ANNA);

        workflow.archive(r.ref(), ANNA);

        assertThat(published.find(r.ref())).isEmpty();
        assertThat(content.history(r.ref())).hasSize(1);
        assertThat(log.last().orElseThrow().action()).isEqualTo(PublicationAction.UNPUBLISHED);
        assertThatThrownBy(() -> content.save(r.ref(), 1, symptom("stiff-neck", "x"), "", ANNA))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("archived");
        workflow.unarchive(r.ref(), ANNA);
        workflow.publish(r.ref(), 1, ANNA);
        assertThat(published.find(r.ref())).isPresent();
    }

    @Test
    void everyWorkflowStepIsAuditedWithWhoAndWhere() {
        Actor fromAddress = new Actor("anna", java.util.Set.of(Role.EDITOR), "192.0.2.7");
        Revision r = content.create(symptom("stiff-neck", "Stiff neck"), "first", fromAddress);
        workflow.submit(r.ref(), 1, fromAddress);
        workflow.requestChanges(r.ref(), 1, "Say where it hurts.", BEN);

        var entries = audit.find(org.knead.audit.AuditQuery.byItem(r.ref().id()), 0, 10);
        assertThat(entries).extracting(org.knead.audit.AuditEntry::action).containsExactly(
                org.knead.audit.AuditAction.REQUEST_CHANGES, org.knead.audit.AuditAction.SUBMIT,
                org.knead.audit.AuditAction.CREATE);
        assertThat(entries.get(2).origin()).isEqualTo("192.0.2.7");
        assertThat(entries.get(0).detail()).isEqualTo("Say where it hurts.");
        assertThat(audit.count(new org.knead.audit.AuditQuery(null, null, null, clock.instant().plusSeconds(1), null)))
                .isZero();
        assertThat(content.revision(r.ref(), 1).lastDecision().orElseThrow().comment()).isEqualTo("Say where it hurts.");
    }

    @Test
    void aRevisionSentBackMustChangeBeforeItGoesToReviewAgain() {
        Revision r = content.create(symptom("sent-back", "Sent back"), "first", ANNA);
        workflow.submit(r.ref(), 1, ANNA);
        workflow.requestChanges(r.ref(), 1, "Say where it hurts.", BEN);

        // unchanged, to the same or another reviewer: refused
        assertThatThrownBy(() -> workflow.submit(r.ref(), 1, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessageContaining("Changes were requested").hasMessageContaining("Say where it hurts.");
        Revision sameAgain = content.save(r.ref(), 1, symptom("sent-back", "Sent back"), "no change", ANNA);
        assertThatThrownBy(() -> workflow.submit(r.ref(), sameAgain.number(), ANNA))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("same content");

        Revision changed = content.save(r.ref(), sameAgain.number(), symptom("sent-back", "Sent back")
                .toBuilder().summary("An ache on the left of the neck.").build(), "where it hurts", ANNA);
        assertThat(workflow.submit(r.ref(), changed.number(), ANNA).state()).isEqualTo(RevisionState.IN_REVIEW);
    }

    static Content symptom(String slug, String title) {
        return Content.builder(ContentType.SYMPTOM, slug).title(title).summary("What it feels like.").build();
    }

    static Content warning(String slug, String title) {
        return Content.builder(ContentType.WARNING, slug).title(title).summary("A red flag.")
                .severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain()).advice("See a doctor.").triggerSymptoms(List.of("numbness"))
                .triggerPhrases(List.of("numb arms")).build();
    }

    static Content technique(String slug, List<String> cautions) {
        return Content.builder(ContentType.TECHNIQUE, slug).title("Technique " + slug).summary("Helps.")
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK)).cautions(cautions).build();
    }
}
