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
        String last = null;
        while (true) {
            Criteria id = last == null ? Criteria.where("_id").gte(prefix) : Criteria.where("_id").gt(last);
            if (end != null) {
                id = id.lt(end);
            }
            Query q = new Query(id).with(Sort.by("_id")).limit(n);
            if (condition != null) {
                q.addCriteria(condition);
            }
            List<T> found = mongo.find(q, type);
            if (found.isEmpty()) {
                return;
            }
            page.accept(found);
            if (found.size() < n) {
                return;
            }
            last = idOf.apply(found.get(found.size() - 1));
        }
    }
}
