package org.knead.search.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The short fields (title, aliases, summary, keywords) as one field for ranking, {@link Fields#SHORT}: each
 * word once per item, its frequency standing for how much the item is about it, worked out when the item is
 * indexed. That is what the per-word disjunction over the four fields scored (the best field's BM25 part
 * times its weight, plus a tenth of the others'), with one inverse document frequency for the word over all
 * four fields instead of one per field. One postings list per word, with block maxima, instead of four merged
 * at every hit: Lucene skips the items that cannot reach the page.
 */
public final class ShortFields {

    /** A word's weight is kept in its frequency in steps of 1/SCALE. */
    static final int SCALE = 1024;
    /** As the disjunction over the fields did: the best field, plus this share of the others. */
    static final float TIE = 0.1f;
    /** BM25's defaults. */
    static final float K1 = 1.2f;
    static final float B = 0.75f;
    /**
     * A field's usual length in words (title, aliases, summary, keywords of an item), against which an item's
     * own is weighed: fixed, so that an item's weights do not depend on what else was indexed before it.
     */
    static final float[] USUAL_LENGTH = {4f, 6f, 20f, 8f};

    static final FieldType TYPE = new FieldType();

    static {
        TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TYPE.setOmitNorms(true);
        TYPE.setTokenized(true);
        TYPE.freeze();
    }

    /** BM25 for every field but {@link Fields#SHORT}, whose frequencies are already weights. */
    public static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity bm25 = new BM25Similarity();
        private final Similarity weighed = new Weighed();

        @Override
        public Similarity get(String name) {
            return Fields.SHORT.equals(name) || Fields.SYMPTOM_SHORT.equals(name) ? weighed : bm25;
        }
    };

    private ShortFields() {
    }

    /** The field for an item with these short fields (aliases and keywords: every value). */
    static Field field(String title, List<String> aliases, String summary, List<String> keywords) {
        return new Field(Fields.SHORT, new Weights(weights(title, aliases, summary, keywords)), TYPE);
    }

    /**
     * A symptom's title and aliases alone, weighed the same way: what a query that describes the symptom
     * scores (relief ranking), in the same units as the ranking itself; scored with {@link Fields#SHORT}'s
     * statistics (see SymptomNames).
     */
    static Field symptomField(String title, List<String> aliases) {
        return new Field(Fields.SYMPTOM_SHORT, new Weights(weights(title, aliases, "", List.of())), TYPE);
    }

    /** Each word of the short fields, with its weight in steps of 1/SCALE (at least 1). */
    static Map<String, Integer> weights(String title, List<String> aliases, String summary, List<String> keywords) {
        List<List<String>> fields = List.of(List.of(nullToEmpty(title)), aliases, List.of(nullToEmpty(summary)), keywords);
        int n = fields.size();
        Map<String, int[]> tf = new LinkedHashMap<>();
        int[] length = new int[n];
        for (int f = 0; f < n; f++) {
            for (String value : fields.get(f)) {
                for (String term : Analysis.terms(Analysis.text(), value, Integer.MAX_VALUE)) {
                    tf.computeIfAbsent(term, t -> new int[n])[f]++;
                    length[f]++;
                }
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : tf.entrySet()) {
            float best = 0;
            float sum = 0;
            for (int f = 0; f < n; f++) {
                int freq = e.getValue()[f];
                if (freq == 0) {
                    continue;
                }
                float s = Fields.WEIGHTS[f] * freq / (freq + K1 * (1 - B + B * length[f] / USUAL_LENGTH[f]));
                best = Math.max(best, s);
                sum += s;
            }
            float weight = best + TIE * (sum - best);
            out.put(e.getKey(), Math.max(1, Math.round(weight * SCALE)));
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The words of one item, each once, with its weight as the term's frequency. */
    private static final class Weights extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute freq = addAttribute(TermFrequencyAttribute.class);
        private final Map<String, Integer> weights;
        private Iterator<Map.Entry<String, Integer>> next;

        Weights(Map<String, Integer> weights) {
            this.weights = weights;
        }

        @Override
        public void reset() {
            next = weights.entrySet().iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null || !next.hasNext()) {
                return false;
            }
            clearAttributes();
            Map.Entry<String, Integer> e = next.next();
            term.setEmpty().append(e.getKey());
            freq.setTermFrequency(e.getValue());
            return true;
        }
    }

    /** A word's score: its weight in the item times how rare it is among items (BM25's idf); no length norm. */
    private static final class Weighed extends Similarity {

        @Override
        public long computeNorm(FieldInvertState state) {
            return 1;
        }

        @Override
        public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
            double idf = 0;
            for (TermStatistics t : terms) {
                idf += Math.log(1 + (collection.docCount() - t.docFreq() + 0.5D) / (t.docFreq() + 0.5D));
            }
            float factor = (float) (boost * idf / SCALE);
            return new SimScorer() {
                @Override
                public float score(float freq, long norm) {
                    return factor * freq;
                }
            };
        }
    }
}
