package org.knead.publication;

import java.util.Optional;
import org.knead.revision.Item;
import org.knead.revision.ItemHistory;
import org.knead.revision.NotFoundException;
import org.knead.revision.PublicationIntent;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.knead.revision.ScheduledPublication;
import org.knead.revision.WorkflowException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Carries out a publish or a withdrawal that the rules ({@code ItemHistory}) allowed, in an order that
 * makes it all-or-nothing for the public without multi-document transactions:
 * <ol>
 * <li>{@link Step#INTENT}: the intent is written on the item (compare-and-set: no other one under way;
 * a scheduled publication also takes its schedule in this write);</li>
 * <li>{@link Step#REVISIONS}: the revision states (the new one PUBLISHED, the one it replaces SUPERSEDED;
 * for a withdrawal, the public one back to APPROVED);</li>
 * <li>{@link Step#PUBLIC_COPY}: the public copy is written or removed;</li>
 * <li>{@link Step#LOG}: the publication log entry, so every follower re-reads the item;</li>
 * <li>{@link Step#COMPLETE}: the outcome is recorded on the item and the intent cleared, in one write.</li>
 * </ol>
 * The intent, the revision states and the public copy are preceding writes
 * ({@code org.knead.config.PrecedingWrites}): not synced on their own, made durable by the log entry's synced
 * write (the store's commits are sequential, so a crash keeps a prefix of the steps); the operation's own
 * record (its audit entry), when the caller gives one, is a preceding write just before the outcome, whose
 * synced write holds it. So a run waits for two syncs: the log entry, which followers in other processes act
 * on, and the outcome, which acknowledges it. Every step after the first is idempotent and needs nothing
 * but the intent, so a run cut short at any point is finished by {@link #complete} ({@link PublicationRepair}
 * does it at start-up and on {@code ./knead repair}).
 */
@Component
public class PublicationSteps {

    /** The steps of a publish or withdrawal, in order. */
    public enum Step { INTENT, REVISIONS, PUBLIC_COPY, LOG, COMPLETE }

    /** Called before each step; a test makes it throw to cut a run short there. */
    @FunctionalInterface
    public interface Fault {
        Fault NONE = step -> { };

        void before(Step step);
    }

    private final RevisionStore store;
    private final PublishedContent published;
    private final PublicationLog log;
    private final Fault fault;

    @Autowired
    public PublicationSteps(RevisionStore store, PublishedContent published, PublicationLog log) {
        this(store, published, log, Fault.NONE);
    }

    public PublicationSteps(RevisionStore store, PublishedContent published, PublicationLog log,
            Fault fault) {
        this.store = store;
        this.published = published;
        this.log = log;
        this.fault = fault;
    }

    /** What {@code run} writes of the operation itself (its audit entry), as a preceding write. */
    @FunctionalInterface
    public interface Record {
        Record NONE = () -> { };

        /** Writes the record with {@code PrecedingWrites}' concern; the outcome's synced write holds it. */
        void writePreceding();
    }

    /**
     * Runs every step of this intent for the item of {@code history}, which the caller has just loaded and
     * checked the rules on. The revision published (and the one it replaces, or the one withdrawn) are taken
     * from {@code history} instead of being read again: only their identity and content are used, which never
     * change once written; their states change by conditional updates.
     *
     * @param expectedSchedule for a scheduled publication: the schedule that must still be on the item
     * @param record the operation's record, written just before the outcome (only once the intent is taken)
     * @return false, having changed nothing, when the item is still scheduled otherwise (only with an
     *         expected schedule)
     * @throws WorkflowException when another publish or withdrawal of the item is under way
     */
    public boolean run(ItemHistory history, PublicationIntent intent, ScheduledPublication expectedSchedule,
            Record record) {
        Item item = history.item();
        fault.before(Step.INTENT);
        if (!store.beginPublication(item.id(), intent, expectedSchedule)) {
            Item now = store.requireItem(item.ref());
            if (expectedSchedule != null && now.pending() == null) {
                return false;
            }
            throw new WorkflowException("Another publish or withdrawal of " + item.id() + " is under way (by "
                    + (now.pending() == null ? "someone" : now.pending().actor()) + "); look again in a moment.");
        }
        complete(item, history, intent, record);
        return true;
    }

    /** Steps 2 to 5 of an intent already written on the item: also how a run cut short is finished. */
    public void complete(Item item, PublicationIntent intent) {
        complete(item, intent, Record.NONE);
    }

    /** {@link #complete(Item, PublicationIntent)} with the operation's record written just before the outcome. */
    public void complete(Item item, PublicationIntent intent, Record record) {
        complete(item, null, intent, record);
    }

    /** Steps 2 to 5, taking the revisions from {@code history} when given, else reading them. */
    private void complete(Item item, ItemHistory history, PublicationIntent intent, Record record) {
        if (intent.kind() == PublicationIntent.Kind.PUBLISH) {
            Revision r = revision(item, history, intent.revision()).orElseThrow(() -> new NotFoundException(
                    item.id() + " has no revision " + intent.revision() + "."));
            fault.before(Step.REVISIONS);
            store.markRevisionPublished(r, intent.publication().publishedAt());
            Integer replaces = intent.publication().replaces();
            if (replaces != null && replaces != intent.revision()) {
                revision(item, history, replaces).ifPresent(p -> store.transitionPreceding(p,
                        java.util.EnumSet.of(RevisionState.PUBLISHED), RevisionState.SUPERSEDED));
            }
            fault.before(Step.PUBLIC_COPY);
            published.put(PublishedItem.from(r, intent.publication()));
            fault.before(Step.LOG);
            log.append(PublicationAction.PUBLISHED, item.ref(), intent.revision(), intent.actor());
            record.writePreceding();
            fault.before(Step.COMPLETE);
            store.completePublish(item, intent);
        } else {
            fault.before(Step.REVISIONS);
            revision(item, history, intent.revision()).ifPresent(p -> store.transitionPreceding(p,
                    java.util.EnumSet.of(RevisionState.PUBLISHED), RevisionState.APPROVED));
            fault.before(Step.PUBLIC_COPY);
            published.remove(item.ref());
            fault.before(Step.LOG);
            log.append(PublicationAction.UNPUBLISHED, item.ref(), null, intent.actor());
            record.writePreceding();
            fault.before(Step.COMPLETE);
            store.completeWithdrawal(item.id(), intent);
        }
    }

    /** Revision {@code number} from the history the caller loaded, else read from the store. */
    private Optional<Revision> revision(Item item, ItemHistory history, int number) {
        return history != null ? history.revision(number) : store.revision(item.ref(), number);
    }
}
