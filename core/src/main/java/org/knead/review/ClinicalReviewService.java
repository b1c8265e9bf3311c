package org.knead.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.config.CoreProperties;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationSteps;
import org.knead.revision.ClinicalReview;
import org.knead.revision.Item;
import org.knead.revision.ItemHistory;
import org.knead.revision.Publication;
import org.knead.revision.PublicationIntent;
import org.knead.revision.Revision;
import org.knead.revision.RevisionStore;
import org.springframework.stereotype.Service;

/**
 * Clinical reviews of what is public: a clinician confirms a medical item again (its review date moves
 * on), and the queues of items needing a clinician (never reviewed, or overdue). Also answers the
 * clinical questions about a revision ({@link ItemHistory} decides them).
 */
@Service
public class ClinicalReviewService {

    private final RevisionStore store;
    private final PublicationSteps steps;
    private final AuditLog audit;
    private final Clock clock;
    private final CoreProperties settings;

    public ClinicalReviewService(RevisionStore store, PublicationSteps steps, AuditLog audit, Clock clock,
            CoreProperties settings) {
        this.store = store;
        this.steps = steps;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A clinician confirms the published revision of a medical item after reviewing it again (or for the
     * first time, for imported content): the review date moves on, and the public copy says so.
     *
     * @param sourcesChecked the clinician checked that the sources still say what the content says;
     *                       required for a medical warning, and recorded on the review
     */
    public Item confirmReview(ContentRef ref, String comment, boolean sourcesChecked, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        ClinicalReview review = history.confirmedReview(sourcesChecked, actor, clock.instant(),
                settings.reviewInterval());
        Item item = history.item();
        Revision r = history.require(item.publishedRevision());
        Publication again = new Publication(r.number(), item.publishedAt(), review, false, null);
        steps.run(history, PublicationIntent.publish(again, clock.instant(), actor.username()), null,
                () -> audit.recordPreceding(actor, AuditAction.SIGN_OFF, ref.id(), r.number(), "re-review"
                        + (sourcesChecked ? ", sources checked" : "") + ": " + (comment == null ? "" : comment.strip())));
        return store.requireItem(ref);
    }

    /** Published medical items that need a clinician: never reviewed, or past their review date. */
    public List<Item> clinicalAttention() {
        return store.needingClinicalAttention(clock.instant());
    }

    /** Published medical items past their next-review date. */
    public List<Item> overdue() {
        return store.overdue(clock.instant());
    }

    /** Whether publishing this revision needs a clinician's sign-off (see {@link ItemHistory#requiresClinicalSignOff}). */
    public boolean requiresClinicalSignOff(Revision r) {
        return store.loadHistory(r.ref()).requiresClinicalSignOff(r);
    }

    /** The content a change of this revision is measured against (see {@link ItemHistory#baseline}). */
    public Optional<Content> baseline(Revision r) {
        return store.loadHistory(r.ref()).baseline(r);
    }

    /** Whether any warning's published or latest revision lists this symptom among its trigger symptoms. */
    public boolean isTriggerSymptom(String symptomSlug) {
        return store.isTriggerSymptom(symptomSlug);
    }

    /** Whether taking this item off the public site needs a clinician. */
    public boolean withdrawalNeedsClinician(Item item) {
        return store.loadHistory(item.ref()).withdrawalNeedsClinician();
    }
}
