package org.knead.revision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A small collection naming the items that may carry a schedule or a publish intent, so that the
 * scheduler's rounds (every few seconds in the console) read those items by {@code _id} instead of
 * searching every item: on the embedded store, which has no secondary index, that search reads the
 * whole collection. A mark is written before the item gets its schedule or intent, so it is never
 * missing for an item that has one; it may outlive it, and a mark whose item no longer has one is removed
 * by a later round (only when it is older than a minute and unchanged since it was read, so that a schedule
 * being written meanwhile keeps its mark).
 *
 * <p>Data written before the marks existed: the first round marks every item that has a schedule or an
 * intent (once; the marker {@value #BUILT} records it).
 */
@Component
class ItemMarks {

    enum Kind { SCHEDULED, PENDING }

    static final String COLLECTION = "item_marks";
    static final String BUILT = "#built";
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final MongoTemplate preceding;
    private final Clock clock;
    private volatile boolean built;

    ItemMarks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.preceding = org.knead.config.PrecedingWrites.template(mongo);
        this.clock = clock;
    }

    void mark(Kind kind, String itemId) {
        write(mongo, kind, itemId);
    }

    /**
     * As {@link #mark}, as a preceding write ({@link org.knead.config.PrecedingWrites}): for a mark written just
     * before the intent or schedule it announces, itself followed by a synced write.
     */
    void markPreceding(Kind kind, String itemId) {
        write(preceding, kind, itemId);
    }

    private void write(MongoTemplate template, Kind kind, String itemId) {
        template.upsert(new Query(Criteria.where("_id").is(id(kind, itemId))), new Update().set("kind", kind.name())
                .set("itemId", itemId).set("token", UUID.randomUUID().toString())
                .set("at", Date.from(clock.instant())), COLLECTION);
    }

    /** The marked items of this kind that {@code holds} (read by {@code _id}); stale marks are removed. */
    List<Item> items(Kind kind, Predicate<Item> holds) {
        ensureBuilt();
        List<Document> marks = mongo.find(new Query(Criteria.where("kind").is(kind.name())), Document.class,
                COLLECTION);
        if (marks.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, Item> items = new java.util.HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(marks.stream().map(m -> m.getString("itemId")).toList())),
                Item.class).forEach(i -> items.put(i.id(), i));
        List<Item> found = new ArrayList<>();
        Instant stale = clock.instant().minus(GRACE);
        for (Document m : marks) {
            Item item = items.get(m.getString("itemId"));
            if (item != null && holds.test(item)) {
                found.add(item);
            } else if (m.getDate("at") != null && m.getDate("at").toInstant().isBefore(stale)) {
                mongo.remove(new Query(Criteria.where("_id").is(m.get("_id")).and("token").is(m.get("token"))),
                        COLLECTION);
            }
        }
        return found;
    }

    private void ensureBuilt() {
        if (built) {
            return;
        }
        if (mongo.findById(BUILT, Document.class, COLLECTION) == null) {
            Query q = new Query(new Criteria().orOperator(Criteria.where("scheduled").ne(null),
                    Criteria.where("pending").ne(null)));
            for (Item item : mongo.find(q, Item.class)) {
                if (item.scheduled() != null) {
                    mark(Kind.SCHEDULED, item.id());
                }
                if (item.pending() != null) {
                    mark(Kind.PENDING, item.id());
                }
            }
            mongo.upsert(new Query(Criteria.where("_id").is(BUILT)), new Update().set("complete", true), COLLECTION);
        }
        built = true;
    }

    private static String id(Kind kind, String itemId) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "|" + itemId;
    }
}
