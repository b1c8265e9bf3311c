package org.knead.search.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;

/**
 * Counts every matching document per type, body area and pressure. A segment's matches are given as bits
 * ({@link #collectAll}) and each value's count is the number of bits they share with the segment's
 * documents that have that value, 64 documents a step; those bits are made once per segment from one
 * packed number per document ({@link #code}). Segments without the packed field (none are expected: the
 * schema version was bumped with it) are counted hit by hit from the per-dimension doc-value ordinals, as
 * is a search that collects hits one by one (this class is also a collector).
 */
public final class FacetCounter extends SimpleCollector {

    public enum Dimension {
        TYPE("type"), BODY_AREA("bodyArea"), PRESSURE("pressure");

        final String key;

        Dimension(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final ContentType[] TYPES = ContentType.values();
    private static final BodyArea[] AREAS = BodyArea.values();
    private static final Pressure[] PRESSURES = Pressure.values();
    private static final int TYPE_BITS = bits(TYPES.length + 1);
    private static final int PRESSURE_BITS = bits(PRESSURES.length + 1);

    private static int bits(int values) {
        return 32 - Integer.numberOfLeadingZeros(values - 1);
    }

    /** The packed facet values of one item: type (ordinal + 1), pressure (ordinal + 1, 0 = none), area bits. */
    public static long code(ContentType type, Pressure pressure, Iterable<BodyArea> areas) {
        long code = type == null ? 0 : type.ordinal() + 1;
        code |= (long) (pressure == null ? 0 : pressure.ordinal() + 1) << TYPE_BITS;
        for (BodyArea a : areas) {
            code |= 1L << (TYPE_BITS + PRESSURE_BITS + a.ordinal());
        }
        return code;
    }

    /** The type of a packed code: its ordinal + 1, 0 for none. */
    private static int typeOf(long code) {
        return (int) (code & ((1 << TYPE_BITS) - 1));
    }

    /** The pressure of a packed code: its ordinal + 1, 0 for none. */
    private static int pressureOf(long code) {
        return (int) ((code >>> TYPE_BITS) & ((1 << PRESSURE_BITS) - 1));
    }

    /** Whether a packed code has body area {@code a} (an ordinal). */
    private static boolean hasArea(long code, int a) {
        return (code >>> (TYPE_BITS + PRESSURE_BITS) & (1L << a)) != 0;
    }

    private static final String[] TYPE_KEYS = java.util.Arrays.stream(TYPES).map(ContentType::key).toArray(String[]::new);
    private static final String[] AREA_KEYS = java.util.Arrays.stream(AREAS).map(BodyArea::key).toArray(String[]::new);
    private static final String[] PRESSURE_KEYS = java.util.Arrays.stream(PRESSURES).map(Pressure::key)
            .toArray(String[]::new);

    private final Set<Dimension> dimensions;
    private final Map<Dimension, Map<String, Long>> totals = new LinkedHashMap<>();
    private long count;

    private SortedDocValues type;
    private SortedSetDocValues areas;
    private SortedDocValues pressure;
    private int[] typeCounts;
    private int[] areaCounts;
    private int[] pressureCounts;

    public FacetCounter(Set<Dimension> dimensions) {
        this.dimensions = dimensions.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(dimensions);
        for (Dimension d : this.dimensions) {
            totals.put(d, new TreeMap<>());
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        if (dimensions.contains(Dimension.TYPE)) {
            type = DocValues.getSorted(context.reader(), Fields.TYPE_DV);
            typeCounts = new int[(int) Math.max(1, type.getValueCount())];
        }
        if (dimensions.contains(Dimension.BODY_AREA)) {
            areas = DocValues.getSortedSet(context.reader(), Fields.AREA_DV);
            areaCounts = new int[(int) Math.max(1, areas.getValueCount())];
        }
        if (dimensions.contains(Dimension.PRESSURE)) {
            pressure = DocValues.getSorted(context.reader(), Fields.PRESSURE_DV);
            pressureCounts = new int[(int) Math.max(1, pressure.getValueCount())];
        }
    }

    /**
     * Collects every document of {@code bits} in {@code leaf} (a segment's matches, see {@link MatchBits}):
     * each facet value's count is the number of bits {@code bits} shares with the bits of the segment's
     * documents that have that value (kept until the segment closes), instead of a look-up per hit.
     */
    void collectAll(LeafReaderContext leaf, FixedBitSet bits) throws IOException {
        flush();
        ValueBits values = dimensions.isEmpty() ? null : valueBits(leaf);
        if (!dimensions.isEmpty() && values == null) {
            // a segment without the packed values: hit by hit, from the per-dimension doc values
            LeafCollector collector = getLeafCollector(leaf);
            BitSetIterator matched = new BitSetIterator(bits, 0);
            for (int doc = matched.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matched.nextDoc()) {
                collector.collect(doc);
            }
            return;
        }
        count += bits.cardinality();
        if (dimensions.isEmpty()) {
            return;
        }
        if (dimensions.contains(Dimension.TYPE)) {
            countShared(bits, values.types(), Dimension.TYPE, TYPE_KEYS);
        }
        if (dimensions.contains(Dimension.BODY_AREA)) {
            countShared(bits, values.areas(), Dimension.BODY_AREA, AREA_KEYS);
        }
        if (dimensions.contains(Dimension.PRESSURE)) {
            countShared(bits, values.pressures(), Dimension.PRESSURE, PRESSURE_KEYS);
        }
    }

    private void countShared(FixedBitSet bits, FixedBitSet[] byValue, Dimension d, String[] keys) {
        for (int i = 0; i < byValue.length; i++) {
            if (byValue[i] == null) {
                continue;
            }
            long n = FixedBitSet.intersectionCount(bits, byValue[i]);
            if (n > 0) {
                totals.get(d).merge(keys[i], n, Long::sum);
            }
        }
    }

    /** One segment's documents per facet value (null where no document has the value). */
    private record ValueBits(FixedBitSet[] types, FixedBitSet[] areas, FixedBitSet[] pressures) {
    }

    private static final Map<IndexReader.CacheKey, ValueBits> VALUE_BITS = new ConcurrentHashMap<>();

    /** The documents of {@code leaf} per facet value, from the packed values, or null without them. */
    private static ValueBits valueBits(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null || leaf.reader().getFieldInfos().fieldInfo(Fields.FACET_CODE) == null) {
            return null;
        }
        ValueBits kept = VALUE_BITS.get(helper.getKey());
        if (kept != null) {
            return kept;
        }
        int maxDoc = Math.max(1, leaf.reader().maxDoc());
        ValueBits made = new ValueBits(new FixedBitSet[TYPES.length], new FixedBitSet[AREAS.length],
                new FixedBitSet[PRESSURES.length]);
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), Fields.FACET_CODE);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            long code = values.longValue();
            if (typeOf(code) > 0) {
                set(made.types(), typeOf(code) - 1, doc, maxDoc);
            }
            if (pressureOf(code) > 0) {
                set(made.pressures(), pressureOf(code) - 1, doc, maxDoc);
            }
            for (int a = 0; a < AREAS.length; a++) {
                if (hasArea(code, a)) {
                    set(made.areas(), a, doc, maxDoc);
                }
            }
        }
        ValueBits raced = VALUE_BITS.putIfAbsent(helper.getKey(), made);
        if (raced != null) {
            return raced;
        }
        helper.addClosedListener(VALUE_BITS::remove);
        return made;
    }

    private static void set(FixedBitSet[] byValue, int value, int doc, int maxDoc) {
        if (byValue[value] == null) {
            byValue[value] = new FixedBitSet(maxDoc);
        }
        byValue[value].set(doc);
    }

    @Override
    public void collect(int doc) throws IOException {
        count++;
        if (type != null && type.advanceExact(doc)) {
            typeCounts[type.ordValue()]++;
        }
        if (areas != null && areas.advanceExact(doc)) {
            for (int i = 0; i < areas.docValueCount(); i++) {
                areaCounts[(int) areas.nextOrd()]++;
            }
        }
        if (pressure != null && pressure.advanceExact(doc)) {
            pressureCounts[pressure.ordValue()]++;
        }
    }

    private void flush() throws IOException {
        if (type != null) {
            for (int ord = 0; ord < type.getValueCount(); ord++) {
                if (typeCounts[ord] > 0) {
                    totals.get(Dimension.TYPE).merge(type.lookupOrd(ord).utf8ToString(), (long) typeCounts[ord], Long::sum);
                }
            }
        }
        if (areas != null) {
            for (int ord = 0; ord < areas.getValueCount(); ord++) {
                if (areaCounts[ord] > 0) {
                    totals.get(Dimension.BODY_AREA).merge(areas.lookupOrd(ord).utf8ToString(), (long) areaCounts[ord],
                            Long::sum);
                }
            }
        }
        if (pressure != null) {
            for (int ord = 0; ord < pressure.getValueCount(); ord++) {
                if (pressureCounts[ord] > 0) {
                    totals.get(Dimension.PRESSURE).merge(pressure.lookupOrd(ord).utf8ToString(),
                            (long) pressureCounts[ord], Long::sum);
                }
            }
        }
        type = null;
        areas = null;
        pressure = null;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Documents collected. */
    public long count() {
        return count;
    }

    /** The counts of one dimension, largest first. Call once collecting is done. */
    public Map<String, Long> counts(Dimension d) throws IOException {
        flush();
        Map<String, Long> raw = totals.getOrDefault(d, Map.of());
        Map<String, Long> sorted = new LinkedHashMap<>();
        raw.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
