package org.knead.seed;

import java.util.List;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.TriggerSymptoms;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The writes of an import, in the order that makes an interrupted import recoverable without
 * transactions: all revisions of an item first, its head (the item document) last. An item
 * without a head is invisible to everything else in Knead; its revisions are "leftovers", which the
 * next import of the same file finds ({@link #leftoverRevisions}) and replaces.
 */
@Component
public class ImportStore {

    private static final int WINDOW = 16;

    private final MongoTemplate mongo;
    private final TriggerSymptoms triggers;

    public ImportStore(MongoTemplate mongo, TriggerSymptoms triggers) {
        this.mongo = mongo;
        this.triggers = triggers;
    }

    public boolean itemExists(String itemId) {
        return mongo.exists(new Query(Criteria.where("_id").is(itemId)), Item.class);
    }

    /** Revisions of an item that has no head: what an interrupted import left behind; 0 when the item exists. */
    public long leftoverRevisions(String itemId) {
        if (itemExists(itemId)) {
            return 0;
        }
        return leftoverIds(itemId).size();
    }

    /**
     * Writes the revisions of an item that has no head yet, replacing leftovers of an interrupted
     * import. Answers false, writing nothing, when the item exists (meanwhile).
     */
    public boolean writeRevisions(String itemId, List<Revision> revisions) {
        if (itemExists(itemId)) {
            return false;
        }
        List<String> leftovers = leftoverIds(itemId);
        if (!leftovers.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(leftovers)), Revision.class);
        }
        triggers.note(revisions);
        mongo.insert(revisions, Revision.class);
        return true;
    }

    /**
     * The ids of the revisions stored for this item. Revisions are numbered 1 to n and their ids derive
     * from the numbers, so they are read by {@code _id} in windows until one is missing (no search by
     * {@code itemId}: the embedded store would read every revision for it).
     */
    private List<String> leftoverIds(String itemId) {
        List<String> found = new java.util.ArrayList<>();
        for (int from = 1;; from += WINDOW) {
            List<String> ids = new java.util.ArrayList<>(WINDOW);
            for (int n = from; n < from + WINDOW; n++) {
                ids.add(Revision.idOf(itemId, n));
            }
            Query q = new Query(Criteria.where("_id").in(ids)).limit(WINDOW);
            q.fields().include("_id");
            List<org.bson.Document> there = mongo.find(q, org.bson.Document.class,
                    mongo.getCollectionName(Revision.class));
            there.forEach(d -> found.add(String.valueOf(d.get("_id"))));
            if (there.size() < WINDOW) {
                return found;
            }
        }
    }

    /** Inserts the head that makes an item visible; false when an item with that id exists. */
    public boolean writeHead(Item item) {
        try {
            mongo.insert(item);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }
}
