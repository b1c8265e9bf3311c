package org.knead.api.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.knead.search.SearchResponse;

/**
 * The answer to a search: one page of hits, facet counts over all hits, a spelling suggestion, and
 * every red flag the query describes, whatever the page.
 */
@Schema(name = "SearchResult")
public record SearchAnswer(
        String query,
        long total,
        List<Hit> items,
        @Schema(example = "{\"type\": {\"technique\": 2}, \"bodyArea\": {\"shoulders\": 2}, \"pressure\": {\"firm\": 1}}")
        Map<String, Map<String, Long>> facets,
        @Schema(nullable = true, description = "a corrected query when the query looks misspelled") String didYouMean,
        @Schema(description = "published medical warnings whose trigger symptoms the query describes; always complete")
        List<RedFlag> redFlags,
        @Schema(nullable = true, description = "a note when the query cannot be answered as asked (only excluded words)")
        String message) {

    @Schema(name = "SearchHit")
    public record Hit(String type, String slug, String title,
            @Schema(description = "HTML-escaped text in which only <mark> tags are markup") String snippet,
            float score,
            @Schema(nullable = true, description = "why a technique or self-care tip is shown for the symptoms the query "
                    + "describes", example = "Relieves muscle stiffness, chronic pain") String why) {
    }

    @Schema(name = "RedFlag")
    public record RedFlag(String slug, String title,
            @Schema(allowableValues = {"emergency", "urgent", "see-a-doctor", "caution"}) String severity,
            @Schema(description = "the one thing to do now", example = "Call your local emergency number now.")
            String action,
            String advice) {
    }

    static SearchAnswer of(SearchResponse r) {
        return new SearchAnswer(r.query(), r.total(),
                r.items() == null ? List.of() : r.items().stream()
                        .map(h -> new Hit(h.type(), h.slug(), h.title(), h.snippet(), h.score(), h.why())).toList(),
                r.facets() == null ? Map.of() : r.facets(),
                r.didYouMean(),
                r.redFlags() == null ? List.of() : r.redFlags().stream()
                        .map(f -> new RedFlag(f.slug(), f.title(), f.severity(), f.action(), f.advice())).toList(),
                r.message());
    }
}
