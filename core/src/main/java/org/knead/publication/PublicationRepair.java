package org.knead.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes items, their public copies and the publication log agree again after a publish or withdrawal
 * was cut short. First every intent left on an item is completed ({@link PublicationSteps#complete}:
 * the change that was decided goes through). Then every item is reconciled: the item says what is public
 * (its published revision, or nothing); the public copy is rewritten or removed to match, the revision
 * states follow, and when anything had to change, or the log's last entry for the item says otherwise,
 * a log entry is appended so every follower re-reads the item. Runs when the console starts, in the
 * scheduler for intents left for a while, and on {@code ./knead repair}.
 */
@Service
public class PublicationRepair {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationRepair.class);
    private static final int LOG_PAGE = 1000;
    static final String ACTOR = "repair";

    private final RevisionStore store;
    private final PublishedContent published;
    private final PublicationLog log;
    private final PublicationSteps steps;
    private final AuditLog audit;
    private final Clock clock;

    public PublicationRepair(RevisionStore store, PublishedContent published, PublicationLog log,
            PublicationSteps steps, AuditLog audit, Clock clock) {
        this.store = store;
        this.published = published;
        this.log = log;
        this.steps = steps;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a repair did. */
    public record Report(List<String> completed, List<String> reconciled) {
        public boolean changedNothing() {
            return completed.isEmpty() && reconciled.isEmpty();
        }
    }

    /** Completes every intent under way and reconciles every item. */
    public Report repair() {
        List<String> completed = finishIntents(Duration.ZERO);
        List<String> reconciled = reconcile();
        if (!completed.isEmpty() || !reconciled.isEmpty()) {
            LOG.warn("Publication repair: completed {}, reconciled {}", completed, reconciled);
        }
        return new Report(completed, reconciled);
    }

    /** Completes the intents written at least {@code olderThan} ago (those a crashed process left). */
    public List<String> finishIntents(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        List<String> done = new ArrayList<>();
        for (Item item : store.itemsWithPendingPublication()) {
            if (item.pending().startedAt().isAfter(before)) {
                continue;
            }
            steps.complete(item, item.pending());
            audit.record(Actor.SYSTEM, AuditAction.REPAIR, item.id(), item.pending().revision(),
                    item.pending().kind().name().toLowerCase() + " by " + item.pending().actor()
                            + " was cut short; completed");
            done.add(item.id());
        }
        return done;
    }

    private List<String> reconcile() {
        Map<String, PublishedItem> copies = new HashMap<>();
        published.forEach(500, batch -> batch.forEach(p -> copies.put(p.id(), p)));
        Map<String, PublicationEntry> lastEntries = new HashMap<>();
        Map<String, Instant> everPublished = new HashMap<>();
        // the entries 1..last looked up by _id, a page at a time (a range on the log's numbers scans it on the
        // embedded store)
        long last = log.lastSequence();
        for (long first = 1; first <= last; first += LOG_PAGE) {
            log.readRange(first, (int) Math.min(LOG_PAGE, last - first + 1)).forEach(e -> {
                lastEntries.put(e.itemId(), e);
                if (e.action() == PublicationAction.PUBLISHED && e.revision() != null) {
                    everPublished.put(Revision.idOf(e.itemId(), e.revision()), e.at());
                }
            });
        }
        // a revision published before revisions recorded when (older data) keeps counting as once public
        for (Revision r : store.supersededWithoutPublicationTime()) {
            Instant at = everPublished.get(r.id());
            if (at != null) {
                store.backfillPublicationTime(r, at);
            }
        }
        Map<String, List<Revision>> publicRevisions = new HashMap<>();
        store.revisionsInStateById(List.of(RevisionState.PUBLISHED))
                .forEach(r -> publicRevisions.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r));
        List<String> fixed = new ArrayList<>();
        for (Item item : store.allItems()) {
            PublishedItem copy = copies.remove(item.id());
            if (item.pending() == null && reconcile(item, copy, lastEntries.get(item.id()),
                    publicRevisions.getOrDefault(item.id(), List.of()))) {
                fixed.add(item.id());
            }
        }
        for (PublishedItem orphan : copies.values()) {
            if (store.item(orphan.ref()).isEmpty() && published.removeIf(orphan)) {
                log.append(PublicationAction.UNPUBLISHED, orphan.ref(), null, ACTOR);
                fixed.add(orphan.id());
            }
        }
        return fixed;
    }

    /** Whether the item, its public copy, its revisions' states and the log's last entry already agree. */
    private static boolean agree(Item item, PublishedItem copy, PublicationEntry last, List<Revision> publicRevisions) {
        if (!item.isPublished()) {
            return copy == null && publicRevisions.isEmpty()
                    && (last == null || last.action() == PublicationAction.UNPUBLISHED);
        }
        return copy != null && copy.revision() == item.publishedRevision() && publicRevisions.size() == 1
                && publicRevisions.get(0).number() == item.publishedRevision()
                && publicRevisions.get(0).contentHash().equals(copy.contentHash())
                && publicRevisions.get(0).lastPublishedAt() != null
                && last != null && last.action() == PublicationAction.PUBLISHED
                && java.util.Objects.equals(last.revision(), item.publishedRevision());
    }

    private boolean reconcile(Item item, PublishedItem copy, PublicationEntry last, List<Revision> publicRevisions) {
        if (agree(item, copy, last, publicRevisions)) {
            return false;
        }
        // something disagrees: act only on the item as it is now, and not while a publish or withdrawal runs
        Item now = store.item(item.ref()).orElse(null);
        if (now == null || now.pending() != null || !java.util.Objects.equals(now.publishedRevision(),
                item.publishedRevision()) || !java.util.Objects.equals(now.publishedAt(), item.publishedAt())) {
            return false;
        }
        boolean changed = false;
        for (Revision r : publicRevisions) {
            if (!java.util.Objects.equals(item.publishedRevision(), r.number())) {
                // public in its record but not on the item: replaced (a newer one is public) or withdrawn
                store.transition(r, java.util.EnumSet.of(RevisionState.PUBLISHED), item.isPublished()
                        && item.publishedRevision() > r.number() ? RevisionState.SUPERSEDED : RevisionState.APPROVED,
                        null);
                changed = true;
            }
        }
        if (item.isPublished()) {
            Optional<Revision> r = store.revision(item.ref(), item.publishedRevision());
            if (r.isEmpty()) {
                return false;
            }
            if (r.get().state() != RevisionState.PUBLISHED || r.get().lastPublishedAt() == null) {
                store.markRevisionPublished(r.get(), item.publishedAt());
                changed = true;
            }
            if (copy == null || copy.revision() != r.get().number()
                    || !copy.contentHash().equals(r.get().contentHash())) {
                published.put(PublishedItem.current(item, r.get()));
                changed = true;
            }
            if (changed || last == null || last.action() != PublicationAction.PUBLISHED
                    || !java.util.Objects.equals(last.revision(), item.publishedRevision())) {
                log.append(PublicationAction.PUBLISHED, item.ref(), item.publishedRevision(), ACTOR);
                changed = true;
            }
        } else {
            if (copy != null && published.removeIf(copy)) {
                changed = true;
            }
            if (changed || (last != null && last.action() == PublicationAction.PUBLISHED)) {
                log.append(PublicationAction.UNPUBLISHED, item.ref(), null, ACTOR);
                changed = true;
            }
        }
        if (changed) {
            audit.record(Actor.SYSTEM, AuditAction.REPAIR, item.id(), item.publishedRevision(),
                    "item, public copy and publication log reconciled");
        }
        return changed;
    }
}
