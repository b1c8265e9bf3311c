package org.knead.revision;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.knead.content.ContentRef;
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

    private final MongoTemplate mongo;

    public RevisionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Item> item(ContentRef ref) {
        return Optional.ofNullable(mongo.findById(ref.id(), Item.class));
    }

    public Item requireItem(ContentRef ref) {
        return item(ref).orElseThrow(() -> new NotFoundException("There is no " + ref.type().key() + " '"
                + ref.slug() + "'."));
    }

    public boolean exists(ContentRef ref) {
        return mongo.exists(new Query(Criteria.where("_id").is(ref.id())), Item.class);
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

    /** Newest first. */
    public List<Revision> history(ContentRef ref) {
        Query q = new Query(Criteria.where("itemId").is(ref.id())).with(Sort.by(Sort.Direction.DESC, "number"));
        return mongo.find(q, Revision.class);
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

    /** Every revision, of any state, of a medical warning whose trigger symptoms list this symptom slug. */
    public List<Revision> warningRevisionsTriggeredBy(String symptomSlug) {
        Query q = new Query(Criteria.where("type").is(org.knead.content.ContentType.WARNING)
                .and("content.triggerSymptoms").is(symptomSlug));
        return mongo.find(q, Revision.class);
    }

    /** Inserts a new revision; fails with DuplicateKeyException when that number is taken. */
    void insert(Revision revision) {
        mongo.insert(revision);
    }

    void insertItem(Item item) {
        mongo.insert(item);
    }

    /**
     * Brings in an item with all its revisions, as exported from another Knead instance. Answers
     * false, writing nothing, when an item with that id already exists.
     */
    public boolean importItem(Item item, List<Revision> revisions) {
        try {
            mongo.insert(item);
        } catch (org.springframework.dao.DuplicateKeyException exists) {
            return false;
        }
        mongo.insert(revisions, Revision.class);
        return true;
    }

    /** Every item, in id order, for export. */
    public List<Item> allItems() {
        return mongo.find(new Query().with(Sort.by("_id")), Item.class);
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
        Query q = new Query(Criteria.where("_id").is(r.id()).and("state").in(from));
        Update u = new Update().set("state", to);
        if (decision != null) {
            u.push("reviews", decision);
        }
        Revision updated = mongo.findAndModify(q, u, FindAndModifyOptions.options().returnNew(true), Revision.class);
        if (updated != null) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(r.itemId()).and("headRevision").is(r.number())),
                    new Update().set("headState", to), Item.class);
        }
        return Optional.ofNullable(updated);
    }

    /** Updates fields of an item by id; {@code condition} may narrow which state it must be in. */
    public boolean updateItem(String itemId, Criteria condition, Update update) {
        Criteria c = Criteria.where("_id").is(itemId);
        if (condition != null) {
            c = new Criteria().andOperator(c, condition);
        }
        return mongo.updateFirst(new Query(c), update, Item.class).getMatchedCount() > 0;
    }

    public List<Item> items(ItemFilter filter, java.time.Instant now, int offset, int limit) {
        Query q = query(filter, now).with(Sort.by(Sort.Direction.DESC, "headAt").and(Sort.by("_id")))
                .skip(Math.max(0, offset)).limit(Math.max(1, limit));
        return mongo.find(q, Item.class);
    }

    public long count(ItemFilter filter, java.time.Instant now) {
        return mongo.count(query(filter, now), Item.class);
    }

    public List<Item> itemsWhere(Criteria criteria, Sort sort) {
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
