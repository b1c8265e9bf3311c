package org.knead.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * The term look-ups of one index state (where each segment keeps a term's postings, and its document
 * frequency), kept across queries: people search for the same words again and again, and every query
 * looks its words up in five fields, for spelling, relief and counting, each a seek in every segment.
 * Kept per reader (an index state never changes), at most {@link #MAX} terms, dropped when the reader
 * closes. Answers are the same as without: a kept look-up is the one Lucene would make.
 */
public final class TermLookups {

    /** Terms kept per index state; past this the kept ones are dropped and kept again as they come. */
    static final int MAX = 20_000;
    /** A term in at least one document in this many of a segment has its documents kept as bits... */
    static final int DENSE = 64;
    /** ...at most this many bytes of them per index state (4,000 terms' bits at 100,000 documents). */
    static final long MAX_DOCS_BYTES = 50L << 20;

    private static final Map<IndexReader.CacheKey, TermLookups> BY_READER = new ConcurrentHashMap<>();

    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;
    private final Map<Term, TermStates> states = new ConcurrentHashMap<>();
    private final Map<SegmentTerm, FixedBitSet> docs = new ConcurrentHashMap<>();
    private final AtomicLong docsBytes = new AtomicLong();

    private TermLookups(IndexReader reader) {
        this.searcher = new IndexSearcher(reader);
        this.leaves = reader.leaves();
    }

    /** The look-ups of {@code reader}'s index state. */
    public static TermLookups of(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return new TermLookups(reader); // a reader that cannot say when it closes: kept for one query
        }
        TermLookups kept = BY_READER.get(helper.getKey());
        if (kept != null) {
            return kept;
        }
        TermLookups made = new TermLookups(reader);
        TermLookups raced = BY_READER.putIfAbsent(helper.getKey(), made);
        if (raced != null) {
            return raced;
        }
        helper.addClosedListener(BY_READER::remove);
        return made;
    }

    /** Index states whose look-ups are kept (for tests). */
    static int keptStates() {
        return BY_READER.size();
    }

    /** Where {@code term}'s postings are in each segment, with its statistics. */
    public TermStates states(Term term) throws IOException {
        TermStates kept = states.get(term);
        if (kept != null) {
            return kept;
        }
        TermStates built = TermStates.build(searcher, term, true);
        for (LeafReaderContext leaf : leaves) {
            built.get(leaf); // every segment looked up now, so that readers never fill it in concurrently
        }
        if (states.size() >= MAX) {
            states.clear();
        }
        states.put(term, built);
        return built;
    }

    /**
     * ORs the documents of {@code leaf} that have {@code term} into {@code bits}. A term in at least one
     * document in {@link #DENSE} of a segment is read from its postings once and kept as bits (at most
     * {@link #MAX_DOCS_BYTES} for all terms of an index state): a common word's postings are then not decoded
     * again by every query that counts its hits.
     */
    void orDocs(Term term, LeafReaderContext leaf, FixedBitSet bits) throws IOException {
        TermState state = states(term).get(leaf);
        if (state == null) {
            return;
        }
        boolean dense = state instanceof org.apache.lucene.codecs.BlockTermState b
                && (long) b.docFreq * DENSE >= leaf.reader().maxDoc();
        SegmentTerm key = new SegmentTerm(term, leaf.ord);
        FixedBitSet kept = dense ? docs.get(key) : null;
        if (kept != null) {
            bits.or(kept);
            return;
        }
        TermsEnum te = leaf.reader().terms(term.field()).iterator();
        te.seekExact(term.bytes(), state);
        if (!dense) {
            bits.or(te.postings(null, PostingsEnum.NONE));
            return;
        }
        FixedBitSet own = new FixedBitSet(bits.length());
        own.or(te.postings(null, PostingsEnum.NONE));
        bits.or(own);
        if (docsBytes.addAndGet(own.ramBytesUsed()) > MAX_DOCS_BYTES) {
            docs.clear();
            docsBytes.set(own.ramBytesUsed());
        }
        docs.put(key, own);
    }

    private record SegmentTerm(Term term, int segment) {
    }

    /** The number of documents with {@code term}. */
    public int docFreq(Term term) throws IOException {
        return states(term).docFreq();
    }

    /**
     * {@code query} with each term query given its kept look-up, and without the parts that can match
     * nothing because a word of theirs is in no document (an optional clause, a disjunct, an exclusion).
     * It ranks and matches exactly as {@code query}: a part that matches nothing adds nothing to a score.
     * Lucene would still build weights for those parts (a phrase looks its words up again), at every search.
     */
    public Query withStates(Query query) throws IOException {
        Query kept = kept(query);
        return kept == null ? new MatchNoDocsQuery("none of its words is in the index") : kept;
    }

    /** As {@link #withStates}, or null when {@code query} can match nothing. */
    private Query kept(Query query) throws IOException {
        if (query instanceof TermQuery tq) {
            TermStates s = states(tq.getTerm());
            return s.docFreq() == 0 ? null : new TermQuery(tq.getTerm(), s);
        }
        if (query instanceof PhraseQuery pq) {
            for (Term t : pq.getTerms()) {
                if (docFreq(t) == 0) {
                    return null;
                }
            }
            return pq;
        }
        if (query instanceof MatchNoDocsQuery) {
            return null;
        }
        if (query instanceof BoostQuery bq) {
            Query inner = kept(bq.getQuery());
            return inner == null ? null : new BoostQuery(inner, bq.getBoost());
        }
        if (query instanceof ConstantScoreQuery cq) {
            Query inner = kept(cq.getQuery());
            return inner == null ? null : new ConstantScoreQuery(inner);
        }
        if (query instanceof DisjunctionMaxQuery dq) {
            List<Query> disjuncts = new java.util.ArrayList<>(dq.getDisjuncts().size());
            for (Query d : dq.getDisjuncts()) {
                Query inner = kept(d);
                if (inner != null) {
                    disjuncts.add(inner);
                }
            }
            return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, dq.getTieBreakerMultiplier());
        }
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            int optional = 0;
            int required = 0;
            for (BooleanClause c : bq.clauses()) {
                Query inner = kept(c.getQuery());
                if (inner == null) {
                    if (c.isRequired()) {
                        return null; // a required part that matches nothing: the whole matches nothing
                    }
                    continue; // an optional part or an exclusion that matches nothing changes nothing
                }
                b.add(inner, c.getOccur());
                optional += c.getOccur() == BooleanClause.Occur.SHOULD ? 1 : 0;
                required += c.isRequired() ? 1 : 0;
            }
            if (optional < bq.getMinimumNumberShouldMatch() || required == 0 && optional == 0) {
                return null; // too few optional parts left, or only exclusions (which alone match nothing)
            }
            return b.build();
        }
        return query;
    }
}
