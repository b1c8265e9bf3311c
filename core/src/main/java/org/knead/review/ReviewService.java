package org.knead.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.ContentRef;
import org.knead.revision.Item;
import org.knead.revision.ItemHistory;
import org.knead.revision.ItemOverview;
import org.knead.revision.ReviewDecision;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.knead.revision.WithdrawalRequest;
import org.knead.revision.WorkflowException;
import org.springframework.stereotype.Service;

/**
 * Reviewing: submitting a revision, approving it or sending it back, and what waits for whom. The
 * rules are {@link ItemHistory}'s (four eyes over everyone who wrote since the last approval, clinical
 * sign-off); this service loads the item, asks, and persists the decision.
 */
@Service
public class ReviewService {

    private final RevisionStore store;
    private final ClinicalReviewService clinical;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewService(RevisionStore store, ClinicalReviewService clinical, AuditLog audit, Clock clock) {
        this.store = store;
        this.clinical = clinical;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sends the latest revision to review. */
    public Revision submit(ContentRef ref, int number, Actor actor) {
        actor.requireEditor("submit content for review");
        ItemHistory history = store.loadHistory(ref);
        history.maySubmit(number, actor).orThrow();
        Revision r = history.require(number);
        Revision submitted = store.transition(r, EnumSet.of(RevisionState.DRAFT, RevisionState.CHANGES_REQUESTED),
                RevisionState.IN_REVIEW, null).orElseThrow(() -> changedMeanwhile(r));
        audit.record(actor, AuditAction.SUBMIT, r.itemId(), number,
                history.requiresClinicalSignOff(submitted) ? "needs clinical sign-off" : null);
        return submitted;
    }

    /**
     * Approves a revision in review. Refuses everyone who wrote it or a revision it builds on since the
     * last approval (four eyes), and anyone but a clinician when it needs clinical sign-off. A clinician's
     * approval is bound to the content's hash.
     */
    public Revision approve(ContentRef ref, int number, String comment, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        ReviewDecision decision = history.approval(number, comment, actor, clock.instant());
        Revision r = history.require(number);
        Revision approved = store.transition(r, EnumSet.of(RevisionState.IN_REVIEW), RevisionState.APPROVED, decision)
                .orElseThrow(() -> changedMeanwhile(r));
        audit.record(actor, decision.clinical() ? AuditAction.SIGN_OFF : AuditAction.APPROVE, r.itemId(), number,
                decision.comment());
        return approved;
    }

    /** Sends a revision in review back to its author, with a comment saying what to change. */
    public Revision requestChanges(ContentRef ref, int number, String comment, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        ReviewDecision decision = history.changesRequest(number, comment, actor, clock.instant());
        Revision r = history.require(number);
        Revision sentBack = store.transition(r, EnumSet.of(RevisionState.IN_REVIEW), RevisionState.CHANGES_REQUESTED,
                decision).orElseThrow(() -> changedMeanwhile(r));
        audit.record(actor, AuditAction.REQUEST_CHANGES, r.itemId(), number, decision.comment());
        return sentBack;
    }

    /** The item with what this person may do with revision {@code number} and the item, from one load. */
    public ItemOverview overview(ContentRef ref, int number, Actor actor) {
        return store.loadHistory(ref).overview(number, actor, clock.instant());
    }

    /** What waits for this person: clinical work for clinicians, four-eyes approvals for editors. */
    public List<ReviewTask> queueFor(Actor actor) {
        List<ReviewTask> tasks = new ArrayList<>();
        Map<String, ItemHistory> histories = new HashMap<>();
        for (Revision r : store.revisionsInState(List.of(RevisionState.IN_REVIEW))) {
            ItemHistory history = histories.computeIfAbsent(r.itemId(), id -> store.loadHistory(r.ref()));
            if (history.mayReview(r.number(), actor).refused()) {
                continue;
            }
            boolean needsClinician = history.requiresClinicalSignOff(r);
            if (needsClinician && actor.isClinician()) {
                tasks.add(task(ReviewTask.Kind.CLINICAL_SIGN_OFF, r, r.createdAt()));
            } else if (!needsClinician) {
                tasks.add(task(ReviewTask.Kind.APPROVAL, r, r.createdAt()));
            }
        }
        if (actor.isClinician()) {
            for (Item item : clinical.clinicalAttention()) {
                Revision r = store.requireRevision(item.ref(), item.publishedRevision());
                ReviewTask.Kind kind = item.awaitingClinicalReview() || item.review() == null
                        ? ReviewTask.Kind.FIRST_REVIEW : ReviewTask.Kind.RE_REVIEW;
                Instant since = kind == ReviewTask.Kind.RE_REVIEW ? item.review().nextReviewDue() : item.publishedAt();
                tasks.add(task(kind, r, since));
            }
            for (Item item : store.withdrawalRequests()) {
                WithdrawalRequest w = item.withdrawalRequest();
                if (w.requestedBy().equals(actor.username())) {
                    continue;
                }
                int revision = item.isPublished() ? item.publishedRevision() : item.headRevision();
                tasks.add(new ReviewTask(ReviewTask.Kind.WITHDRAWAL, item.ref(), item.title(), revision,
                        w.requestedBy(), w.requestedAt()));
            }
        }
        tasks.sort(Comparator.comparing(ReviewTask::since, Comparator.nullsLast(Comparator.naturalOrder())));
        return tasks;
    }

    /** Approved revisions waiting to be published or scheduled. */
    public List<Revision> readyToPublish() {
        return store.revisionsInState(List.of(RevisionState.APPROVED));
    }

    private static WorkflowException changedMeanwhile(Revision r) {
        return new WorkflowException("Revision " + r.number() + " of " + r.itemId() + " changed meanwhile (it was "
                + r.state().label() + "); look again.");
    }

    private static ReviewTask task(ReviewTask.Kind kind, Revision r, Instant since) {
        return new ReviewTask(kind, r.ref(), r.title(), r.number(), r.author(), since);
    }
}
