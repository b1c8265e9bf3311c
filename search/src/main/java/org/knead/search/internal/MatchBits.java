package org.knead.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of one segment a query matches, as a bit set, for counting the total and the facets.
 * A term's documents are OR-ed into the set straight from its postings, and a boolean query's clauses
 * are combined as sets (union of the optional clauses, intersection with the required ones, minus the
 * excluded ones, with Lucene's semantics: optional clauses only restrict when nothing is required),
 * instead of a per-document disjunction with a collector call per hit. Any other query (phrases,
 * prefixes) is run as Lucene runs it and its matches OR-ed in. Deleted documents are left out.
 */
final class MatchBits {

    private MatchBits() {
    }

    /** The live documents of {@code leaf} that {@code query} matches. */
    static FixedBitSet of(IndexSearcher searcher, LeafReaderContext leaf, Query query) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, leaf.reader().maxDoc()));
        orInto(bits, searcher, leaf, query);
        Bits live = leaf.reader().getLiveDocs();
        if (live != null) {
            BitSetIterator matched = new BitSetIterator(bits, 0);
            for (int doc = matched.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matched.nextDoc()) {
                if (!live.get(doc)) {
                    bits.clear(doc);
                }
            }
        }
        return bits;
    }

    /** Counts the live documents {@code query} matches, segment by segment, into {@code counter}. */
    static void count(IndexSearcher searcher, Query query, FacetCounter counter) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            counter.collectAll(leaf, of(searcher, leaf, query));
        }
    }

    private static void orInto(FixedBitSet bits, IndexSearcher searcher, LeafReaderContext leaf, Query query)
            throws IOException {
        Query q = unwrap(query);
        if (q instanceof MatchNoDocsQuery) {
            return;
        }
        if (q instanceof TermQuery tq) {
            TermLookups.of(searcher.getIndexReader()).orDocs(tq.getTerm(), leaf, bits);
            return;
        }
        if (q instanceof DisjunctionMaxQuery dmq) {
            for (Query d : dmq.getDisjuncts()) {
                orInto(bits, searcher, leaf, d);
            }
            return;
        }
        if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0) {
            orBoolean(bits, searcher, leaf, bq);
            return;
        }
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = w.scorer(leaf);
        if (scorer != null) {
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            bits.or(twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase));
        }
    }

    private static void orBoolean(FixedBitSet bits, IndexSearcher searcher, LeafReaderContext leaf, BooleanQuery bq)
            throws IOException {
        List<Query> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(c.getQuery());
                case SHOULD -> optional.add(c.getQuery());
                case MUST_NOT -> excluded.add(c.getQuery());
            }
        }
        if (required.isEmpty() && optional.isEmpty()) {
            return; // only exclusions: Lucene matches nothing
        }
        if (required.isEmpty() && excluded.isEmpty()) {
            for (Query q : optional) {
                orInto(bits, searcher, leaf, q);
            }
            return;
        }
        FixedBitSet matched = new FixedBitSet(bits.length());
        if (required.isEmpty()) {
            for (Query q : optional) {
                orInto(matched, searcher, leaf, q);
            }
        } else {
            orInto(matched, searcher, leaf, required.get(0));
            for (Query q : required.subList(1, required.size())) {
                if (matched.cardinality() == 0) {
                    return;
                }
                FixedBitSet also = new FixedBitSet(bits.length());
                orInto(also, searcher, leaf, q);
                matched.and(also);
            }
        }
        for (Query q : excluded) {
            FixedBitSet out = new FixedBitSet(bits.length());
            orInto(out, searcher, leaf, q);
            matched.andNot(out);
        }
        bits.or(matched);
    }

    private static Query unwrap(Query q) {
        while (true) {
            if (q instanceof ConstantScoreQuery c) {
                q = c.getQuery();
            } else if (q instanceof BoostQuery b) {
                q = b.getQuery();
            } else {
                return q;
            }
        }
    }
}
