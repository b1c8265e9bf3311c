package org.knead.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes ({@code _id}): H2's {@link ObjectDataType}, the type
 * those index maps were always written with (same order; keys now written compactly, see {@link BsonObjects}),
 * with one change: two index keys ({@link KeyValue}, which is not {@link Comparable}) are compared by their
 * Java-serialized bytes as before, but the bytes of a key object are computed once and kept, instead of
 * serializing both keys again for every comparison. A lookup by {@code _id} compares its key with about 20 keys of the index's pages; profiled
 * during an import, those serializations took 40% of the store's CPU.
 *
 * <p>The bytes are kept per key object (by identity, never by equality: two equal keys may serialize
 * differently), for the key of the operation under way and for the keys of the index pages in H2's cache; the
 * cache is emptied when it holds {@value #MAX_ENTRIES} keys.
 */
final class KeyValueOrder extends BsonObjects {

    static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<Identity, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            if (a == b) {
                return 0;
            }
            return compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    private byte[] bytes(Object key) {
        Identity id = new Identity(key);
        byte[] bytes = serialized.get(id);
        if (bytes == null) {
            bytes = serialize(key);
            if (serialized.size() >= MAX_ENTRIES) {
                serialized.clear();
            }
            serialized.put(id, bytes);
        }
        return bytes;
    }

    /** A key object by identity. */
    private record Identity(Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
