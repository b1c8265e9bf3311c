package org.knead.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.config.CoreProperties;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationSteps;
import org.knead.revision.Decision;
import org.knead.revision.Item;
import org.knead.revision.ItemHistory;
import org.knead.revision.ItemOverview;
import org.knead.revision.Publication;
import org.knead.revision.PublicationIntent;
import org.knead.revision.ReviewDecision;
import org.knead.revision.Revision;
import org.knead.revision.RevisionStore;
import org.knead.revision.ScheduledPublication;
import org.knead.revision.WithdrawalRequest;
import org.knead.revision.WorkflowException;
import org.springframework.stereotype.Service;

/**
 * Publishing: publish now, schedule, revert, unpublish, archive, and the requests to withdraw a red
 * flag, which a clinician decides. The rules are {@link ItemHistory}'s; every change of what the public
 * sees runs through {@link PublicationSteps}, all or nothing.
 */
@Service
public class PublishingService {

    private final RevisionStore store;
    private final PublicationSteps steps;
    private final AuditLog audit;
    private final Clock clock;
    private final CoreProperties settings;

    public PublishingService(RevisionStore store, PublicationSteps steps, AuditLog audit, Clock clock,
            CoreProperties settings) {
        this.store = store;
        this.steps = steps;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** The item with what this person may do with it, from one load. */
    public ItemOverview overview(ContentRef ref, Actor actor) {
        return store.loadHistory(ref).overview(actor, clock.instant());
    }

    /**
     * Publishes an approved revision now. Publishing the revision that is already published changes
     * nothing; publishing one older than the public revision is refused (see {@link #revert}).
     */
    public Revision publish(ContentRef ref, int number, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayPublish(number, actor).orThrow();
        if (history.finishesPendingPublish(number)) {
            // a publish of this revision was cut short (a crash between its steps): the retry finishes it
            steps.complete(history.item(), history.item().pending(), () -> audit.recordPreceding(actor,
                    AuditAction.PUBLISH, ref.id(), number, "finished a publish that was cut short"));
            return store.requireRevision(ref, number);
        }
        if (history.isPublished(number)) {
            return history.require(number);
        }
        Publication p = history.publication(number, clock.instant(), settings.reviewInterval());
        steps.run(history, PublicationIntent.publish(p, clock.instant(), actor.username()), null,
                () -> audit.recordPreceding(actor, AuditAction.PUBLISH, ref.id(), number, null));
        // as loaded with the history, in the state this publish wrote: its content never changes
        return history.require(number).published(p.publishedAt());
    }

    /**
     * Makes revision {@code number} public again in place of what the public sees: an explicit, audited
     * revert. A revision that needs a clinician and carries no clinical approval of its content can only be
     * reverted to by a clinician, whose decision is recorded on it.
     */
    public Revision revert(ContentRef ref, int number, String reason, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayRevert(number, reason, actor).orThrow();
        Revision r = history.require(number);
        if (history.revertNeedsClinician(r)) {
            store.addDecision(r, new ReviewDecision(actor.username(), actor.roles(), ReviewDecision.Decision.APPROVED,
                    "revert: " + reason.strip(), clock.instant(), r.contentHash(), true));
            history = store.loadHistory(ref);
        }
        Integer was = history.item().publishedRevision();
        Publication p = history.publication(number, clock.instant(), settings.reviewInterval());
        steps.run(history, PublicationIntent.publish(p, clock.instant(), actor.username()), null,
                () -> audit.recordPreceding(actor, AuditAction.REVERT, ref.id(), number, "to revision " + number
                        + (was == null ? "" : " in place of revision " + was) + ": " + reason.strip()));
        return history.require(number).published(p.publishedAt());
    }

    /** Schedules an approved revision to be published at a future time. */
    public Item schedule(ContentRef ref, int number, Instant at, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.maySchedule(number, at, actor, clock.instant()).orThrow();
        store.schedule(ref.id(), new ScheduledPublication(number, at, actor.username()));
        audit.record(actor, AuditAction.SCHEDULE, ref.id(), number, "at " + at);
        return store.requireItem(ref);
    }

    public Item cancelSchedule(ContentRef ref, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayCancelSchedule(actor).orThrow();
        ScheduledPublication s = history.item().scheduled();
        if (!store.clearSchedule(ref.id(), s)) {
            throw new WorkflowException("The scheduled publication of " + ref.id() + " changed meanwhile; look again.");
        }
        audit.record(actor, AuditAction.CANCEL_SCHEDULE, ref.id(), s.revision(), null);
        return store.requireItem(ref);
    }

    /**
     * Publishes every scheduled publication that is due, including those that fell due while no Knead
     * process was running. A schedule fires only if it is still exactly the one on the item (taken by a
     * compare-and-set in the same write as the publish intent), so a cancelled or replaced schedule never
     * fires and two schedulers never publish it twice; one that may no longer be published is cancelled.
     *
     * @return how many were published
     */
    public int publishDue() {
        int published = 0;
        for (Item due : store.dueForPublication(clock.instant())) {
            ScheduledPublication s = due.scheduled();
            Actor scheduler = new Actor(s.scheduledBy(), Actor.SYSTEM.roles(), "scheduler");
            ItemHistory history = store.loadHistory(due.ref());
            if (history.publicationUnderWay()) {
                continue;
            }
            Decision decision = history.publishable(s.revision());
            if (decision.refused() || history.isPublished(s.revision())) {
                if (store.clearSchedule(due.id(), s) && decision.refused()) {
                    audit.record(scheduler, AuditAction.CANCEL_SCHEDULE, due.id(), s.revision(),
                            "not published: " + decision.reason());
                }
                continue;
            }
            Publication p = history.publication(s.revision(), clock.instant(), settings.reviewInterval());
            try {
                if (!steps.run(history, PublicationIntent.publish(p, clock.instant(), s.scheduledBy()), s,
                        () -> audit.recordPreceding(scheduler, AuditAction.PUBLISH, due.id(), s.revision(),
                                "scheduled for " + s.at()))) {
                    continue;
                }
            } catch (WorkflowException underWay) {
                continue;
            }
            published++;
        }
        return published;
    }

    /** Takes an item off the public site; its revisions stay, and the revision can be published again. */
    public Item unpublish(ContentRef ref, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayUnpublish(actor).orThrow();
        withdraw(history, false, actor.username(), () -> audit.recordPreceding(actor, AuditAction.UNPUBLISH,
                ref.id(), history.item().publishedRevision(), null));
        return store.requireItem(ref);
    }

    /** Archives an item: unpublished if it was, kept with all its history, and no longer edited. */
    public Item archive(ContentRef ref, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayArchive(actor).orThrow();
        archive(history, actor.username());
        audit.record(actor, AuditAction.ARCHIVE, ref.id(), history.item().headRevision(), null);
        return store.requireItem(ref);
    }

    public Item unarchive(ContentRef ref, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayUnarchive(actor).orThrow();
        store.unarchive(ref.id());
        audit.record(actor, AuditAction.UNARCHIVE, ref.id(), history.item().headRevision(), null);
        return store.requireItem(ref);
    }

    /** Whether taking this item off the public site needs a clinician (a published red flag). */
    public boolean withdrawalNeedsClinician(Item item) {
        return store.loadHistory(item.ref()).withdrawalNeedsClinician();
    }

    /**
     * Asks for a red flag to be unpublished or archived. Nothing is withdrawn: the request is kept on the
     * item and waits in the clinicians' queue until a clinician other than the requester confirms or
     * declines it, or the requester cancels it.
     *
     * @param reason why it should go; required
     */
    public Item requestWithdrawal(ContentRef ref, WithdrawalRequest.Action action, String reason, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayRequestWithdrawal(action, reason, actor).orThrow();
        Item item = history.item();
        WithdrawalRequest request = new WithdrawalRequest(action, actor.username(), clock.instant(), reason.strip(),
                item.publishedRevision());
        if (!store.requestWithdrawal(ref.id(), request)) {
            history.alreadyWaiting(store.requireItem(ref).withdrawalRequest()).orThrow();
        }
        audit.record(actor, AuditAction.REQUEST_WITHDRAWAL, ref.id(), item.publishedRevision(),
                action.label() + ": " + request.reason());
        return store.requireItem(ref);
    }

    /**
     * A clinician confirms a withdrawal request: the item is unpublished (or archived) now. Four eyes: the
     * clinician who asked cannot confirm their own request.
     */
    public Item confirmWithdrawal(ContentRef ref, String comment, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayConfirmWithdrawal(actor).orThrow();
        Item item = history.item();
        WithdrawalRequest request = item.withdrawalRequest();
        clearWithdrawal(item, request);
        String note = comment == null ? "" : comment.strip();
        String detail = request.action().label() + " requested by " + request.requestedBy() + " (" + request.reason()
                + "), confirmed by clinician " + actor.username() + (note.isEmpty() ? "" : ": " + note);
        audit.record(actor, AuditAction.CONFIRM_WITHDRAWAL, ref.id(), request.revision(), detail);
        if (request.action() == WithdrawalRequest.Action.ARCHIVE) {
            archive(history, actor.username());
            audit.record(actor, AuditAction.ARCHIVE, ref.id(), item.headRevision(), detail);
        } else {
            if (item.isPublished()) {
                withdraw(history, false, actor.username());
            }
            audit.record(actor, AuditAction.UNPUBLISH, ref.id(), request.revision(), detail);
        }
        return store.requireItem(ref);
    }

    /** A clinician declines a withdrawal request, saying why; the item stays public. */
    public Item declineWithdrawal(ContentRef ref, String comment, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayDeclineWithdrawal(comment, actor).orThrow();
        WithdrawalRequest request = history.item().withdrawalRequest();
        clearWithdrawal(history.item(), request);
        audit.record(actor, AuditAction.DECLINE_WITHDRAWAL, ref.id(), request.revision(), request.action().label()
                + " requested by " + request.requestedBy() + " declined: " + comment.strip());
        return store.requireItem(ref);
    }

    /** The person who asked for a withdrawal takes the request back. */
    public Item cancelWithdrawal(ContentRef ref, Actor actor) {
        ItemHistory history = store.loadHistory(ref);
        history.mayCancelWithdrawal(actor).orThrow();
        WithdrawalRequest request = history.item().withdrawalRequest();
        clearWithdrawal(history.item(), request);
        audit.record(actor, AuditAction.CANCEL_WITHDRAWAL, ref.id(), request.revision(), request.action().label());
        return store.requireItem(ref);
    }

    /** Items with a withdrawal request waiting for a clinician, oldest request first. */
    public List<Item> withdrawalRequests() {
        return store.withdrawalRequests();
    }

    public List<Item> scheduled() {
        return store.scheduledItems();
    }

    /** The reference import: publishes its own first revision without review; medical items await a clinician. */
    public Revision publishImported(ContentRef ref, int number) {
        ItemHistory history = store.loadHistory(ref);
        Publication p = history.importedPublication(number, clock.instant());
        steps.run(history, PublicationIntent.publish(p, clock.instant(), "import"), null, PublicationSteps.Record.NONE);
        return history.require(number).published(p.publishedAt());
    }

    private void archive(ItemHistory history, String actorName) {
        if (history.item().isPublished()) {
            withdraw(history, true, actorName);
        } else {
            store.archive(history.item().id());
        }
    }

    private void withdraw(ItemHistory history, boolean archive, String actorName) {
        withdraw(history, archive, actorName, PublicationSteps.Record.NONE);
    }

    private void withdraw(ItemHistory history, boolean archive, String actorName, PublicationSteps.Record record) {
        steps.run(history, PublicationIntent.withdraw(history.item().publishedRevision(), archive, clock.instant(),
                actorName), null, record);
    }

    private void clearWithdrawal(Item item, WithdrawalRequest request) {
        if (!store.clearWithdrawalRequest(item.id(), request)) {
            throw new WorkflowException("The withdrawal request on " + item.id()
                    + " was decided or cancelled meanwhile; look again.");
        }
    }
}
