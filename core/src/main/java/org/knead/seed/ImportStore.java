package org.knead.seed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knead.config.PrecedingWrites;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.TriggerSymptoms;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The writes of an import, in the order that makes an interrupted import recoverable without
 * transactions: the revisions of an item first, its head (the item document) last. An item without a
 * head is invisible to everything else in Knead; its revisions are "leftovers", which the next import
 * of the same file finds ({@link #leftoverRevisions}) and replaces.
 *
 * <p>Items are written in batches ({@link #writeBatch}): the batch's revisions (and the removal of
 * leftovers) go as preceding writes ({@link PrecedingWrites}, not synced on their own), then the heads in
 * one synced write, whose commit and sync make the whole batch durable. So an import waits for one sync
 * per batch, not two per item, and what a crash leaves is as before: items with their head are complete,
 * items without one are leftovers. Every look-up is by {@code _id}, a few hundred ids per query.
 */
@Component
public class ImportStore {

    /** Items per batch of writes (one synced commit each). */
    static final int BATCH = 500;
    /** Ids per look-up query. */
    private static final int LOOKUP = 1000;
    private static final int WINDOW = 16;

    private final MongoTemplate mongo;
    private final MongoTemplate preceding;
    private final TriggerSymptoms triggers;

    public ImportStore(MongoTemplate mongo, TriggerSymptoms triggers) {
        this.mongo = mongo;
        this.preceding = PrecedingWrites.template(mongo);
        this.triggers = triggers;
    }

    /** Which of these item ids exist here (have a head). */
    public Set<String> existingItems(Collection<String> itemIds) {
        return existingIds(itemIds, mongo.getCollectionName(Item.class));
    }

    /**
     * The leftover revisions of each of these items that has no head (what an interrupted import left
     * behind); items without any are left out.
     */
    public Map<String, List<String>> leftoverRevisions(Collection<String> itemIds) {
        return leftoverRevisions(itemIds, existingItems(itemIds));
    }

    /** As {@link #leftoverRevisions(Collection)}, knowing which of the items exist. */
    public Map<String, List<String>> leftoverRevisions(Collection<String> itemIds, Set<String> existing) {
        List<String> firsts = new ArrayList<>();
        for (String id : itemIds) {
            if (!existing.contains(id)) {
                firsts.add(Revision.idOf(id, 1));
            }
        }
        // revision numbers start at 1, and an interrupted import wrote an item's revisions in one write:
        // an item has leftovers only if its revision 1 is there
        Set<String> withFirst = existingIds(firsts, mongo.getCollectionName(Revision.class));
        Map<String, List<String>> leftovers = new HashMap<>();
        for (String id : itemIds) {
            if (!existing.contains(id) && withFirst.contains(Revision.idOf(id, 1))) {
                leftovers.put(id, leftoverIds(id));
            }
        }
        return leftovers;
    }

    private Set<String> existingIds(Collection<String> ids, String collection) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += LOOKUP) {
            Query q = new Query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + LOOKUP))));
            q.fields().include("_id");
            mongo.find(q, org.bson.Document.class, collection).forEach(d -> found.add(String.valueOf(d.get("_id"))));
        }
        return found;
    }

    /**
     * Writes a batch of items that had no head: their revisions (replacing leftovers of an interrupted
     * import), then their heads. An item created here meanwhile is not touched: answered among the
     * skipped (its head existed before its revisions were written) or the raced (its head appeared
     * between the two writes; its own revisions stay, as a save would have left them).
     */
    public BatchOutcome writeBatch(List<ImportPlan.Planned> batch) {
        List<String> ids = batch.stream().map(p -> p.head().id()).toList();
        Set<String> existing = existingItems(ids);
        List<ImportPlan.Planned> toWrite = batch.stream().filter(p -> !existing.contains(p.head().id())).toList();
        if (toWrite.isEmpty()) {
            return new BatchOutcome(List.of(), List.copyOf(existing), List.of());
        }
        List<String> leftovers = leftoverRevisions(toWrite.stream().map(p -> p.head().id()).toList(), existing).values()
                .stream().flatMap(List::stream).toList();
        if (!leftovers.isEmpty()) {
            preceding.remove(new Query(Criteria.where("_id").in(leftovers)), Revision.class);
        }
        List<Revision> revisions = toWrite.stream().flatMap(p -> p.revisions().stream()).toList();
        triggers.note(revisions);
        preceding.insert(revisions, Revision.class);
        List<String> raced = new ArrayList<>();
        try {
            // synced: acknowledges this write and every preceding one of the batch
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Item.class)
                    .insert(toWrite.stream().map(ImportPlan.Planned::head).toList()).execute();
        } catch (BulkOperationException e) {
            for (var error : e.getErrors()) {
                if (error.getCode() != 11000) { // not a duplicate key: a real failure
                    throw e;
                }
                raced.add(toWrite.get(error.getIndex()).head().id());
            }
        }
        return new BatchOutcome(toWrite, List.copyOf(existing), raced);
    }

    /**
     * What a batch wrote: the items written, those skipped because they existed before anything was written,
     * and those whose head was created here between the two writes (written, yet not with this head).
     */
    public record BatchOutcome(List<ImportPlan.Planned> written, List<String> skipped, List<String> raced) {
    }

    /**
     * The ids of the revisions stored for this item. Revisions are numbered 1 to n and their ids derive
     * from the numbers, so they are read by {@code _id} in windows until one is missing (no search by
     * {@code itemId}: the embedded store would read every revision for it).
     */
    private List<String> leftoverIds(String itemId) {
        List<String> found = new ArrayList<>();
        for (int from = 1;; from += WINDOW) {
            List<String> ids = new ArrayList<>(WINDOW);
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
}
