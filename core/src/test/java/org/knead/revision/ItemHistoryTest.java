package org.knead.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;

/** Every workflow rule of the aggregate, in plain JUnit: no Spring, no store. */
class ItemHistoryTest {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);
    static final Actor CARL = Actor.of("carl", Role.EDITOR);
    static final Actor CLARA = Actor.of("clara", Role.CLINICIAN);
    static final Actor DAN = Actor.of("dan", Role.CLINICIAN);
    static final Actor READER = Actor.of("rita");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Period YEAR = Period.ofMonths(12);

    /** Builds an item's history revision by revision, as the store would hold it. */
    static final class Given {
        final ContentType type;
        final String slug;
        final List<Revision> revisions = new ArrayList<>();
        Integer published;
        ItemStatus status = ItemStatus.ACTIVE;
        ClinicalReview review;
        ScheduledPublication scheduled;
        WithdrawalRequest withdrawal;
        boolean trigger;

        Given(ContentType type, String slug) {
            this.type = type;
            this.slug = slug;
        }

        Given rev(Content c, String author, RevisionState state, ReviewDecision... reviews) {
            int n = revisions.size() + 1;
            Instant published = state == RevisionState.PUBLISHED ? T0 : null;
            revisions.add(new Revision(Revision.idOf(type.key() + ":" + slug, n), type.key() + ":" + slug, type, slug,
                    n, c, ContentHash.of(c), author, T0.plusSeconds(n), "", n == 1 ? null : n - 1, null, state,
                    List.of(reviews), published));
            if (state == RevisionState.PUBLISHED) {
                this.published = n;
            }
            return this;
        }

        /** Marks revision n as once public (it carries lastPublishedAt). */
        Given wasPublic(int n) {
            Revision r = revisions.get(n - 1);
            revisions.set(n - 1, new Revision(r.id(), r.itemId(), r.type(), r.slug(), r.number(), r.content(),
                    r.contentHash(), r.author(), r.createdAt(), r.changeNote(), r.basedOn(), r.restoredFrom(),
                    r.state(), r.reviews(), T0));
            return this;
        }

        ItemHistory history() {
            Revision head = revisions.get(revisions.size() - 1);
            Item item = new Item(type.key() + ":" + slug, type, slug, head.title(), head.number(), head.author(),
                    head.createdAt(), head.state(), published, published == null ? null : T0, status, scheduled,
                    review, false, type.isMedical(), T0, "anna", withdrawal, null, List.of());
            return ItemHistory.of(item, revisions, trigger);
        }
    }

    static ReviewDecision approvedBy(Actor a, Content c) {
        return new ReviewDecision(a.username(), a.roles(), ReviewDecision.Decision.APPROVED, "", T0,
                ContentHash.of(c), a.isClinician());
    }

    static Content symptom(String title) {
        return Content.builder(ContentType.SYMPTOM, "numbness").title(title).summary("What it feels like.").build();
    }

    static Content technique(List<String> cautions) {
        return Content.builder(ContentType.TECHNIQUE, "neck-glide").title("Neck glide").summary("Helps.")
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK)).cautions(cautions).build();
    }

    static Content warning(String title) {
        return Content.builder(ContentType.WARNING, "numb-arms").title(title).summary("A red flag.")
                .severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.")
                .sources(org.knead.testing.TestSources.nhsBackPain()).advice("See a doctor.")
                .triggerSymptoms(List.of("numbness")).triggerPhrases(List.of("numb arms")).build();
    }

    static Given symptomItem() {
        return new Given(ContentType.SYMPTOM, "numbness");
    }

    // ------------------------------------------------------------------ four eyes

    @Test
    void theAuthorMayNotApprove() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.IN_REVIEW).history();

        assertThat(h.mayApprove(1, ANNA).reason()).contains("Four eyes");
        assertThat(h.mayApprove(1, BEN).allowed()).isTrue();
        assertThatThrownBy(() -> h.approval(1, "", ANNA, T0)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyWhoWroteARevisionSinceTheLastApprovalMayApprove() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED, approvedBy(BEN, symptom("Numbness")))
                .rev(symptom("Numb"), "ben", RevisionState.DRAFT)
                .rev(symptom("Numb feeling"), "anna", RevisionState.IN_REVIEW).history();

        assertThat(h.authorsSinceLastApproval(h.require(3))).containsExactlyInAnyOrder("anna", "ben");
        assertThat(h.mayApprove(3, BEN).refused()).isTrue();
        assertThat(h.mayApprove(3, BEN).reason()).contains("Four eyes").contains("builds on");
        assertThat(h.mayApprove(3, CARL).allowed()).isTrue();
    }

    @Test
    void theAuthorOfAnApprovedRevisionMayApproveTheNextOneByAnother() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.SUPERSEDED, approvedBy(BEN, symptom("Numbness")))
                .rev(symptom("Numb"), "ben", RevisionState.IN_REVIEW).history();

        assertThat(h.authorsSinceLastApproval(h.require(2))).containsExactly("ben");
        assertThat(h.mayApprove(2, ANNA).allowed()).isTrue();
    }

    @Test
    void onlyEditorsAndCliniciansReview() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.IN_REVIEW).history();
        assertThat(h.mayReview(1, READER).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
        assertThat(h.mayRequestChanges(1, " ", BEN).reason()).contains("needs a comment");
    }

    @Test
    void aSupersededRevisionCannotBeReviewed() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.SUPERSEDED)
                .rev(symptom("Numb"), "anna", RevisionState.DRAFT).history();
        assertThat(h.mayApprove(1, BEN).reason()).contains("superseded");
    }

    @Test
    void onlyTheLatestDraftIsSubmitted() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.DRAFT)
                .rev(symptom("Numb"), "ben", RevisionState.DRAFT).history();
        assertThat(h.maySubmit(1, ANNA).reason()).contains("not the latest");
        assertThat(h.maySubmit(2, ANNA).allowed()).isTrue();
        assertThat(h.maySubmit(2, CLARA).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
    }

    // ------------------------------------------------------------------ what needs a clinician

    @Test
    void everyWarningRevisionNeedsAClinician() {
        ItemHistory h = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "anna",
                RevisionState.IN_REVIEW).history();
        assertThat(h.requiresClinicalSignOff(h.require(1))).isTrue();
        assertThat(h.mayApprove(1, BEN).reason()).contains("clinician");
        assertThat(h.mayApprove(1, CLARA).allowed()).isTrue();
        assertThat(h.approval(1, "ok", CLARA, T0).clinical()).isTrue();
    }

    @Test
    void aTechniquesCautionsAreMeasuredAgainstItsLastVettedCautionsEvenAfterUnpublishing() {
        ItemHistory h = new Given(ContentType.TECHNIQUE, "neck-glide")
                .rev(technique(List.of("numb-arms")), "anna", RevisionState.APPROVED).wasPublic(1)
                .rev(technique(List.of()), "anna", RevisionState.IN_REVIEW).history();

        assertThat(h.baseline(h.require(2))).map(Content::cautions).contains(List.of("numb-arms"));
        assertThat(h.requiresClinicalSignOff(h.require(2))).isTrue();

        ItemHistory plain = new Given(ContentType.TECHNIQUE, "neck-glide")
                .rev(technique(List.of()), "anna", RevisionState.IN_REVIEW).history();
        assertThat(plain.baseline(plain.require(1))).isEmpty();
        assertThat(plain.requiresClinicalSignOff(plain.require(1))).isFalse();
    }

    @Test
    void aTriggerSymptomsWordsNeedAClinicianItsSummaryDoesNot() {
        Given g = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED,
                approvedBy(BEN, symptom("Numbness")));
        g.trigger = true;
        Content summaryOnly = Content.builder(ContentType.SYMPTOM, "numbness").title("Numbness")
                .summary("Other words.").build();
        g.rev(summaryOnly, "anna", RevisionState.IN_REVIEW);
        assertThat(g.history().requiresClinicalSignOff(g.history().require(2))).isFalse();

        Given renamed = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED)
                .rev(symptom("Pins and needles"), "anna", RevisionState.IN_REVIEW);
        renamed.trigger = true;
        assertThat(renamed.history().requiresClinicalSignOff(renamed.history().require(2))).isTrue();
        renamed.trigger = false;
        assertThat(renamed.history().requiresClinicalSignOff(renamed.history().require(2))).isFalse();
    }

    @Test
    void withdrawingAPublishedRedFlagNeedsAClinician() {
        ItemHistory w = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "anna",
                RevisionState.PUBLISHED).history();
        assertThat(w.withdrawalNeedsClinician()).isTrue();
        assertThat(w.mayUnpublish(ANNA).reason()).contains("clinician").contains("request");
        assertThat(w.mayArchive(ANNA).reason()).contains("clinician");
        assertThat(w.mayRequestWithdrawal(WithdrawalRequest.Action.UNPUBLISH, "old", ANNA).allowed()).isTrue();
        assertThat(w.mayRequestWithdrawal(WithdrawalRequest.Action.UNPUBLISH, " ", ANNA).reason()).contains("Say why");

        Given trigger = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED);
        trigger.trigger = true;
        assertThat(trigger.history().withdrawalNeedsClinician()).isTrue();
        trigger.trigger = false;
        assertThat(trigger.history().withdrawalNeedsClinician()).isFalse();
        assertThat(trigger.history().mayRequestWithdrawal(WithdrawalRequest.Action.ARCHIVE, "x", ANNA).reason())
                .contains("needs no clinician");

        ItemHistory draft = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "anna",
                RevisionState.DRAFT).history();
        assertThat(draft.withdrawalNeedsClinician()).isFalse();
        assertThat(draft.mayArchive(ANNA).allowed()).isTrue();
    }

    @Test
    void aWithdrawalRequestIsDecidedByAnotherClinician() {
        Given g = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "anna", RevisionState.PUBLISHED);
        g.withdrawal = new WithdrawalRequest(WithdrawalRequest.Action.UNPUBLISH, "clara", T0, "old", 1);
        ItemHistory h = g.history();

        assertThat(h.mayConfirmWithdrawal(CLARA).reason()).contains("Four eyes");
        assertThat(h.mayConfirmWithdrawal(BEN).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
        assertThat(h.mayConfirmWithdrawal(DAN).allowed()).isTrue();
        assertThat(h.mayDeclineWithdrawal(" ", DAN).reason()).contains("needs a comment");
        assertThat(h.mayCancelWithdrawal(DAN).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
        assertThat(h.mayCancelWithdrawal(CLARA).allowed()).isTrue();
        assertThat(h.mayRequestWithdrawal(WithdrawalRequest.Action.ARCHIVE, "dup", ANNA).reason())
                .contains("already waiting");
    }

    // ------------------------------------------------------------------ publishing and the latest revision

    @Test
    void onlyAnApprovedRevisionWithAnApprovalByAnotherIsPublished() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.DRAFT).history();
        assertThat(h.mayPublish(1, ANNA).reason()).contains("draft");

        ItemHistory selfApproved = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.APPROVED,
                approvedBy(ANNA, symptom("Numbness"))).history();
        assertThat(selfApproved.mayPublish(1, ANNA).reason()).contains("other than its authors");

        ItemHistory ok = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.APPROVED,
                approvedBy(BEN, symptom("Numbness"))).history();
        assertThat(ok.mayPublish(1, ANNA).allowed()).isTrue();
        assertThat(ok.mayPublish(1, CLARA).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
    }

    @Test
    void aRevisionNeedingAClinicianIsNotPublishedWithoutOne() {
        ItemHistory h = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "anna",
                RevisionState.APPROVED, new ReviewDecision("ben", Set.of(Role.EDITOR), ReviewDecision.Decision.APPROVED,
                        "", T0, ContentHash.of(warning("Numb arms")), false)).history();
        assertThat(h.mayPublish(1, ANNA).reason()).contains("clinician's sign-off");
    }

    @Test
    void publishingOverANewerPublicRevisionIsRefusedAndNamesTheRevert() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.APPROVED, approvedBy(BEN, symptom("Numbness")))
                .rev(symptom("Numb"), "anna", RevisionState.PUBLISHED, approvedBy(BEN, symptom("Numb"))).history();

        assertThat(h.mayPublish(1, ANNA).reason()).contains("newer").contains("revert to revision 1");
        assertThat(h.mayPublish(2, ANNA).allowed()).isTrue();
        assertThat(h.isPublished(2)).isTrue();
    }

    @Test
    void aSupersededOrArchivedRevisionIsNotPublished() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.SUPERSEDED, approvedBy(BEN, symptom("Numbness")))
                .rev(symptom("Numb"), "anna", RevisionState.DRAFT).history();
        assertThat(h.mayPublish(1, ANNA).reason()).contains("superseded");

        Given archived = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.APPROVED,
                approvedBy(BEN, symptom("Numbness")));
        archived.status = ItemStatus.ARCHIVED;
        assertThat(archived.history().mayPublish(1, ANNA).reason()).contains("archived");
        assertThat(archived.history().mayUnarchive(ANNA).allowed()).isTrue();
    }

    @Test
    void aNewerSaveSupersedesRevisionsInReviewApprovedOrSentBackOnly() {
        Revision newer = symptomItem().rev(symptom("a"), "anna", RevisionState.DRAFT).rev(symptom("b"), "anna",
                RevisionState.DRAFT).history().require(2);
        for (RevisionState s : RevisionState.values()) {
            Revision older = symptomItem().rev(symptom("a"), "anna", s).history().require(1);
            assertThat(ItemHistory.supersedes(newer, older)).as(s.name())
                    .isEqualTo(s == RevisionState.IN_REVIEW || s == RevisionState.APPROVED
                            || s == RevisionState.CHANGES_REQUESTED);
            assertThat(ItemHistory.supersedes(older, newer)).isFalse();
        }
    }

    @Test
    void aScheduleNeedsAnApprovedRevisionAndAFutureTime() {
        ItemHistory h = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.APPROVED,
                approvedBy(BEN, symptom("Numbness"))).history();
        assertThat(h.maySchedule(1, T0.plusSeconds(60), ANNA, T0).allowed()).isTrue();
        assertThat(h.maySchedule(1, T0, ANNA, T0).reason()).contains("future");
        assertThat(h.mayCancelSchedule(ANNA).reason()).contains("no scheduled publication");
    }

    @Test
    void thePublicIsToldOnlyAboutAReviewOfExactlyThatContent() {
        Content w1 = warning("Numb arms");
        Given g = new Given(ContentType.WARNING, "numb-arms").rev(w1, "anna", RevisionState.APPROVED,
                approvedBy(CLARA, w1));
        Publication p = g.history().publication(1, T0, YEAR);
        assertThat(p.review().reviewedBy()).isEqualTo("clara");
        assertThat(p.review().nextReviewDue()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(p.awaitingClinicalReview()).isFalse();

        Given imported = new Given(ContentType.WARNING, "numb-arms").rev(w1, "import", RevisionState.DRAFT);
        Publication first = imported.history().importedPublication(1, T0);
        assertThat(first.review()).isNull();
        assertThat(first.awaitingClinicalReview()).isTrue();
    }

    @Test
    void nothingIsPublishedOrWithdrawnWhileAnotherPublicationIsUnderWay() {
        Given g = symptomItem().rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED,
                approvedBy(BEN, symptom("Numbness")));
        ItemHistory before = g.history();
        Item item = before.item();
        Item pending = new Item(item.id(), item.type(), item.slug(), item.title(), item.headRevision(),
                item.headAuthor(), item.headAt(), item.headState(), item.publishedRevision(), item.publishedAt(),
                item.status(), null, null, false, false, T0, "anna", null,
                PublicationIntent.withdraw(1, false, T0, "ben"), List.of());
        ItemHistory h = ItemHistory.of(pending, before.revisions(), false);

        assertThat(h.publicationUnderWay()).isTrue();
        assertThat(h.mayUnpublish(ANNA).reason()).contains("under way").contains("ben");
        assertThat(h.mayArchive(ANNA).reason()).contains("under way");
        assertThat(h.mayPublish(1, ANNA).reason()).contains("under way");
    }

    // ------------------------------------------------------------------ revert

    @Test
    void aRevertNeedsAReasonAndARevisionThatWasPublicOrApproved() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.SUPERSEDED).wasPublic(1)
                .rev(symptom("Numb"), "anna", RevisionState.SUPERSEDED)
                .rev(symptom("Numb feeling"), "anna", RevisionState.PUBLISHED, approvedBy(BEN, symptom("Numb feeling")))
                .history();

        assertThat(h.mayRevert(1, " ", ANNA).reason()).contains("needs a reason");
        assertThat(h.mayRevert(1, "the addition was wrong", ANNA).allowed()).isTrue();
        assertThat(h.mayRevert(2, "why not", ANNA).reason()).contains("never public");
        assertThat(h.mayRevert(3, "again", ANNA).reason()).contains("already public");
        assertThat(h.mayRevert(1, "x", CLARA).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
    }

    @Test
    void theOverviewOffersARevertOnlyToOlderRevisionsThatMayComeBack() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.SUPERSEDED).wasPublic(1)
                .rev(symptom("Numb"), "anna", RevisionState.SUPERSEDED)
                .rev(symptom("Numb feeling"), "anna", RevisionState.PUBLISHED, approvedBy(BEN, symptom("Numb feeling")))
                .rev(symptom("Numb feelings"), "anna", RevisionState.DRAFT)
                .history();

        ItemOverview editor = h.overview(ANNA, T0);
        assertThat(editor.revert(1).allowed()).isTrue();
        assertThat(editor.revert(2).reason()).contains("never public");
        assertThat(editor.revert(3).allowed()).isFalse();
        assertThat(editor.revert(4).reason()).contains("not older than the public revision");
        assertThat(h.overview(CLARA, T0).revert(1).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
    }

    @Test
    void revertingAWarningNeedsTheClinicalApprovalItCarriedOrAClinician() {
        Content w1 = warning("Numb arms");
        Content w2 = warning("Numb arms or hands");
        Actor editingClinician = new Actor("cleo", Set.of(Role.EDITOR, Role.CLINICIAN), "test");
        ItemHistory signed = new Given(ContentType.WARNING, "numb-arms")
                .rev(w1, "anna", RevisionState.SUPERSEDED, approvedBy(CLARA, w1)).wasPublic(1)
                .rev(w2, "anna", RevisionState.PUBLISHED, approvedBy(CLARA, w2)).history();
        assertThat(signed.mayRevert(1, "back", ANNA).allowed()).isTrue();

        ItemHistory unsigned = new Given(ContentType.WARNING, "numb-arms")
                .rev(w1, "import", RevisionState.SUPERSEDED).wasPublic(1)
                .rev(w2, "anna", RevisionState.PUBLISHED, approvedBy(CLARA, w2)).history();
        assertThat(unsigned.mayRevert(1, "back", ANNA).reason()).contains("a clinician has to revert");
        assertThat(unsigned.mayRevert(1, "back", editingClinician).allowed()).isTrue();
    }

    // ------------------------------------------------------------------ clinical re-review

    @Test
    void aClinicianOtherThanTheAuthorConfirmsAReviewWithItsSourcesChecked() {
        ItemHistory h = new Given(ContentType.WARNING, "numb-arms").rev(warning("Numb arms"), "clara",
                RevisionState.PUBLISHED).history();
        assertThat(h.mayConfirmReview(true, BEN).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
        assertThat(h.mayConfirmReview(false, DAN).reason()).contains("sources");
        assertThat(h.mayConfirmReview(true, CLARA).reason()).contains("Four eyes");
        ClinicalReview review = h.confirmedReview(true, DAN, T0, YEAR);
        assertThat(review.sourcesConfirmedAt()).isEqualTo(T0);
        assertThat(review.covers(1, h.require(1).contentHash())).isTrue();
    }

    // ------------------------------------------------------------------ the overview the console renders

    @Test
    void theOverviewSaysWhatThisPersonMayDoAndWhyNot() {
        ItemHistory h = symptomItem()
                .rev(symptom("Numbness"), "anna", RevisionState.PUBLISHED, approvedBy(BEN, symptom("Numbness")))
                .rev(symptom("Numb"), "anna", RevisionState.APPROVED, approvedBy(BEN, symptom("Numb"))).history();

        ItemOverview anna = h.overview(ANNA, T0);
        assertThat(anna.head().number()).isEqualTo(2);
        assertThat(anna.published().number()).isEqualTo(1);
        assertThat(anna.readyToPublish().number()).isEqualTo(2);
        assertThat(anna.allows(ItemAction.PUBLISH)).isTrue();
        assertThat(anna.allows(ItemAction.UNPUBLISH)).isTrue();
        assertThat(anna.allows(ItemAction.REQUEST_UNPUBLISH)).isFalse();
        assertThat(anna.decision(ItemAction.CANCEL_SCHEDULE).reason()).contains("no scheduled publication");

        ItemOverview clara = h.overview(CLARA, T0);
        assertThat(clara.decision(ItemAction.PUBLISH).refusal()).isEqualTo(Decision.Refusal.NOT_PERMITTED);
    }
}
