package org.knead.search.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Spelling suggestions for one query, from Lucene's {@link DirectSpellChecker}, with the Levenshtein
 * automata of a word built once and shared: the same unknown word is looked up as a typo, as a joined
 * word and for "did you mean", in several fields, and building its automata is most of the cost of each
 * look-up; and no automata are built for edits too many for the accuracy asked, nor for a first pass at
 * one edit. A word's automata depend on the word alone (not on the index), so the most recently used
 * ones are also kept across queries: people misspell the same words ("sciatia", "masage") again and
 * again. Suggestions are the same as a plain {@link DirectSpellChecker} with the same settings gives.
 * Not thread-safe: one per query (the kept automata are shared, read-only, between threads).
 */
final class Spelling {

    /** How many words' automata are kept across queries (a two-edit set is some tens of kilobytes). */
    static final int KEPT_AUTOMATA = 512;

    /**
     * The Levenshtein automata of recently looked-up words ("word\0edits\0prefix"), as Lucene's own
     * attribute holding them, built once: later enumerations only read them.
     */
    private static final Cache<String, AttributeImpl> KEPT = Caffeine.newBuilder().maximumSize(KEPT_AUTOMATA).build();

    /** The settings of one kind of look-up. */
    record Settings(int minQueryLength, int maxEdits, float accuracy) {
    }

    /** The automata of a word for an edit distance ("word\0edits"), shared by the look-ups of this query. */
    private final Map<String, AttributeSource> automata = new HashMap<>();

    /** As {@link DirectSpellChecker#suggestSimilar(Term, int, IndexReader, SuggestMode)} with {@code settings}. */
    SuggestWord[] suggest(Settings settings, Term term, int count, IndexReader reader, SuggestMode mode)
            throws IOException {
        return new Checker(settings, maxEdits(settings, term.text())).suggestSimilar(term, count, reader, mode);
    }

    /**
     * The edits worth enumerating for {@code word}: a candidate {@code e} edits away scores at most
     * {@code 1 - e / length} (Lucene's similarity), so when that is below the accuracy, the checker would
     * build the automata for {@code e} edits only to drop every candidate they find.
     */
    static int maxEdits(Settings settings, String word) {
        int length = word.codePointCount(0, word.length());
        int edits = settings.maxEdits();
        while (edits > 1 && 1.0f - (float) edits / (float) length < settings.accuracy()) {
            edits--;
        }
        return edits;
    }

    private final class Checker extends DirectSpellChecker {

        Checker(Settings settings, int maxEdits) {
            setMinQueryLength(settings.minQueryLength());
            setMaxEdits(maxEdits);
            setAccuracy(settings.accuracy());
        }

        /** Lucene's candidate collection, with the term's automata taken from this query's shared ones. */
        @Override
        protected Collection<ScoreTerm> suggestSimilar(Term term, int numSug, IndexReader ir, int docfreq,
                int editDistance, float accuracy, CharsRefBuilder spare) throws IOException {
            Terms terms = MultiTerms.getTerms(ir, term.field());
            if (editDistance < getMaxEdits()) {
                // Lucene tries one edit first and, unless that fills its candidates, all edits next; the pass
                // with all edits alone finds the same (a candidate one edit away always outranks one two edits
                // away), so the one-edit pass is skipped and its automata are never built
                return Collections.emptyList();
            }
            if (terms == null) {
                return Collections.emptyList();
            }
            FuzzyTermsEnum e = fuzzy(terms, term, editDistance, Math.max(getMinPrefix(), editDistance - 1));
            PriorityQueue<ScoreTerm> queue = new PriorityQueue<>();
            BytesRef queryTerm = new BytesRef(term.text());
            BytesRef candidate;
            ScoreTerm st = new ScoreTerm();
            while ((candidate = e.next()) != null) {
                float score = e.getBoost();
                if ((queue.size() >= numSug && score <= queue.peek().boost) || queryTerm.bytesEquals(candidate)) {
                    continue;
                }
                int df = e.docFreq();
                if (df <= docfreq || score < accuracy) {
                    continue;
                }
                st.term = BytesRef.deepCopyOf(candidate);
                st.boost = score;
                st.docfreq = df;
                st.score = score;
                queue.offer(st);
                st = queue.size() > numSug ? queue.poll() : new ScoreTerm();
                e.setMaxNonCompetitiveBoost(queue.size() >= numSug ? queue.peek().boost : Float.NEGATIVE_INFINITY);
            }
            return queue;
        }
    }

    private FuzzyTermsEnum fuzzy(Terms terms, Term term, int edits, int prefix) throws IOException {
        String key = term.text() + '\0' + edits + '\0' + prefix;
        AttributeSource atts = automata.computeIfAbsent(key, k -> withKeptAutomata(k, term.text(), edits, prefix));
        // what an earlier enumeration left in the shared attributes must not narrow this one
        MaxNonCompetitiveBoostAttribute bottom = atts.addAttribute(MaxNonCompetitiveBoostAttribute.class);
        bottom.setMaxNonCompetitiveBoost(Float.NEGATIVE_INFINITY);
        bottom.setCompetitiveTerm(null);
        return new SharedAutomata(term, edits, prefix).termsEnum(terms, atts);
    }

    /** Whether the automata of {@code word} for {@code edits} edits are kept (for tests). */
    static boolean keeps(String word, int edits, int prefix) {
        return KEPT.getIfPresent(word + '\0' + edits + '\0' + prefix) != null;
    }

    /**
     * A new attribute source for this query's enumerations of {@code word}, holding the word's kept
     * automata (built now, once, if no query kept them yet). Each query has its own source: the
     * enumeration's other attributes (the competitive bottom) change while it runs.
     */
    private static AttributeSource withKeptAutomata(String key, String word, int edits, int prefix) {
        AttributeImpl automata = KEPT.get(key, k -> buildAutomata(word, edits, prefix));
        AttributeSource atts = new AttributeSource();
        if (automata != null) {
            atts.addAttributeImpl(automata);
        }
        return atts;
    }

    /** The attribute in which Lucene's fuzzy enumeration keeps the automata of {@code word}, built. */
    private static AttributeImpl buildAutomata(String word, int edits, int prefix) {
        AttributeSource atts = new AttributeSource();
        try {
            // an enumeration builds the automata into the source's attribute; no terms are needed for that
            new SharedAutomata(new Term(Fields.SPELL, word), edits, prefix).termsEnum(NO_TERMS, atts);
        } catch (IOException e) {
            return null; // then each query builds its own, as Lucene does
        }
        Iterator<AttributeImpl> impls = atts.getAttributeImplsIterator();
        while (impls.hasNext()) {
            AttributeImpl impl = impls.next();
            if (impl.getClass().getSimpleName().equals("AutomatonAttributeImpl")) {
                return impl;
            }
        }
        return null;
    }

    /** A field without terms: enough to build a fuzzy enumeration's automata. */
    private static final Terms NO_TERMS = new Terms() {
        @Override
        public TermsEnum iterator() {
            return TermsEnum.EMPTY;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public long getSumTotalTermFreq() {
            return 0;
        }

        @Override
        public long getSumDocFreq() {
            return 0;
        }

        @Override
        public int getDocCount() {
            return 0;
        }

        @Override
        public boolean hasFreqs() {
            return false;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    };

    /** A fuzzy query only to reach the enumeration that takes the attributes holding the automata. */
    private static final class SharedAutomata extends FuzzyQuery {

        SharedAutomata(Term term, int edits, int prefix) {
            super(term, edits, prefix, FuzzyQuery.defaultMaxExpansions, true);
        }

        FuzzyTermsEnum termsEnum(Terms terms, AttributeSource atts) throws IOException {
            return (FuzzyTermsEnum) getTermsEnum(terms, atts);
        }
    }
}
