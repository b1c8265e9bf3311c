package org.knead.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.knead.config.PrecedingWrites;
import org.knead.content.ContentRef;
import org.knead.paging.IdPages;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The persistence of items and revisions. Every change is a single-document conditional update
 * (compare-and-set), so it works without transactions on MongoDB and on the embedded store.
 */
@Component
public class RevisionStore {

    private static final String OPEN = "openRevisions";

    private final MongoTemplate mongo;
    /** The same database, for writes that precede an operation's acknowledged write ({@link PrecedingWrites}). */
    private final MongoTemplate preceding;
    private final TriggerSymptoms triggers;
    private final ItemMarks marks;

    @org.springframework.beans.factory.annotation.Autowired
    public RevisionStore(MongoTemplate mongo, TriggerSymptoms triggers, java.time.Clock clock) {
        this(mongo, triggers, new ItemMarks(mongo, clock));
    }

    RevisionStore(MongoTemplate mongo, TriggerSymptoms triggers, ItemMarks marks) {
        this.mongo = mongo;
        this.preceding = PrecedingWrites.template(mongo);
        this.triggers = triggers;
        this.marks = marks;
    }

    public Optional<Item> item(ContentRef ref) {
        return Optional.ofNullable(mongo.findById(ref.id(), Item.class));
    }

    public Item requireItem(ContentRef ref) {
        return item(ref).orElseThrow(() -> new NotFoundException("There is no " + ref.type().key() + " '"
                + ref.slug() + "'."));
    }

    public boolean exists(ContentRef ref) {
        return idExists(ref.id(), Item.class);
    }

    public Optional<Revision> revision(ContentRef ref, int number) {
        return Optional.ofNullable(mongo.findById(Revision.idOf(ref.id(), number), Revision.class));
    }

    public Revision requireRevision(ContentRef ref, int number) {
        return revision(ref, number).orElseThrow(() -> new NotFoundException(ref.id() + " has no revision " + number
                + "."));
    }

    /**
     * The newest revision, by point lookups on {@code _id} (the embedded store has no secondary
     * indexes): the item's head, then the numbers after it, in case a save was inserted but its head
     * not yet advanced (a crash between the two steps). Only an item without a head document scans.
     */
    public Optional<Revision> latest(ContentRef ref) {
        Item item = mongo.findById(ref.id(), Item.class);
        if (item == null) {
            Query q = new Query(Criteria.where("itemId").is(ref.id())).with(Sort.by(Sort.Direction.DESC, "number"))
                    .limit(1);
            return Optional.ofNullable(mongo.findOne(q, Revision.class));
        }
        int n = item.headRevision();
        Revision found = n > 0 ? mongo.findById(Revision.idOf(ref.id(), n), Revision.class) : null;
        for (Revision next = mongo.findById(Revision.idOf(ref.id(), n + 1), Revision.class); next != null;
                next = mongo.findById(Revision.idOf(ref.id(), n + 1), Revision.class)) {
            found = next;
            n++;
        }
        return Optional.ofNullable(found);
    }

    /**
     * Newest first. Revision numbers run 1 to n without gaps and each revision's id is derived from its
     * number, so the history is read by {@code _id} from the item's head (one {@code $in} query, answered
     * from the id index by every store), then the numbers after the head, as {@link #latest} does. Only an
     * item without a head document (an import cut short) is looked up by {@code itemId}.
     */
    public List<Revision> history(ContentRef ref) {
        Item item = mongo.findById(ref.id(), Item.class);
        if (item == null) {
            Query q = new Query(Criteria.where("itemId").is(ref.id())).with(Sort.by(Sort.Direction.DESC, "number"));
            return mongo.find(q, Revision.class);
        }
        return history(item);
    }

    /** Every revision of this item, newest first, by {@code _id} (see {@link #history(ContentRef)}). */
    public List<Revision> history(Item item) {
        List<Revision> found = new java.util.ArrayList<>(revisionsUpTo(item.id(), 1, item.headRevision() + 1));
        int n = found.stream().mapToInt(Revision::number).max().orElse(0);
        while (n > item.headRevision()) { // saves whose head was not advanced yet (a crash between the steps)
            List<Revision> more = revisionsUpTo(item.id(), n + 1, n + 8);
            if (more.isEmpty()) {
                break;
            }
            found.addAll(more);
            n = more.stream().mapToInt(Revision::number).max().orElse(n);
        }
        found.sort(java.util.Comparator.comparingInt(Revision::number).reversed());
        return found;
    }

    private List<Revision> revisionsUpTo(String itemId, int from, int to) {
        List<String> ids = new java.util.ArrayList<>(Math.max(0, to - from + 1));
        for (int i = from; i <= to; i++) {
            ids.add(Revision.idOf(itemId, i));
        }
        return mongo.find(new Query(Criteria.where("_id").in(ids)), Revision.class);
    }

    public List<Revision> revisionsInState(Collection<RevisionState> states) {
        Query q = new Query(Criteria.where("state").in(states)).with(Sort.by("createdAt"));
        return mongo.find(q, Revision.class);
    }

    /** Records that this revision was made public at {@code at}; the mark stays after it is withdrawn. */
    public void markPublished(Revision r, java.time.Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(r.id())), new Update().set("lastPublishedAt", at),
                Revision.class);
    }

    /**
     * Inserts a new revision; fails with DuplicateKeyException when that number is taken. A preceding write
     * ({@link PrecedingWrites}): durable once the caller's next synced write (the head) is acknowledged.
     */
    void insert(Revision revision) {
        triggers.note(List.of(revision));
        preceding.insert(revision);
    }

    /** Inserts a new item's head (revision 0); a preceding write, as {@link #insert(Revision)}. */
    void insertItem(Item item) {
        preceding.insert(item);
    }

    /**
     * The number of the newest revision of this item: its head, or a number after it if a save was cut
     * short between the revision and the head (looked up by {@code _id}, one at a time: at most one
     * lookup when nothing was cut short).
     */
    int latestNumber(Item item) {
        int n = item.headRevision();
        while (idExists(Revision.idOf(item.id(), n + 1), Revision.class)) {
            n++;
        }
        return n;
    }

    /**
     * Whether a document with this {@code _id} exists: a find of its {@code _id}, answered from the id index.
     * (Spring's {@code exists} counts with an aggregation, which the embedded store answers by scanning the
     * whole collection: over 10 s for 200,000 revisions.)
     */
    private boolean idExists(String id, Class<?> type) {
        Query q = new Query(Criteria.where("_id").is(id)).limit(1);
        q.fields().include("_id");
        return mongo.findOne(q, org.bson.Document.class, mongo.getCollectionName(type)) != null;
    }

    /** Every item, in id order, for export and repair (read in pages by {@code _id}: {@link IdPages}). */
    public List<Item> allItems() {
        List<Item> all = new ArrayList<>();
        IdPages.forEach(mongo, Item.class, null, Item::id, IdPages.DEFAULT_SIZE, all::addAll);
        return all;
    }

    /** Moves the item's head forward to this revision, unless a later one is already the head. */
    void advanceHead(Revision r) {
        Query q = new Query(Criteria.where("_id").is(r.itemId()).and("headRevision").lt(r.number()));
        mongo.updateFirst(q, new Update()
                .set("headRevision", r.number())
                .set("headAuthor", r.author())
                .set("headAt", r.createdAt())
                .set("headState", r.state())
                .set("title", r.title()), Item.class);
    }

    /**
     * Changes a revision's state only if it is still in {@code from} (compare-and-set), optionally
     * adding a review decision. Answers the updated revision, or empty when it was not in that state.
     */
    public Optional<Revision> transition(Revision r, Collection<RevisionState> from, RevisionState to,
            ReviewDecision decision) {
        noteOpen(mongo, r, from, to);
        Query q = new Query(Criteria.where("_id").is(r.id()).and("state").in(from));
        Update u = new Update().set("state", to);
        if (decision != null) {
            u.push("reviews", decision);
        }
        Revision updated = mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true), Revision.class);
        if (updated != null) {
            headStateFollows(mongo, r, to);
        }
        return Optional.ofNullable(updated);
    }

    /**
     * As {@link #transition} without a decision, as preceding writes ({@link PrecedingWrites}): for a step of a
     * publish or withdrawal, whose next step's synced write makes them durable. True when it changed the state.
     */
    public boolean transitionPreceding(Revision r, Collection<RevisionState> from, RevisionState to) {
        noteOpen(preceding, r, from, to);
        boolean changed = preceding.updateFirst(new Query(Criteria.where("_id").is(r.id()).and("state").in(from)),
                new Update().set("state", to), Revision.class).getModifiedCount() > 0;
        if (changed) {
            headStateFollows(preceding, r, to);
        }
        return changed;
    }

    private static void noteOpen(MongoTemplate template, Revision r, Collection<RevisionState> from,
            RevisionState to) {
        if (ItemHistory.SUPERSEDED_BY_A_NEWER_SAVE.contains(to)
                && !ItemHistory.SUPERSEDED_BY_A_NEWER_SAVE.containsAll(from)) {
            // before the revision changes, so that a crash in between leaves at worst a number too many
            template.updateFirst(new Query(Criteria.where("_id").is(r.itemId()).and(OPEN).exists(true)),
                    new Update().addToSet(OPEN, r.number()), Item.class);
        }
    }

    private static void headStateFollows(MongoTemplate template, Revision r, RevisionState to) {
        template.updateFirst(new Query(Criteria.where("_id").is(r.itemId()).and("headRevision").is(r.number())),
                new Update().set("headState", to), Item.class);
    }

    // ------------------------------------------------------------------ named operations on an item

    /** Every revision of an item with the item itself: the aggregate the workflow rules decide on. */
    public ItemHistory loadHistory(ContentRef ref) {
        Item item = requireItem(ref);
        return ItemHistory.of(item, history(item), item.type() == org.knead.content.ContentType.SYMPTOM
                && isTriggerSymptom(item.slug()));
    }

    /**
     * Whether any warning's published or latest revision lists this symptom among its trigger symptoms:
     * the warnings that ever named it ({@link TriggerSymptoms}), then their heads and published revisions,
     * all by {@code _id}.
     */
    public boolean isTriggerSymptom(String symptomSlug) {
        java.util.Set<String> warningIds = triggers.warningsNaming(symptomSlug);
        if (warningIds.isEmpty()) {
            return false;
        }
        List<String> revisionIds = new java.util.ArrayList<>();
        for (Item w : mongo.find(new Query(Criteria.where("_id").in(warningIds)), Item.class)) {
            revisionIds.add(Revision.idOf(w.id(), w.headRevision()));
            if (w.publishedRevision() != null) {
                revisionIds.add(Revision.idOf(w.id(), w.publishedRevision()));
            }
        }
        if (revisionIds.isEmpty()) {
            return false;
        }
        return mongo.find(new Query(Criteria.where("_id").in(revisionIds)), Revision.class).stream()
                .anyMatch(r -> r.content().triggerSymptoms() != null && r.content().triggerSymptoms()
                        .contains(symptomSlug));
    }

    /**
     * Moves every revision of the item older than {@code number} that is still in one of {@code states}
     * to SUPERSEDED, each by a conditional update on its {@code _id} (so a concurrent decision on one is
     * never overwritten). Only the revisions the item lists as possibly open are looked at
     * ({@link Item#openRevisions()}); an item written before that list existed has its revisions read once.
     *
     * <p>Preceding writes ({@link PrecedingWrites}): a save calls this before it moves the item's head, whose
     * synced write makes them durable.
     *
     * @param except a revision to leave alone (the one a publish under way is about), or null
     * @return how many were superseded
     */
    long supersedeOlder(String itemId, int number, java.util.Set<RevisionState> states, Integer except) {
        Item item = mongo.findById(itemId, Item.class);
        if (item == null) {
            return 0;
        }
        boolean untracked = item.openRevisions() == null;
        List<Integer> candidates = untracked
                ? history(item).stream().filter(r -> r.number() < number && states.contains(r.state()))
                        .map(Revision::number).toList()
                : item.openRevisions().stream().filter(n -> n < number).distinct().toList();
        long superseded = 0;
        List<Integer> done = new java.util.ArrayList<>();
        for (int n : candidates) {
            if (except != null && n == except) {
                continue;
            }
            superseded += preceding.updateFirst(new Query(Criteria.where("_id").is(Revision.idOf(itemId, n)).and("state")
                    .in(states)), new Update().set("state", RevisionState.SUPERSEDED), Revision.class)
                    .getModifiedCount();
            done.add(n);
        }
        if (untracked) {
            List<Integer> left = except != null && candidates.contains(except) ? List.of(except) : List.of();
            preceding.updateFirst(new Query(Criteria.where("_id").is(itemId).and(OPEN).exists(false)),
                    new Update().set(OPEN, left), Item.class);
        } else if (!done.isEmpty()) {
            preceding.updateFirst(new Query(Criteria.where("_id").is(itemId)),
                    new Update().pullAll(OPEN, done.toArray()), Item.class);
        }
        return superseded;
    }

    /** Schedules a publication, replacing any schedule the item had. */
    public void schedule(String itemId, ScheduledPublication scheduled) {
        marks.mark(ItemMarks.Kind.SCHEDULED, itemId);
        updateItem(itemId, null, new Update().set("scheduled", scheduled));
    }

    /** Clears exactly this schedule (compare-and-set on revision and time); false when it was replaced or gone. */
    public boolean clearSchedule(String itemId, ScheduledPublication expected) {
        return updateItem(itemId, scheduleIs(expected), new Update().unset("scheduled"));
    }

    /** Items whose scheduled publication is due at {@code now}, earliest first. */
    public List<Item> dueForPublication(java.time.Instant now) {
        return marks.items(ItemMarks.Kind.SCHEDULED, i -> i.scheduled() != null && !i.scheduled().at().isAfter(now))
                .stream().sorted(java.util.Comparator.comparing(i -> i.scheduled().at())).toList();
    }

    public List<Item> scheduledItems() {
        return marks.items(ItemMarks.Kind.SCHEDULED, i -> i.scheduled() != null).stream()
                .sorted(java.util.Comparator.comparing(i -> i.scheduled().at())).toList();
    }

    /** Records a withdrawal request unless one is already waiting; false when one was. */
    public boolean requestWithdrawal(String itemId, WithdrawalRequest request) {
        return updateItem(itemId, Criteria.where("withdrawalRequest").is(null),
                new Update().set("withdrawalRequest", request));
    }

    /** Clears exactly this request (compare-and-set), so two decisions on one request cannot both count. */
    public boolean clearWithdrawalRequest(String itemId, WithdrawalRequest request) {
        return updateItem(itemId, Criteria.where("withdrawalRequest.requestedBy").is(request.requestedBy())
                .and("withdrawalRequest.requestedAt").is(request.requestedAt()), new Update().unset("withdrawalRequest"));
    }

    /** Items with a withdrawal request waiting for a clinician, oldest request first. */
    public List<Item> withdrawalRequests() {
        return itemsWhere(Criteria.where("withdrawalRequest").ne(null), Sort.by("withdrawalRequest.requestedAt"));
    }

    /** Archives an item that is not public (a public one is archived by a withdrawal); its schedule goes. */
    public void archive(String itemId) {
        updateItem(itemId, null, new Update().set("status", ItemStatus.ARCHIVED).unset("scheduled"));
    }

    public void unarchive(String itemId) {
        updateItem(itemId, null, new Update().set("status", ItemStatus.ACTIVE));
    }

    /** Records a clinician's review of the public revision. */
    public void recordReview(String itemId, ClinicalReview review) {
        updateItem(itemId, null, new Update().set("review", review).set("awaitingClinicalReview", false));
    }

    /** Adds a review decision to a revision whatever its state (a clinician's decision given with a revert). */
    public void addDecision(Revision r, ReviewDecision decision) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(r.id())), new Update().push("reviews", decision),
                Revision.class);
    }

    /** Published medical items that need a clinician: never reviewed, or past their review date. */
    public List<Item> needingClinicalAttention(java.time.Instant now) {
        Criteria published = Criteria.where("publishedRevision").ne(null);
        Criteria needs = new Criteria().orOperator(
                Criteria.where("awaitingClinicalReview").is(true),
                Criteria.where("review.nextReviewDue").lt(now),
                Criteria.where("medical").is(true).and("review").is(null));
        return itemsWhere(new Criteria().andOperator(published, needs), Sort.by("_id"));
    }

    /** Published items past their next-review date, most overdue first. */
    public List<Item> overdue(java.time.Instant now) {
        return itemsWhere(Criteria.where("review.nextReviewDue").lt(now).and("publishedRevision").ne(null),
                Sort.by("review.nextReviewDue"));
    }

    // ------------------------------------------------------------------ the publication steps

    /**
     * Step 1 of a publish or withdrawal: writes the intent, only if no other one is under way (and, for a
     * scheduled publication, only if the item is still scheduled exactly so; the schedule is taken in the
     * same write, so two schedulers never both publish it). False when the condition did not hold. A
     * preceding write ({@link PrecedingWrites}): the steps after it end in synced writes.
     */
    public boolean beginPublication(String itemId, PublicationIntent intent, ScheduledPublication expectedSchedule) {
        // preceding writes: the next step's synced write makes them durable, and until a publish is
        // acknowledged an intent lost in a crash is a publish that never began
        marks.markPreceding(ItemMarks.Kind.PENDING, itemId);
        Criteria c = Criteria.where("pending").is(null);
        Update u = new Update().set("pending", intent);
        if (expectedSchedule != null) {
            c = new Criteria().andOperator(c, scheduleIs(expectedSchedule));
            u.unset("scheduled");
        }
        return updateItem(preceding, itemId, c, u);
    }

    /**
     * The last step of a publish: records the outcome on the item and clears the intent in one write
     * (only if it is still this intent). A schedule for this or an older revision is cleared, if the item
     * had one when it was read ({@code item.scheduled()}): a schedule written after that read may land after
     * this step as well as before it, so it is left to the scheduler, which clears a schedule whose
     * revision is already public or may no longer be published.
     */
    public boolean completePublish(Item item, PublicationIntent intent) {
        String itemId = item.id();
        Publication p = intent.publication();
        Update u = new Update().set("publishedRevision", p.revision()).set("publishedAt", p.publishedAt())
                .set("awaitingClinicalReview", p.awaitingClinicalReview()).unset("pending");
        if (p.review() != null) {
            u.set("review", p.review());
        }
        if (item.scheduled() != null) {
            // the schedule first, as a preceding write: the outcome's synced write holds it, so this step
            // waits for one sync
            updateItem(preceding, itemId, Criteria.where("scheduled.revision").lte(p.revision()),
                    new Update().unset("scheduled"));
        }
        return updateItem(itemId, intentIs(intent), u);
    }

    /** The last step of a withdrawal: the item is no longer public (and archived, if asked); clears the intent. */
    public boolean completeWithdrawal(String itemId, PublicationIntent intent) {
        Update u = new Update().unset("publishedRevision").unset("publishedAt").unset("scheduled")
                .unset("withdrawalRequest").unset("pending");
        if (intent.archive()) {
            u.set("status", ItemStatus.ARCHIVED);
        }
        return updateItem(itemId, intentIs(intent), u);
    }

    /** Superseded revisions that carry no time of publication (older data, or superseded by a newer save). */
    public List<Revision> supersededWithoutPublicationTime() {
        return revisionsWhere(Criteria.where("state").is(RevisionState.SUPERSEDED).and("lastPublishedAt").is(null));
    }

    /** Every revision in these states, in id order (a whole-collection read in pages by {@code _id}, for repair). */
    public List<Revision> revisionsInStateById(Collection<RevisionState> states) {
        return revisionsWhere(Criteria.where("state").in(states));
    }

    private List<Revision> revisionsWhere(Criteria condition) {
        List<Revision> found = new ArrayList<>();
        IdPages.forEach(mongo, Revision.class, condition, Revision::id, IdPages.DEFAULT_SIZE, found::addAll);
        return found;
    }

    /** Records when a revision was public, if it carries no such time yet. */
    public void backfillPublicationTime(Revision r, java.time.Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(r.id()).and("lastPublishedAt").is(null)),
                new Update().set("lastPublishedAt", at), Revision.class);
    }

    /** Items with a publish or withdrawal under way or cut short. */
    public List<Item> itemsWithPendingPublication() {
        return marks.items(ItemMarks.Kind.PENDING, i -> i.pending() != null).stream()
                .sorted(java.util.Comparator.comparing(Item::id)).toList();
    }

    /**
     * Makes the revision public in the revision record (whatever state it was in) and marks when. Preceding
     * writes ({@link PrecedingWrites}): step 2 of a publish, made durable by the log entry's synced write.
     */
    public void markRevisionPublished(Revision r, java.time.Instant at) {
        preceding.updateFirst(new Query(Criteria.where("_id").is(r.id())),
                new Update().set("state", RevisionState.PUBLISHED).set("lastPublishedAt", at), Revision.class);
        preceding.updateFirst(new Query(Criteria.where("_id").is(r.itemId()).and("headRevision").is(r.number())),
                new Update().set("headState", RevisionState.PUBLISHED), Item.class);
    }

    private static Criteria intentIs(PublicationIntent i) {
        return Criteria.where("pending.kind").is(i.kind()).and("pending.revision").is(i.revision())
                .and("pending.startedAt").is(i.startedAt()).and("pending.actor").is(i.actor());
    }

    private static Criteria scheduleIs(ScheduledPublication s) {
        return Criteria.where("scheduled.revision").is(s.revision()).and("scheduled.at").is(s.at());
    }

    private boolean updateItem(String itemId, Criteria condition, Update update) {
        return updateItem(mongo, itemId, condition, update);
    }

    private static boolean updateItem(MongoTemplate template, String itemId, Criteria condition, Update update) {
        Criteria c = Criteria.where("_id").is(itemId);
        if (condition != null) {
            c = new Criteria().andOperator(c, condition);
        }
        return template.updateFirst(new Query(c), update, Item.class).getMatchedCount() > 0;
    }

    public List<Item> items(ItemFilter filter, java.time.Instant now, int offset, int limit) {
        Query q = query(filter, now).with(Sort.by(Sort.Direction.DESC, "headAt").and(Sort.by("_id")))
                .skip(Math.max(0, offset)).limit(Math.max(1, limit));
        return mongo.find(q, Item.class);
    }

    public long count(ItemFilter filter, java.time.Instant now) {
        return mongo.count(query(filter, now), Item.class);
    }

    private List<Item> itemsWhere(Criteria criteria, Sort sort) {
        return mongo.find(new Query(criteria).with(sort), Item.class);
    }

    private static Query query(ItemFilter f, java.time.Instant now) {
        Criteria c = new Criteria();
        if (f.type() != null) {
            c.and("type").is(f.type());
        }
        if (f.state() != null) {
            c.and("headState").is(f.state());
        }
        if (f.status() != null) {
            c.and("status").is(f.status());
        }
        if (f.overdue()) {
            c.and("review.nextReviewDue").lt(now);
        }
        if (f.text() != null && !f.text().isBlank()) {
            String quoted = Pattern.quote(f.text().strip());
            c.orOperator(Criteria.where("title").regex(quoted, "i"), Criteria.where("slug").regex(quoted, "i"));
        }
        return new Query(c);
    }
}
