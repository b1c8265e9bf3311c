package org.knead.search.internal;

import java.io.IOException;
import java.util.EnumSet;
import org.apache.lucene.search.IndexSearcher;

/** The parts of a search that {@code ProfileMain} times on their own, which only this package can reach. */
public final class ProfileParts {

    private ProfileParts() {
    }

    /** The count of the total and every facet from bit sets, as a search counts them. */
    public static long countFromBits(IndexSearcher searcher, QueryEngine.Built built) throws IOException {
        FacetCounter counter = new FacetCounter(EnumSet.allOf(FacetCounter.Dimension.class));
        MatchBits.count(searcher, built.matching(), counter);
        return counter.count();
    }

    /** The ranking pass of a search: the top 10, skipping hits that cannot make them. */
    public static void rankSkipping(IndexSearcher searcher, QueryEngine.Built built) throws IOException {
        QueryEngine.rankSkipping(searcher, TermLookups.of(searcher.getIndexReader()).withStates(built.scoring()), 10);
    }
}
