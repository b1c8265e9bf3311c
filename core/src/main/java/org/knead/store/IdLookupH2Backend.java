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
 * index, so the code that relies on this is as cheap there.
 *
 * <p>Its unique indexes compare their keys through {@link KeyValueOrder}: the same order and bytes on disk,
 * without serializing both keys for every comparison.
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
            MVMap<Object, Document> data = store.openMap("databases." + full);
            MVMap<String, Object> meta = store.openMap("meta." + full);
            return new IdLookupCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        /** As the plain backend's, with a key type that compares index keys without serializing them each time. */
        @Override
        protected de.bwaldvogel.mongo.backend.Index<Object> openOrCreateUniqueIndex(String collectionName,
                String indexName, List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
            MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> map = store().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName, // the plain backend's name
                    new MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(new KeyValueOrder()));
            return new UniqueIndex(map, indexName, keys, sparse);
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

    /** A collection that answers a query naming an {@code _id} from the {@code _id} index. */
    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
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
    }
}
