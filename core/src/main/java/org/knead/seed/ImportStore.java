package org.knead.seed;

import java.util.List;
import org.knead.revision.Item;
import org.knead.revision.Revision;
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

    private final MongoTemplate mongo;

    public ImportStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean itemExists(String itemId) {
        return mongo.exists(new Query(Criteria.where("_id").is(itemId)), Item.class);
    }

    /** Revisions of an item that has no head: what an interrupted import left behind; 0 when the item exists. */
    public long leftoverRevisions(String itemId) {
        if (itemExists(itemId)) {
            return 0;
        }
        return mongo.count(new Query(Criteria.where("itemId").is(itemId)), Revision.class);
    }

    /**
     * Writes the revisions of an item that has no head yet, replacing leftovers of an interrupted
     * import. Answers false, writing nothing, when the item exists (meanwhile).
     */
    public boolean writeRevisions(String itemId, List<Revision> revisions) {
        if (itemExists(itemId)) {
            return false;
        }
        mongo.remove(new Query(Criteria.where("itemId").is(itemId)), Revision.class);
        mongo.insert(revisions, Revision.class);
        return true;
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
