package org.knead.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one change to how it finds documents: a query that names one
 * {@code _id} (or a list of them with {@code $in}) together with other conditions, at the top level or
 * inside a top-level {@code $and}, reads those documents through the {@code _id} index and checks the
 * other conditions on them only. The plain backend uses an index only when the query has exactly the
 * index's fields, so every compare-and-set ({@code {_id: X, state: {$in: [...]}}}) scanned the whole
 * collection. What a query answers is unchanged: the full query is matched against every candidate,
 * then sorted, skipped, limited and projected as before. MongoDB does the same with its own {@code _id}
 * index, so the code that relies on this is as cheap there. A page of a read in {@code _id} order (a range on a
 * string {@code _id}, sorted by {@code _id}, with a limit: {@code org.knead.paging.IdPages}) is read in key
 * order from the range's start and stops at the page's last match: it costs the page's size, not the collection's.
 *
 * <p>Documents, index keys and object ids are written compactly ({@link BsonObjects}) instead of by Java
 * serialization; what a data file holds in the old form is read as before.
 *
 * <p>Its unique indexes compare their keys through {@link KeyValueOrder}: the same order, without serializing
 * both keys for every comparison.
 *
 * <p>A secondary (non-unique) index is declared but not kept, as with the plain backend; but where the plain
 * backend, at every opening of the data file, read every document of the collection twice for each such index
 * (to "build" an index that ignores them: 90 s for 100,000 items and their 200,000 revisions), this one
 * skips that build. Nothing is read, written or answered differently.
 */
final class IdLookupH2Backend extends H2Backend {

    private static final String ID = "_id";

    IdLookupH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * The {@code _id} values a query pins down: a plain value or an {@code $in} list under {@code _id}, at
     * the top level or in one clause of a top-level {@code $and}; null when the query names none.
     */
    static Object idClause(Document query) {
        Object id = plainIdCondition(query.get(ID), query.containsKey(ID));
        if (id != null) {
            return id;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d) {
                    Object inner = plainIdCondition(d.get(ID), d.containsKey(ID));
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private static Object plainIdCondition(Object value, boolean present) {
        if (!present || value == null) {
            return null;
        }
        if (value instanceof Document d) {
            return d.size() == 1 && d.get("$in") instanceof Collection<?> ? d : null;
        }
        return value;
    }

    private static final class Database extends H2Database {

        private static final Field STORE = storeField();

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // called from H2Database's constructor as well, before a field of this class could be set
            MVStore store = store();
            String full = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = store.openMap("databases." + full,
                    new MVMap.Builder<Object, Document>().keyType(new BsonObjects()).valueType(new BsonObjects()));
            MVMap<String, Object> meta = store.openMap("meta." + full);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /** As the plain backend's, with a key type that compares index keys without serializing them each time. */
        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateUniqueIndex(String collectionName,
                String indexName, List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> map = store().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName, // the plain backend's name
                    new MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(new KeyValueOrder())
                            .valueType(new BsonObjects()));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /** As the plain backend's (an index that keeps nothing), without reading every document to build it. */
        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateSecondaryIndex(String collectionName,
                String indexName, List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            return new IgnoredIndex(indexName, keys);
        }

        private MVStore store() {
            try {
                return (MVStore) STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Field storeField() {
            try {
                Field f = H2Database.class.getDeclaredField("mvStore");
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("mongo-java-server's H2Database changed: no mvStore field", e);
            }
        }
    }

    /**
     * A declared secondary index that the store does not keep (mongo-java-server's {@code EmptyIndex}: it ignores
     * every document and answers no query). It says it is not empty so that adding it to a collection does not
     * read every document for nothing: the collection adds documents to an index only when it is empty.
     */
    static final class IgnoredIndex extends de.bwaldvogel.mongo.backend.EmptyIndex<Object> {

        IgnoredIndex(String name, List<de.bwaldvogel.mongo.backend.IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false; // nothing to build: it keeps nothing
        }
    }

    /** mongo-java-server's {@code H2UniqueIndex} (not open to subclasses), on a map opened with {@link KeyValueOrder}. */
    private static final class UniqueIndex extends de.bwaldvogel.mongo.backend.AbstractUniqueIndex<Object> {

        private final MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> map;

        UniqueIndex(MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> map, String name,
                List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(de.bwaldvogel.mongo.backend.KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(de.bwaldvogel.mongo.backend.KeyValue key, Object position) {
            return map.putIfAbsent(key, de.bwaldvogel.mongo.backend.Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<java.util.Map.Entry<de.bwaldvogel.mongo.backend.KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(de.bwaldvogel.mongo.backend.KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * A range on a string {@code _id} ({@code $gt}/{@code $gte}, optionally {@code $lt}/{@code $lte}) sorted by
     * {@code _id} ascending with a limit: one page of a read in {@code _id} order. Null when the query is not one.
     */
    record IdRange(String from, boolean fromIncluded, String to, boolean toIncluded) {

        static IdRange of(Document query, Document orderBy, int limit) {
            if (limit <= 0 || orderBy == null || orderBy.size() != 1 || !(orderBy.get(ID) instanceof Number n)
                    || n.intValue() != 1 || !(query.get(ID) instanceof Document range) || range.isEmpty()) {
                return null;
            }
            String from = null;
            String to = null;
            boolean fromIncluded = false;
            boolean toIncluded = false;
            for (String op : range.keySet()) {
                if (!(range.get(op) instanceof String bound)) {
                    return null;
                }
                switch (op) {
                    case "$gt", "$gte" -> {
                        if (from != null) {
                            return null;
                        }
                        from = bound;
                        fromIncluded = op.equals("$gte");
                    }
                    case "$lt", "$lte" -> {
                        if (to != null) {
                            return null;
                        }
                        to = bound;
                        toIncluded = op.equals("$lte");
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return from == null ? null : new IdRange(from, fromIncluded, to, toIncluded);
        }

        /** Whether a key after the lower bound is still in the range (string keys are contiguous and in order). */
        boolean before(String key) {
            return to == null || (toIncluded ? key.compareTo(to) <= 0 : key.compareTo(to) < 0);
        }
    }

    /**
     * A collection that answers a query naming an {@code _id} from the {@code _id} index, and a page of a read
     * in {@code _id} order ({@link IdRange}) by reading the documents in key order from the range's start and
     * stopping at the page's last match: the cost of a page is its size, not the collection's. The documents
     * are keyed by {@code _id}; string keys sort together and as MongoDB's (and the plain backend's) string
     * order, so the page is what the full match answers.
     */
    private static final class IdLookupCollection extends H2Collection {

        private final MVMap<Object, Document> data;

        IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.data = data;
        }

        /** Whether this thread is inside an update, whose matches mongo-java-server changes in place. */
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery,
                de.bwaldvogel.mongo.backend.ArrayFilters arrayFilters, boolean isMulti, boolean isUpsert,
                de.bwaldvogel.mongo.oplog.Oplog oplog) {
            UPDATING.set(true);
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                UPDATING.set(false);
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            UPDATING.set(true);
            try {
                return super.findAndModify(query);
            } finally {
                UPDATING.set(false);
            }
        }

        /**
         * As {@link #matches}, except that within an update every match is a deep copy: mongo-java-server changes
         * the document an update matched in place, then puts it back. Changed in place, the stored object was
         * changed under a commit of another connection that was writing the page holding it (the BSON encoder
         * stopped with a ConcurrentModificationException, and the store refused writes until it reopened; Java
         * serialization had written whatever the map held at that moment), and under every older version of
         * the map. Now a stored document is never changed: an update puts a new one.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            QueryResult result = matches(query, orderBy, skip, limit, batchSize, fieldSelector);
            if (!UPDATING.get()) {
                return result;
            }
            List<Document> copies = new ArrayList<>();
            for (Document d : result) {
                copies.add(d.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }

        private QueryResult matches(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            IdRange range = IdRange.of(query, orderBy, limit);
            if (range != null) {
                return matchDocumentsFromStream(page(range, query, Math.max(0, skip) + limit).stream(), query, orderBy,
                        skip, limit, batchSize, fieldSelector);
            }
            Object id = idClause(query);
            if (id == null || query.size() == 1 && query.containsKey(ID)) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            List<Document> candidates = new ArrayList<>();
            for (Document d : super.queryDocuments(new Document(ID, id), null, 0, 0, 0, null)) {
                candidates.add(d);
            }
            return matchDocumentsFromStream(candidates.stream(), query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /** The first {@code wanted} documents in the range that match the whole query, in {@code _id} order. */
        private List<Document> page(IdRange range, Document query, int wanted) {
            List<Document> matches = new ArrayList<>(Math.min(wanted, 1024));
            Cursor<Object, Document> cursor = data.cursor(range.from());
            while (matches.size() < wanted && cursor.hasNext()) {
                if (!(cursor.next() instanceof String key) || !range.before(key)) {
                    break;
                }
                if (!range.fromIncluded() && key.equals(range.from())) {
                    continue;
                }
                Document d = cursor.getValue();
                if (d != null && documentMatchesQuery(d, query)) {
                    matches.add(d);
                }
            }
            return matches;
        }
    }
}
