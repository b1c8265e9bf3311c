package org.knead.search.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts every matching document per type, body area and pressure, by doc-value ordinals per segment. */
public final class FacetCounter extends SimpleCollector {

    public enum Dimension {
        TYPE("type", Fields.TYPE_DV), BODY_AREA("bodyArea", Fields.AREA_DV), PRESSURE("pressure", Fields.PRESSURE_DV);

        final String key;
        final String field;

        Dimension(String key, String field) {
            this.key = key;
            this.field = field;
        }

        public String key() {
            return key;
        }
    }

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
