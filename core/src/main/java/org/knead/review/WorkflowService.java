package org.knead.review;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublishedItem;
import org.knead.publication.Publisher;
import org.knead.revision.ClinicalReview;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.ReviewDecision;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.knead.revision.ScheduledPublication;
import org.knead.revision.WithdrawalRequest;
import org.knead.revision.WorkflowException;
import org.knead.store.CoreProperties;
import org.knead.user.AccessDeniedException;
import org.knead.user.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The editorial workflow: DRAFT -> IN_REVIEW -> APPROVED or CHANGES_REQUESTED -> PUBLISHED, with
 * unpublish, archive and scheduled publishing. Enforces four eyes (nobody approves their own
 * revision) and clinical sign-off (medical warnings, changes to a technique's cautions and to the words
 * of a symptom that triggers a warning need a clinician's approval of exactly that content before they
 * can be published). Taking a red flag off the public site (a published warning, or a published symptom
 * that triggers one) is only ever a request, which a clinician other than the requester confirms.
 */
@Service
public class WorkflowService {

    private final RevisionStore store;
    private final Publisher publisher;
    private final AuditLog audit;
    private final Clock clock;
    private final CoreProperties settings;

    public WorkflowService(RevisionStore store, Publisher publisher, AuditLog audit, Clock clock,
            CoreProperties settings) {
        this.store = store;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** Sends the latest revision to review. */
    public Revision submit(ContentRef ref, int number, Actor actor) {
        actor.requireEditor("submit content for review");
        Revision r = store.requireRevision(ref, number);
        requireLatest(r);
        requireActive(ref);
        Revision submitted = store.transition(r, EnumSet.of(RevisionState.DRAFT, RevisionState.CHANGES_REQUESTED),
                RevisionState.IN_REVIEW, null).orElseThrow(() -> wrongState(r, "submitted", "a draft"));
        audit.record(actor, AuditAction.SUBMIT, r.itemId(), number,
                requiresClinicalSignOff(submitted) ? "needs clinical sign-off" : null);
        return submitted;
    }

    /**
     * Approves a revision in review. Refuses its author (four eyes), and anyone but a clinician when
     * the revision needs clinical sign-off. A clinician's approval is bound to the content's hash.
     */
    public Revision approve(ContentRef ref, int number, String comment, Actor actor) {
        Revision r = store.requireRevision(ref, number);
        requireReviewer(r, actor);
        boolean clinical = requiresClinicalSignOff(r);
        if (clinical && !actor.isClinician()) {
            throw new AccessDeniedException("Revision " + number + " of " + ref.id()
                    + " needs a clinician's sign-off; " + actor.username() + " is not a clinician.");
        }
        ReviewDecision decision = new ReviewDecision(actor.username(), actor.roles(),
                ReviewDecision.Decision.APPROVED, clean(comment), clock.instant(), ContentHash.of(r.content()),
                clinical);
        Revision approved = store.transition(r, EnumSet.of(RevisionState.IN_REVIEW), RevisionState.APPROVED, decision)
                .orElseThrow(() -> wrongState(r, "approved", "in review"));
        audit.record(actor, clinical ? AuditAction.SIGN_OFF : AuditAction.APPROVE, r.itemId(), number, clean(comment));
        return approved;
    }

    /** Sends a revision in review back to its author, with a comment saying what to change. */
    public Revision requestChanges(ContentRef ref, int number, String comment, Actor actor) {
        Revision r = store.requireRevision(ref, number);
        requireReviewer(r, actor);
        if (comment == null || comment.isBlank()) {
            throw new WorkflowException("Say what should change: a request for changes needs a comment.");
        }
        boolean clinical = requiresClinicalSignOff(r) && actor.isClinician();
        ReviewDecision decision = new ReviewDecision(actor.username(), actor.roles(),
                ReviewDecision.Decision.CHANGES_REQUESTED, clean(comment), clock.instant(),
                ContentHash.of(r.content()), clinical);
        Revision sentBack = store.transition(r, EnumSet.of(RevisionState.IN_REVIEW), RevisionState.CHANGES_REQUESTED,
                decision).orElseThrow(() -> wrongState(r, "sent back", "in review"));
        audit.record(actor, AuditAction.REQUEST_CHANGES, r.itemId(), number, clean(comment));
        return sentBack;
    }

    /** Publishes an approved revision now. Publishing the revision that is already published changes nothing. */
    public Revision publish(ContentRef ref, int number, Actor actor) {
        actor.requireEditor("publish");
        Revision published = doPublish(ref, number, actor.username());
        audit.record(actor, AuditAction.PUBLISH, ref.id(), number, null);
        return published;
    }

    /** Schedules an approved revision to be published at a future time. */
    public Item schedule(ContentRef ref, int number, Instant at, Actor actor) {
        actor.requireEditor("schedule publishing");
        Revision r = store.requireRevision(ref, number);
        requireActive(ref);
        if (r.state() != RevisionState.APPROVED) {
            throw wrongState(r, "scheduled", "approved");
        }
        checkPublishable(r);
        if (at == null || !at.isAfter(clock.instant())) {
            throw new WorkflowException("A scheduled publication needs a time in the future; to publish now, publish.");
        }
        store.updateItem(ref.id(), null, new Update().set("scheduled", new ScheduledPublication(number, at,
                actor.username())));
        audit.record(actor, AuditAction.SCHEDULE, ref.id(), number, "at " + at);
        return store.requireItem(ref);
    }

    public Item cancelSchedule(ContentRef ref, Actor actor) {
        actor.requireEditor("cancel a scheduled publication");
        Item item = store.requireItem(ref);
        if (item.scheduled() == null) {
            throw new WorkflowException(ref.id() + " has no scheduled publication.");
        }
        store.updateItem(ref.id(), null, new Update().unset("scheduled"));
        audit.record(actor, AuditAction.CANCEL_SCHEDULE, ref.id(), item.scheduled().revision(), null);
        return store.requireItem(ref);
    }

    /**
     * Publishes every scheduled publication that is due, including those that fell due while no
     * Knead process was running. Safe to run concurrently and repeatedly: publishing is idempotent
     * and a schedule is cleared only once its revision is published.
     *
     * @return how many were published
     */
    public int publishDue() {
        Instant now = clock.instant();
        List<Item> due = store.itemsWhere(Criteria.where("scheduled.at").lte(now), Sort.by("scheduled.at"));
        int published = 0;
        for (Item item : due) {
            ScheduledPublication s = item.scheduled();
            Actor scheduler = new Actor(s.scheduledBy(), Actor.SYSTEM.roles(), "scheduler");
            try {
                doPublish(item.ref(), s.revision(), s.scheduledBy());
                audit.record(scheduler, AuditAction.PUBLISH, item.id(), s.revision(), "scheduled for " + s.at());
                published++;
            } catch (RuntimeException e) {
                audit.record(scheduler, AuditAction.CANCEL_SCHEDULE, item.id(), s.revision(),
                        "not published: " + e.getMessage());
            }
            store.updateItem(item.id(), Criteria.where("scheduled.revision").is(s.revision()),
                    new Update().unset("scheduled"));
        }
        return published;
    }

    /** Takes an item off the public site; its revisions stay, and the revision can be published again. */
    public Item unpublish(ContentRef ref, Actor actor) {
        actor.requireEditor("unpublish");
        Item item = store.requireItem(ref);
        if (!item.isPublished()) {
            throw new WorkflowException(ref.id() + " is not published.");
        }
        requireNoClinicianNeeded(item, WithdrawalRequest.Action.UNPUBLISH);
        withdraw(item, actor.username());
        audit.record(actor, AuditAction.UNPUBLISH, ref.id(), item.publishedRevision(), null);
        return store.requireItem(ref);
    }

    /** Archives an item: unpublished if it was, kept with all its history, and no longer edited. */
    public Item archive(ContentRef ref, Actor actor) {
        actor.requireEditor("archive");
        Item item = store.requireItem(ref);
        if (item.status() == ItemStatus.ARCHIVED) {
            throw new WorkflowException(ref.id() + " is already archived.");
        }
        requireNoClinicianNeeded(item, WithdrawalRequest.Action.ARCHIVE);
        if (item.isPublished()) {
            withdraw(item, actor.username());
        }
        store.updateItem(ref.id(), null, new Update().set("status", ItemStatus.ARCHIVED).unset("scheduled"));
        audit.record(actor, AuditAction.ARCHIVE, ref.id(), item.headRevision(), null);
        return store.requireItem(ref);
    }

    /**
     * Whether taking this item off the public site needs a clinician: it is published and is a medical
     * warning, or a symptom that a warning lists among its trigger symptoms.
     */
    public boolean withdrawalNeedsClinician(Item item) {
        if (!item.isPublished()) {
            return false;
        }
        return item.type().isMedical() || (item.type() == ContentType.SYMPTOM && isTriggerSymptom(item.slug()));
    }

    /**
     * Asks for a red flag to be unpublished or archived. Nothing is withdrawn: the request is kept on
     * the item and waits in the clinicians' queue until a clinician other than the requester confirms
     * or declines it, or the requester cancels it.
     *
     * @param reason why it should go; required
     */
    public Item requestWithdrawal(ContentRef ref, WithdrawalRequest.Action action, String reason, Actor actor) {
        if (!actor.isEditor() && !actor.isClinician()) {
            throw new AccessDeniedException(actor.username() + " may not ask to withdraw content.");
        }
        Objects.requireNonNull(action, "action");
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("Say why: a request to " + action.label() + " " + ref.id()
                    + " needs a reason, for the clinician who decides on it.");
        }
        Item item = store.requireItem(ref);
        if (!withdrawalNeedsClinician(item)) {
            throw new WorkflowException(ref.id() + " needs no clinician to be " + action.label() + "d; "
                    + action.label() + " it directly.");
        }
        WithdrawalRequest request = new WithdrawalRequest(action, actor.username(), clock.instant(), reason.strip(),
                item.publishedRevision());
        boolean recorded = store.updateItem(ref.id(), Criteria.where("withdrawalRequest").is(null),
                new Update().set("withdrawalRequest", request));
        if (!recorded) {
            WithdrawalRequest pending = store.requireItem(ref).withdrawalRequest();
            throw new WorkflowException("A request to " + (pending == null ? "withdraw" : pending.action().label())
                    + " " + ref.id() + (pending == null ? "" : " by " + pending.requestedBy())
                    + " is already waiting for a clinician.");
        }
        audit.record(actor, AuditAction.REQUEST_WITHDRAWAL, ref.id(), item.publishedRevision(),
                action.label() + ": " + request.reason());
        return store.requireItem(ref);
    }

    /**
     * A clinician confirms a withdrawal request: the item is unpublished (or archived) now. Four eyes:
     * the clinician who asked cannot confirm their own request.
     */
    public Item confirmWithdrawal(ContentRef ref, String comment, Actor actor) {
        requireClinician(actor, "confirm taking a red flag off the public site");
        Item item = store.requireItem(ref);
        WithdrawalRequest request = requirePendingWithdrawal(item);
        if (request.requestedBy().equals(actor.username())) {
            throw new AccessDeniedException("Four eyes: " + actor.username() + " asked to " + request.action().label()
                    + " " + ref.id() + " and cannot confirm it; another clinician has to.");
        }
        clearWithdrawal(item, request);
        String detail = request.action().label() + " requested by " + request.requestedBy() + " (" + request.reason()
                + "), confirmed by clinician " + actor.username() + (clean(comment).isEmpty() ? "" : ": "
                + clean(comment));
        audit.record(actor, AuditAction.CONFIRM_WITHDRAWAL, ref.id(), request.revision(), detail);
        if (item.isPublished()) {
            withdraw(item, actor.username());
        }
        if (request.action() == WithdrawalRequest.Action.ARCHIVE) {
            store.updateItem(ref.id(), null, new Update().set("status", ItemStatus.ARCHIVED).unset("scheduled"));
            audit.record(actor, AuditAction.ARCHIVE, ref.id(), item.headRevision(), detail);
        } else {
            audit.record(actor, AuditAction.UNPUBLISH, ref.id(), request.revision(), detail);
        }
        return store.requireItem(ref);
    }

    /** A clinician declines a withdrawal request, saying why; the item stays public. */
    public Item declineWithdrawal(ContentRef ref, String comment, Actor actor) {
        requireClinician(actor, "decline a withdrawal request");
        if (comment == null || comment.isBlank()) {
            throw new WorkflowException("Say why the item stays public: declining a withdrawal request needs a"
                    + " comment.");
        }
        Item item = store.requireItem(ref);
        WithdrawalRequest request = requirePendingWithdrawal(item);
        clearWithdrawal(item, request);
        audit.record(actor, AuditAction.DECLINE_WITHDRAWAL, ref.id(), request.revision(), request.action().label()
                + " requested by " + request.requestedBy() + " declined: " + clean(comment));
        return store.requireItem(ref);
    }

    /** The person who asked for a withdrawal takes the request back. */
    public Item cancelWithdrawal(ContentRef ref, Actor actor) {
        Item item = store.requireItem(ref);
        WithdrawalRequest request = requirePendingWithdrawal(item);
        if (!request.requestedBy().equals(actor.username())) {
            throw new AccessDeniedException("Only " + request.requestedBy() + ", who asked, can cancel the request to "
                    + request.action().label() + " " + ref.id() + "; a clinician can decline it.");
        }
        clearWithdrawal(item, request);
        audit.record(actor, AuditAction.CANCEL_WITHDRAWAL, ref.id(), request.revision(), request.action().label());
        return store.requireItem(ref);
    }

    /** Items with a withdrawal request waiting for a clinician, oldest request first. */
    public List<Item> withdrawalRequests() {
        return store.itemsWhere(Criteria.where("withdrawalRequest").ne(null), Sort.by("withdrawalRequest.requestedAt"));
    }

    public Item unarchive(ContentRef ref, Actor actor) {
        actor.requireEditor("restore from the archive");
        Item item = store.requireItem(ref);
        if (item.status() != ItemStatus.ARCHIVED) {
            throw new WorkflowException(ref.id() + " is not archived.");
        }
        store.updateItem(ref.id(), null, new Update().set("status", ItemStatus.ACTIVE));
        audit.record(actor, AuditAction.UNARCHIVE, ref.id(), item.headRevision(), null);
        return store.requireItem(ref);
    }

    /**
     * A clinician confirms the published revision of a medical item after reviewing it again (or for
     * the first time, for imported content): the review date moves on.
     *
     * @param sourcesChecked the clinician checked that the sources still say what the content says;
     *                       required for a medical warning, and recorded on the review
     */
    public Item confirmReview(ContentRef ref, String comment, boolean sourcesChecked, Actor actor) {
        if (!actor.isClinician()) {
            throw new AccessDeniedException(actor.username() + " may not sign off medical content: only clinicians may.");
        }
        if (!sourcesChecked && ref.type() == ContentType.WARNING) {
            throw new WorkflowException("Check the sources of " + ref.id() + " first: a warning's review is confirmed"
                    + " only once its sources have been checked to still say what it says.");
        }
        Item item = store.requireItem(ref);
        if (!item.isPublished()) {
            throw new WorkflowException(ref.id() + " is not published: review its revisions in the review queue.");
        }
        Revision r = store.requireRevision(ref, item.publishedRevision());
        if (r.author().equals(actor.username())) {
            throw new AccessDeniedException("Four eyes: " + actor.username() + " wrote revision " + r.number()
                    + " and cannot sign it off.");
        }
        ClinicalReview review = newReview(actor.username(), r, sourcesChecked);
        store.updateItem(ref.id(), null, new Update().set("review", review).set("awaitingClinicalReview", false));
        publisher.publish(PublishedItem.of(r.content(), r.number(), item.publishedAt(), r.contentHash(), review,
                false), actor.username());
        audit.record(actor, AuditAction.SIGN_OFF, ref.id(), r.number(), "re-review"
                + (sourcesChecked ? ", sources checked" : "") + ": " + clean(comment));
        return store.requireItem(ref);
    }

    /** What waits for this person: clinical work for clinicians, four-eyes approvals for editors. */
    public List<ReviewTask> queueFor(Actor actor) {
        List<ReviewTask> tasks = new ArrayList<>();
        for (Revision r : store.revisionsInState(List.of(RevisionState.IN_REVIEW))) {
            if (r.author().equals(actor.username())) {
                continue;
            }
            boolean clinical = requiresClinicalSignOff(r);
            if (clinical && actor.isClinician()) {
                tasks.add(task(ReviewTask.Kind.CLINICAL_SIGN_OFF, r, r.createdAt()));
            } else if (!clinical && (actor.isEditor() || actor.isClinician())) {
                tasks.add(task(ReviewTask.Kind.APPROVAL, r, r.createdAt()));
            }
        }
        if (actor.isClinician()) {
            for (Item item : clinicalAttention()) {
                Revision r = store.requireRevision(item.ref(), item.publishedRevision());
                ReviewTask.Kind kind = item.awaitingClinicalReview() || item.review() == null
                        ? ReviewTask.Kind.FIRST_REVIEW : ReviewTask.Kind.RE_REVIEW;
                Instant since = kind == ReviewTask.Kind.RE_REVIEW ? item.review().nextReviewDue() : item.publishedAt();
                tasks.add(task(kind, r, since));
            }
            for (Item item : withdrawalRequests()) {
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

    /** Published medical items that need a clinician: never reviewed, or past their review date. */
    public List<Item> clinicalAttention() {
        Instant now = clock.instant();
        Criteria published = Criteria.where("publishedRevision").ne(null);
        Criteria needs = new Criteria().orOperator(
                Criteria.where("awaitingClinicalReview").is(true),
                Criteria.where("review.nextReviewDue").lt(now),
                Criteria.where("medical").is(true).and("review").is(null));
        return store.itemsWhere(new Criteria().andOperator(published, needs), Sort.by("_id"));
    }

    /** Published medical items past their next-review date. */
    public List<Item> overdue() {
        Instant now = clock.instant();
        return store.itemsWhere(Criteria.where("review.nextReviewDue").lt(now).and("publishedRevision").ne(null),
                Sort.by("review.nextReviewDue"));
    }

    /** Approved revisions waiting to be published or scheduled. */
    public List<Revision> readyToPublish() {
        return store.revisionsInState(List.of(RevisionState.APPROVED));
    }

    public List<Item> scheduled() {
        return store.itemsWhere(Criteria.where("scheduled").ne(null), Sort.by("scheduled.at"));
    }

    /**
     * Whether publishing this revision needs a clinician's sign-off: every revision of a medical
     * warning; a technique revision whose cautions differ from its baseline; a revision of a symptom
     * that a warning lists among its trigger symptoms whose title or aliases (the words people use)
     * differ from its baseline. The baseline is the most recent revision that was ever published or
     * carries a clinical approval (see {@link #baseline}); with none, it is empty.
     */
    public boolean requiresClinicalSignOff(Revision r) {
        if (r.type().isMedical()) {
            return true;
        }
        if (r.type() == ContentType.TECHNIQUE) {
            List<String> before = baseline(r).map(Content::cautions).orElse(List.of());
            return !Set.copyOf(before).equals(Set.copyOf(r.content().cautions()));
        }
        if (r.type() == ContentType.SYMPTOM && isTriggerSymptom(r.slug())) {
            return baseline(r).map(b -> !sameWords(b, r.content())).orElse(true);
        }
        return false;
    }

    /**
     * The content a change of this revision is measured against: that of the most recent (highest
     * numbered) revision of the item that was ever public or carries a clinical approval of its exact
     * content. Unpublishing does not reset it, so a change cannot slip past a clinician by being made
     * while the item is off the public site. Revision {@code r} itself counts only if it was public.
     */
    public Optional<Content> baseline(Revision r) {
        Item item = store.item(r.ref()).orElse(null);
        return store.history(r.ref()).stream()
                .filter(h -> h.number() == r.number() ? h.wasPublished() : vetted(h, item))
                .findFirst()
                .map(Revision::content);
    }

    /** Whether any warning's published or latest revision lists this symptom among its trigger symptoms. */
    public boolean isTriggerSymptom(String symptomSlug) {
        for (Revision w : store.warningRevisionsTriggeredBy(symptomSlug)) {
            Optional<Item> warning = store.item(w.ref());
            if (warning.isPresent() && (warning.get().headRevision() == w.number()
                    || Objects.equals(warning.get().publishedRevision(), w.number()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean vetted(Revision h, Item item) {
        if (h.wasPublished() || h.clinicalApproval().isPresent()) {
            return true;
        }
        return item != null && (Objects.equals(item.publishedRevision(), h.number())
                || (item.review() != null && item.review().covers(h.number(), h.contentHash())));
    }

    private static boolean sameWords(Content a, Content b) {
        return a.title().equals(b.title()) && Set.copyOf(a.aliases()).equals(Set.copyOf(b.aliases()));
    }

    /** The reference import: publishes its own revision without review, marking medical items as awaiting review. */
    public Revision publishImported(ContentRef ref, int number) {
        Revision r = store.requireRevision(ref, number);
        Instant now = clock.instant();
        Revision published = store.transition(r, EnumSet.of(RevisionState.DRAFT), RevisionState.PUBLISHED, null)
                .orElseThrow(() -> wrongState(r, "published by the import", "a draft"));
        boolean awaiting = r.type().isMedical();
        store.updateItem(ref.id(), null, new Update().set("publishedRevision", number).set("publishedAt", now)
                .set("awaitingClinicalReview", awaiting));
        store.markPublished(r, now);
        publisher.publish(PublishedItem.of(r.content(), number, now, r.contentHash(), null, awaiting), "import");
        return published;
    }

    private Revision doPublish(ContentRef ref, int number, String actorName) {
        Revision r = store.requireRevision(ref, number);
        Item item = store.requireItem(ref);
        if (item.status() == ItemStatus.ARCHIVED) {
            throw new WorkflowException(ref.id() + " is archived; restore it from the archive before publishing.");
        }
        if (r.state() == RevisionState.PUBLISHED && Objects.equals(item.publishedRevision(), number)) {
            return r;
        }
        checkPublishable(r);
        Instant now = clock.instant();
        Optional<ReviewDecision> clinicalApproval = r.clinicalApproval();
        Revision published = store.transition(r, EnumSet.of(RevisionState.APPROVED, RevisionState.PUBLISHED),
                RevisionState.PUBLISHED, null).orElseThrow(() -> wrongState(r, "published", "approved"));
        Integer previous = item.publishedRevision();
        if (previous != null && previous != number) {
            store.revision(ref, previous).ifPresent(p -> store.transition(p, EnumSet.of(RevisionState.PUBLISHED),
                    RevisionState.SUPERSEDED, null));
        }
        // the public provenance belongs to the revision a clinician signed: an older revision's review is
        // never carried over to content that no clinician saw
        ClinicalReview review = item.review() != null && item.review().covers(number, r.contentHash())
                ? item.review()
                : clinicalApproval.map(a -> new ClinicalReview(a.reviewer(), a.at(), plusInterval(a.at()), number,
                        r.contentHash(), null)).orElse(null);
        boolean awaiting = review == null && r.type().isMedical();
        store.markPublished(r, now);
        Update u = new Update().set("publishedRevision", number).set("publishedAt", now)
                .set("awaitingClinicalReview", awaiting);
        if (review != null) {
            u.set("review", review);
        }
        store.updateItem(ref.id(), null, u);
        publisher.publish(PublishedItem.of(r.content(), number, now, r.contentHash(), review, awaiting), actorName);
        return published;
    }

    private void checkPublishable(Revision r) {
        if (r.state() != RevisionState.APPROVED) {
            throw wrongState(r, "published", "approved");
        }
        String hash = ContentHash.of(r.content());
        if (!hash.equals(r.contentHash())) {
            throw new WorkflowException("Revision " + r.number() + " of " + r.itemId()
                    + " does not match the content that was approved; it cannot be published.");
        }
        boolean approvedByAnother = r.reviews().stream()
                .anyMatch(d -> d.approves(hash) && !d.reviewer().equals(r.author()));
        if (!approvedByAnother) {
            throw new WorkflowException("Revision " + r.number() + " of " + r.itemId()
                    + " has no approval of its exact content by someone other than its author.");
        }
        if (requiresClinicalSignOff(r) && r.clinicalApproval().isEmpty()) {
            throw new WorkflowException("Revision " + r.number() + " of " + r.itemId()
                    + " needs a clinician's sign-off of this exact content before it can be published.");
        }
    }

    private void withdraw(Item item, String actorName) {
        store.updateItem(item.id(), null, new Update().unset("publishedRevision").unset("publishedAt")
                .unset("scheduled").unset("withdrawalRequest"));
        store.revision(item.ref(), item.publishedRevision()).ifPresent(p -> store.transition(p,
                EnumSet.of(RevisionState.PUBLISHED), RevisionState.APPROVED, null));
        publisher.withdraw(item.ref(), actorName);
    }

    private ClinicalReview newReview(String reviewer, Revision r, boolean sourcesChecked) {
        Instant now = clock.instant();
        return new ClinicalReview(reviewer, now, plusInterval(now), r.number(), r.contentHash(),
                sourcesChecked ? now : null);
    }

    private void requireNoClinicianNeeded(Item item, WithdrawalRequest.Action action) {
        if (withdrawalNeedsClinician(item)) {
            throw new WorkflowException(item.id() + " is a red flag the public relies on ("
                    + (item.type().isMedical() ? "a medical warning" : "a symptom that triggers a warning")
                    + "): to " + action.label() + " it, request it with a reason; a clinician other than you"
                    + " confirms it." + (item.hasWithdrawalRequest() ? " A request by "
                    + item.withdrawalRequest().requestedBy() + " is already waiting." : ""));
        }
    }

    private static void requireClinician(Actor actor, String what) {
        if (!actor.isClinician()) {
            throw new AccessDeniedException(actor.username() + " may not " + what + ": only clinicians may.");
        }
    }

    private static WithdrawalRequest requirePendingWithdrawal(Item item) {
        if (item.withdrawalRequest() == null) {
            throw new WorkflowException(item.id() + " has no withdrawal request waiting.");
        }
        return item.withdrawalRequest();
    }

    /** Clears exactly this request (compare-and-set), so two decisions on one request cannot both count. */
    private void clearWithdrawal(Item item, WithdrawalRequest request) {
        boolean cleared = store.updateItem(item.id(), Criteria.where("withdrawalRequest.requestedBy")
                .is(request.requestedBy()).and("withdrawalRequest.requestedAt").is(request.requestedAt()),
                new Update().unset("withdrawalRequest"));
        if (!cleared) {
            throw new WorkflowException("The withdrawal request on " + item.id()
                    + " was decided or cancelled meanwhile; look again.");
        }
    }

    private Instant plusInterval(Instant from) {
        return from.atOffset(ZoneOffset.UTC).plus(settings.reviewInterval()).toInstant();
    }

    private void requireReviewer(Revision r, Actor actor) {
        if (!actor.isEditor() && !actor.isClinician()) {
            throw new AccessDeniedException(actor.username() + " may not review content.");
        }
        if (r.author().equals(actor.username())) {
            throw new AccessDeniedException("Four eyes: " + actor.username() + " wrote revision " + r.number()
                    + " of " + r.itemId() + " and cannot review it; ask a colleague.");
        }
    }

    private void requireLatest(Revision r) {
        Revision latest = store.latest(r.ref()).orElseThrow();
        if (latest.number() != r.number()) {
            throw new WorkflowException("Revision " + r.number() + " of " + r.itemId() + " is not the latest (revision "
                    + latest.number() + " by " + latest.author() + " is); submit the latest one.");
        }
    }

    private void requireActive(ContentRef ref) {
        if (store.requireItem(ref).status() == ItemStatus.ARCHIVED) {
            throw new WorkflowException(ref.id() + " is archived; restore it from the archive first.");
        }
    }

    private static WorkflowException wrongState(Revision r, String verb, String required) {
        return new WorkflowException("Revision " + r.number() + " of " + r.itemId() + " is " + r.state().label()
                + "; only a revision that is " + required + " can be " + verb + ".");
    }

    private static ReviewTask task(ReviewTask.Kind kind, Revision r, Instant since) {
        return new ReviewTask(kind, r.ref(), r.title(), r.number(), r.author(), since);
    }

    private static String clean(String comment) {
        return comment == null ? "" : comment.strip();
    }
}
