package org.knead.search.internal;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

/**
 * The titles and aliases of symptoms alone, for finding the symptoms a query describes (relief
 * ranking) without walking the titles of every other item. The symptom-only fields hold the same text,
 * analyzed alike, as the title and aliases of the same documents; a searcher of this class scores them
 * with the statistics of the whole title and aliases fields, so every symptom scores exactly what a
 * search of the titles and aliases restricted to symptoms gives.
 */
final class SymptomNames {

    /** Each symptom-only field, and the field whose statistics it scores with. */
    static final Map<String, String> SHARED = Map.of(Fields.SYMPTOM_TITLE, Fields.TITLE,
            Fields.SYMPTOM_ALIASES, Fields.ALIASES, Fields.SYMPTOM_SHORT, Fields.SHORT);

    private SymptomNames() {
    }

    /** The symptom-only field that holds a symptom's {@code field} (title or aliases). */
    static String of(String field) {
        if (field.equals(Fields.TITLE)) {
            return Fields.SYMPTOM_TITLE;
        }
        if (field.equals(Fields.ALIASES)) {
            return Fields.SYMPTOM_ALIASES;
        }
        throw new IllegalArgumentException("Symptoms keep no field of their own for " + field);
    }

    /** A searcher of {@code searcher}'s index that scores the symptom-only fields as the fields they copy. */
    static IndexSearcher searcher(IndexSearcher searcher) {
        IndexSearcher s = new Shared(searcher.getIndexReader());
        s.setSimilarity(searcher.getSimilarity());
        s.setQueryCache(null); // one query's few look-ups: nothing worth caching
        return s;
    }

    private static final class Shared extends IndexSearcher {

        Shared(IndexReader reader) {
            super(reader);
        }

        @Override
        public CollectionStatistics collectionStatistics(String field) throws IOException {
            return super.collectionStatistics(SHARED.getOrDefault(field, field));
        }

        @Override
        public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
            String shared = SHARED.get(term.field());
            if (shared == null) {
                return super.termStatistics(term, docFreq, totalTermFreq);
            }
            Term whole = new Term(shared, term.bytes());
            TermStates states = TermLookups.of(getIndexReader()).states(whole);
            // every symptom's title is a title: the whole field has the word at least as often
            return states.docFreq() > 0 ? super.termStatistics(whole, states.docFreq(), states.totalTermFreq())
                    : super.termStatistics(term, docFreq, totalTermFreq);
        }
    }
}
