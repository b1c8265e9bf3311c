package org.knead.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes ({@code _id}): H2's {@link ObjectDataType}, the type
 * those index maps were always written with (same order; keys now written compactly, see {@link BsonObjects}).
 * H2 compares two index keys ({@link KeyValue}, which is not {@link Comparable}) by their Java-serialized bytes,
 * unsigned; this type gives the same answer without serializing them.
 *
 * <p>For the keys Knead's collections have, a key of one string (items, revisions, audit entries, users) or of
 * one {@code long} (the publication log), the order is computed from the values: two such keys serialize to
 * the same bytes up to the value (the key's class, its {@code ArrayList} of one element, the value's class),
 * so the order is the value's part alone:
 * <ul>
 *   <li>a string is written as its length in modified UTF-8 (two bytes, big-endian), then its modified UTF-8
 *       bytes: a shorter encoding sorts first; at equal lengths the first differing character decides, in
 *       code unit order except that the character 0 (written as two bytes, {@code C0 80}) sorts between
 *       {@code 7F} and {@code 80}. A string over 65,535 bytes is written another way and goes the slow way.</li>
 *   <li>a {@code Long} or {@code Integer} is written as its bytes, big-endian: unsigned order.</li>
 * </ul>
 * Any other pair of keys is compared by its serialized bytes, computed once per key object and kept (by
 * identity, never by equality: two equal keys may serialize differently), emptied at {@value #MAX_ENTRIES} keys.
 * Profiled on a 100,000-item store, serializing the key of each look-up was 18% of all the store allocated;
 * before the bytes were kept, serializing both keys of every comparison was 40% of its CPU during an import.
 * {@code KeyValueOrderTest} checks the order against H2's own for every shape, including the edge cases above.
 */
final class KeyValueOrder extends BsonObjects {

    static final int MAX_ENTRIES = 100_000;

    private static final int MAX_SHORT_UTF = 0xFFFF;

    /** {@link #valueOrder} cannot order the pair: compare the serialized bytes. */
    private static final int UNORDERED = Integer.MIN_VALUE;

    private final ConcurrentHashMap<Identity, byte[]> serialized = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
            if (a == b) {
                return 0;
            }
            if (ka.size() == 1 && kb.size() == 1) {
                int order = valueOrder(ka.get(0), kb.get(0));
                if (order != UNORDERED) {
                    return order;
                }
            }
            return compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    /** The order of two keys' single values as their serialized bytes have it, or {@link #UNORDERED}. */
    static int valueOrder(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return stringOrder(sa, sb);
        }
        if (a instanceof Long la && b instanceof Long lb) {
            return Integer.signum(Long.compareUnsigned(la, lb));
        }
        if (a instanceof Integer ia && b instanceof Integer ib) {
            return Integer.signum(Integer.compareUnsigned(ia, ib));
        }
        return UNORDERED;
    }

    private static int stringOrder(String a, String b) {
        int lengthA = utfLength(a);
        int lengthB = utfLength(b);
        if (lengthA > MAX_SHORT_UTF || lengthB > MAX_SHORT_UTF) {
            return UNORDERED;
        }
        if (lengthA != lengthB) {
            return lengthA < lengthB ? -1 : 1;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return byteRank(ca) < byteRank(cb) ? -1 : 1;
            }
        }
        return 0; // equal encoded lengths and one a prefix of the other: equal
    }

    /** The rank of a character's modified UTF-8 bytes: code unit order, with 0 ({@code C0 80}) after 7F. */
    private static int byteRank(char c) {
        return c == 0 ? 0x7F * 2 + 1 : c * 2;
    }

    /** The length of a string in modified UTF-8, as {@code DataOutputStream.writeUTF} writes it. */
    private static int utfLength(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                length += c >= 0x800 ? 2 : 1;
            }
        }
        return length;
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
