package org.knead.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param query      the query as asked
 * @param total      how many items match (with the filters)
 * @param items      the requested page of hits, best first
 * @param facets     counts per "type", "bodyArea" and "pressure" (inner keys are the enums' key()),
 *                   over all hits, not only the page
 * @param didYouMean a corrected query when the query looks misspelled, else null
 * @param redFlags   the published medical warnings the query describes, whatever the page and filters
 * @param message    a note for the person when the query cannot be answered as asked (only excluded
 *                   words, say), else null
 */
public record SearchResponse(String query, long total, List<SearchHit> items, Map<String, Map<String, Long>> facets,
        String didYouMean, List<RedFlag> redFlags, String message) {

    public SearchResponse {
        items = List.copyOf(items);
        facets = Map.copyOf(facets);
        redFlags = List.copyOf(redFlags);
    }

    /** A response without a message. */
    public SearchResponse(String query, long total, List<SearchHit> items, Map<String, Map<String, Long>> facets,
            String didYouMean, List<RedFlag> redFlags) {
        this(query, total, items, facets, didYouMean, redFlags, null);
    }
}
