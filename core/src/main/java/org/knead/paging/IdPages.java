package org.knead.paging;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads a whole collection in pages ordered by {@code _id}: each page asks for the documents after the last
 * one read ({@code _id > last}, sorted by {@code _id}, at most a page). MongoDB answers each page from its
 * {@code _id} index, the embedded store too (its {@code IdLookupH2Backend}), so a page costs its size however large
 * the collection, and the store answers at once instead of scanning, sorting and holding every document before
 * the first batch (at 100,000 items, longer than the client's socket timeout). For collections whose ids are
 * strings (documents with other ids are not read). A document written during the read is seen if its id comes
 * after the page under way.
 */
public final class IdPages {

    /** The page size of start-up reads: small enough for a quick answer, large enough to keep round trips few. */
    public static final int DEFAULT_SIZE = 500;

    private IdPages() {
    }

    /**
     * Hands every document of this type matching {@code condition} (null: every document; it must not name
     * {@code _id}) to {@code page}, in {@code _id} order, at most {@code size} at a time; never an empty page.
     * With a condition, each page is the matches among the next {@code size} documents (two reads: their ids,
     * then those matching), so a condition few documents meet never makes one answer of the store scan far.
     */
    public static <T> void forEach(MongoTemplate mongo, Class<T> type, Criteria condition, Function<T, String> idOf,
            int size, Consumer<List<T>> page) {
        forEachWithPrefix(mongo, type, "", condition, idOf, size, page);
    }

    /**
     * As {@link #forEach}, for the documents whose {@code _id} starts with {@code prefix} (ids of ASCII
     * characters, as Knead's are): the store reads from the prefix on and stops at its end, so a read of one
     * kind of document (the revisions of warnings, {@code warning:...}) costs what that kind holds.
     */
    public static <T> void forEachWithPrefix(MongoTemplate mongo, Class<T> type, String prefix, Criteria condition,
            Function<T, String> idOf, int size, Consumer<List<T>> page) {
        int n = Math.max(1, size);
        String end = prefix.isEmpty() ? null : prefix + '\uffff';
        String collection = mongo.getCollectionName(type);
        String last = null;
        while (true) {
            Query window = new Query(range(prefix, last, end)).with(Sort.by("_id")).limit(n);
            List<T> found;
            boolean more;
            if (condition == null) {
                found = mongo.find(window, type);
                more = found.size() == n;
                last = found.isEmpty() ? last : idOf.apply(found.get(found.size() - 1));
            } else {
                // a rare condition must not make one answer scan far: first the next n ids, then the documents
                // among those n that match, so every answer reads at most n documents
                window.fields().include("_id");
                List<org.bson.Document> ids = mongo.find(window, org.bson.Document.class, collection);
                if (ids.isEmpty()) {
                    return;
                }
                String windowEnd = String.valueOf(ids.get(ids.size() - 1).get("_id"));
                Query matching = new Query(range(prefix, last, windowEnd + '\u0000')).with(Sort.by("_id")).limit(n);
                matching.addCriteria(condition);
                found = mongo.find(matching, type);
                more = ids.size() == n;
                last = windowEnd;
            }
            if (!found.isEmpty()) {
                page.accept(found);
            }
            if (!more) {
                return;
            }
        }
    }

    /** {@code _id} after {@code last} (or from {@code prefix} on), before {@code end} (none: no upper bound). */
    private static Criteria range(String prefix, String last, String end) {
        Criteria id = last == null ? Criteria.where("_id").gte(prefix) : Criteria.where("_id").gt(last);
        return end == null ? id : id.lt(end);
    }
}
