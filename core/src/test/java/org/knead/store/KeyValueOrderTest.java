package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index key order of the embedded store is H2's own, so index maps written before it read the same. */
class KeyValueOrderTest {

    @TempDir
    Path dir;

    @Test
    void ordersIndexKeysExactlyAsH2Does() {
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue("symptom:gen-" + random.nextInt(100_000));
                case 1 -> new KeyValue((long) random.nextInt(1000));
                case 2 -> new KeyValue(random.nextInt(1000));
                default -> new KeyValue("technique:a-" + random.nextInt(50) + "#" + random.nextInt(30));
            });
        }
        assertSameOrderAsH2(keys);
    }

    @Test
    void ordersStringAndNumberKeysExactlyAsH2DoesAtEveryEdgeOfTheirSerializedForm() {
        Random random = new Random(11);
        char[] edges = {0, 1, 'a', 0x7E, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xD800, 0xDC00, 0xFFFF};
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int length = switch (i % 5) {
                case 0 -> random.nextInt(4);
                case 1 -> 125 + random.nextInt(6); // the encoded length's low byte crosses 0x7F / 0x80
                case 2 -> 254 + random.nextInt(4); // and 0xFF / 0x100
                default -> 8 + random.nextInt(12);
            };
            StringBuilder s = new StringBuilder("item:");
            for (int j = 0; j < length; j++) {
                s.append(random.nextInt(4) == 0 ? edges[random.nextInt(edges.length)] : (char) ('a' + random.nextInt(3)));
            }
            keys.add(new KeyValue(s.toString()));
        }
        keys.add(new KeyValue("x".repeat(65_535)));
        keys.add(new KeyValue("x".repeat(65_536))); // written as a long string: the serialized way
        keys.add(new KeyValue("\u0800".repeat(21_846))); // 65,538 bytes in modified UTF-8
        for (long v : new long[] {0, 1, -1, 255, 256, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, -(1L << 40)}) {
            keys.add(new KeyValue(v));
            keys.add(new KeyValue((int) v));
        }
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue(random.nextLong()));
            keys.add(new KeyValue(random.nextInt()));
        }
        keys.add(new KeyValue("item:a", 1L)); // two values: the serialized way
        assertSameOrderAsH2(keys);
    }

    /** Every pair of {@code keys} compares as H2's own {@link ObjectDataType} compares it. */
    private static void assertSameOrderAsH2(List<KeyValue> keys) {
        ObjectDataType h2 = new ObjectDataType();
        KeyValueOrder ours = new KeyValueOrder();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void anIndexMapWrittenWithH2sTypeIsReadWithOurs() {
        Path file = dir.resolve("index.mv.db");
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<KeyValue, Object> map = store.openMap("idx");
            for (int i = 0; i < 5_000; i++) {
                map.put(new KeyValue("item:" + i), (long) i);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<KeyValue, Object> map = store.openMap("idx",
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
            for (int i = 0; i < 5_000; i += 7) {
                assertThat(map.get(new KeyValue("item:" + i))).isEqualTo((long) i);
            }
            assertThat(map.get(new KeyValue("item:5000"))).isNull();
            map.put(new KeyValue("item:5000"), 5000L);
            assertThat(map.get(new KeyValue("item:5000"))).isEqualTo(5000L);
            assertThat(map.sizeAsLong()).isEqualTo(5_001);
        }
    }
}
