package org.knead.revision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentValidationException;
import org.knead.content.ContentValidator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Creating and editing content. Every save appends a new immutable revision; a save based on a
 * revision that is no longer the latest is refused, naming who saved in between.
 */
@Service
public class ContentService {

    private static final int MAX_NOTE = 500;

    private final RevisionStore store;
    private final AuditLog audit;
    private final Clock clock;

    public ContentService(RevisionStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a new item with its first revision, a draft. */
    public Revision create(Content content, String changeNote, Actor actor) {
        actor.requireEditor("create content");
        validate(content);
        Instant now = clock.instant();
        Item item = new Item(content.ref().id(), content.type(), content.slug(), content.title(), 0,
                actor.username(), now, RevisionState.DRAFT, null, null, ItemStatus.ACTIVE, null, null, false,
                content.type().isMedical(), now, actor.username(), null, null, List.of());
        try {
            store.insertItem(item);
        } catch (DuplicateKeyException e) {
            throw new ContentValidationException("A " + content.type().key() + " with the slug '" + content.slug()
                    + "' already exists; choose another slug.");
        }
        return append(item, 0, content, changeNote, actor, null, false,
                r -> audit.recordPreceding(actor, AuditAction.CREATE, r.itemId(), r.number(), note(changeNote)));
    }

    /**
     * Saves a new revision of an item.
     *
     * @param basedOn the revision number the editor started from
     * @throws StaleRevisionException when someone saved after {@code basedOn}; nothing is written
     */
    public Revision save(ContentRef ref, int basedOn, Content content, String changeNote, Actor actor) {
        actor.requireEditor("save content");
        if (!ref.equals(content.ref())) {
            throw new ContentValidationException("The slug and type of an item cannot change (" + ref.id()
                    + "); create a new item instead.");
        }
        Item item = requireActive(ref);
        validate(content);
        Revision saved = append(item, basedOn, content, changeNote, actor, null, true,
                r -> audit.recordPreceding(actor, AuditAction.SAVE, r.itemId(), r.number(), note(changeNote)));
        cancelOlderSchedule(item, saved, actor);
        return saved;
    }

    /** Restores an old revision by appending a new revision with its content. */
    public Revision restore(ContentRef ref, int revisionToRestore, int basedOn, Actor actor) {
        actor.requireEditor("restore a revision");
        Item item = requireActive(ref);
        Revision old = store.requireRevision(ref, revisionToRestore);
        store.latest(ref).ifPresent(latest -> old.mayBeRestoredOver(latest).orThrow());
        validate(old.content());
        String note = "Restored revision " + revisionToRestore;
        Revision restored = append(item, basedOn, old.content(), note, actor, revisionToRestore, true,
                r -> audit.recordPreceding(actor, AuditAction.RESTORE, r.itemId(), r.number(), note));
        cancelOlderSchedule(item, restored, actor);
        return restored;
    }

    public Optional<Item> item(ContentRef ref) {
        return store.item(ref);
    }

    public Item requireItem(ContentRef ref) {
        return store.requireItem(ref);
    }

    /** Every revision of an item, newest first. */
    public List<Revision> history(ContentRef ref) {
        store.requireItem(ref);
        return store.history(ref);
    }

    public Revision revision(ContentRef ref, int number) {
        return store.requireRevision(ref, number);
    }

    public Revision latest(ContentRef ref) {
        return store.latest(ref).orElseThrow(() -> new NotFoundException("There is no " + ref.type().key() + " '"
                + ref.slug() + "'."));
    }

    /** Compares revision {@code from} with revision {@code to}, field by field. */
    public RevisionComparison compare(ContentRef ref, int from, int to) {
        Revision a = store.requireRevision(ref, from);
        Revision b = store.requireRevision(ref, to);
        return new RevisionComparison(a, b, RevisionDiffer.compare(a.content(), b.content()));
    }

    public List<Item> list(ItemFilter filter, int offset, int limit) {
        return store.items(filter, clock.instant(), offset, limit);
    }

    public long count(ItemFilter filter) {
        return store.count(filter, clock.instant());
    }

    /**
     * Appends the revision (the compare-and-set on its number), supersedes older revisions still open
     * ({@code supersede}), writes the audit entry ({@code audited}), and moves the item's head last. Only
     * that last write waits for the disk: the ones before it are preceding writes
     * ({@link org.knead.config.PrecedingWrites}), which its commit and sync make durable, so a save waits for
     * one sync. A save cut short before the head moved is still found by {@link RevisionStore#latest}; its
     * older revisions may already be superseded, as the save would have done.
     */
    private Revision append(Item item, int basedOn, Content content, String changeNote, Actor actor,
            Integer restoredFrom, boolean supersede, java.util.function.Consumer<Revision> audited) {
        if (changeNote != null && changeNote.length() > MAX_NOTE) {
            throw new ContentValidationException("The change note may be at most " + MAX_NOTE + " characters.");
        }
        ContentRef ref = item.ref();
        int latestNumber = store.latestNumber(item);
        if (basedOn < 0 || basedOn > latestNumber) {
            throw new ContentValidationException("Revision " + basedOn + " of " + ref.id() + " does not exist.");
        }
        if (basedOn < latestNumber) {
            throw stale(ref, basedOn, latestNumber);
        }
        int number = basedOn + 1;
        Revision revision = new Revision(Revision.idOf(ref.id(), number), ref.id(), ref.type(), ref.slug(), number,
                content, ContentHash.of(content), actor.username(), clock.instant(),
                changeNote == null ? "" : changeNote.strip(), basedOn == 0 ? null : basedOn, restoredFrom,
                RevisionState.DRAFT, List.of(), null);
        try {
            store.insert(revision);
        } catch (DuplicateKeyException raced) {
            throw stale(ref, basedOn, store.latest(ref).map(Revision::number).orElse(number));
        }
        if (supersede) {
            supersedeOlder(item, revision);
        }
        audited.accept(revision);
        store.advanceHead(revision); // synced: the save is acknowledged after this
        return revision;
    }

    /**
     * The latest revision wins: older revisions still in review, approved or sent back are superseded (out
     * of every queue). A revision a publish under way is about is left to it.
     */
    private void supersedeOlder(Item item, Revision saved) {
        Integer underWay = item.pending() != null && item.pending().kind() == PublicationIntent.Kind.PUBLISH
                ? item.pending().revision() : null;
        store.supersedeOlder(item.id(), saved.number(), ItemHistory.SUPERSEDED_BY_A_NEWER_SAVE, underWay);
    }

    /** A schedule of an older revision, which could now only bring back older text, is cancelled. */
    private void cancelOlderSchedule(Item item, Revision saved, Actor actor) {
        ScheduledPublication s = item.scheduled();
        if (s != null && s.revision() < saved.number() && store.clearSchedule(item.id(), s)) {
            audit.record(actor, AuditAction.CANCEL_SCHEDULE, item.id(), s.revision(), "superseded by revision "
                    + saved.number());
        }
    }

    private StaleRevisionException stale(ContentRef ref, int basedOn, int latest) {
        Revision inBetween = store.requireRevision(ref, basedOn + 1);
        return new StaleRevisionException(ref, basedOn, latest, inBetween.author(), inBetween.createdAt());
    }

    private void validate(Content content) {
        ContentValidator.validate(content, store::exists);
    }

    private Item requireActive(ContentRef ref) {
        Item item = store.requireItem(ref);
        if (item.status() == ItemStatus.ARCHIVED) {
            throw new WorkflowException(ref.id() + " is archived; restore it from the archive before editing.");
        }
        return item;
    }

    private static String note(String changeNote) {
        return changeNote == null ? "" : changeNote;
    }
}
