package org.knead.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/**
 * Per-hit values of a page of hits (what a hit shows, what it relieves), read leaf by leaf in doc-id order:
 * a leaf's doc values are opened once for the page and only ever advanced forward, as they must be, however
 * the page is ordered. (Opened once per hit, they cost a tenth of a search.)
 */
final class HitValues {

    /** Opens a leaf's doc values (null when the leaf has none). */
    @FunctionalInterface
    interface Open<D> {
        D open(LeafReader leaf) throws IOException;
    }

    /** One hit's value from its leaf's doc values ({@code leafDoc} within the leaf, {@code doc} in the index). */
    @FunctionalInterface
    interface Read<D, T> {
        T read(D values, int leafDoc, int doc) throws IOException;
    }

    private HitValues() {
    }

    /** The value of each hit, in the order of {@code hits}. */
    static <D, T> List<T> read(IndexReader reader, ScoreDoc[] hits, Open<D> open, Read<D, T> read) throws IOException {
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        Object[] out = new Object[hits.length];
        LeafReaderContext leaf = null;
        D values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = open.open(leaf.reader());
            }
            out[i] = read.read(values, doc - leaf.docBase, doc);
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return list;
    }
}
