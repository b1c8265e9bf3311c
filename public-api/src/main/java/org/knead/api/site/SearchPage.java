package org.knead.api.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.search.SearchResponse;

/**
 * What the search page shows: the red flags first (most severe first), the hits as links, "did you
 * mean" as a link, facets as filter links, and paging. Empty ({@link #blank()}) before a search.
 */
record SearchPage(String q, boolean searched, long total, List<Flag> redFlags, List<Result> results,
        String didYouMean, String didYouMeanUrl, List<Facet> typeFacets, List<Facet> areaFacets, int page, int pages,
        String previousUrl, String nextUrl, String message) {

    /** A red flag: the warning it links to, how severe it is and the one thing to do now. */
    record Flag(String url, String title, String severity, String severityLabel, String action, String advice) {
    }

    /** A hit, linking to its page, with why it is there when it relieves what the query describes. */
    record Result(String url, String typeLabel, String title, Snippet snippet, String why) {
    }

    /** A filter link with its count; following a selected one removes the filter. */
    record Facet(String label, long count, String url, boolean selected) {
    }

    static SearchPage blank() {
        return new SearchPage("", false, 0, List.of(), List.of(), null, null, List.of(), List.of(), 0, 0, null, null, null);
    }

    static SearchPage of(SearchResponse r, SearchLinks links, int page, int size) {
        List<Flag> flags = r.redFlags().stream()
                .sorted(Comparator.comparingInt(f -> Labels.severityRank(f.severity())))
                .map(f -> new Flag(SitePaths.item(ContentType.WARNING, f.slug()), f.title(), f.severity(),
                        Labels.severity(f.severity()), f.action(), f.advice()))
                .toList();
        List<Result> results = r.items().stream()
                .map(h -> new Result(SitePaths.item(h.type(), h.slug()), Labels.type(h.type()), h.title(),
                        Snippet.of(h.snippet()), h.why()))
                .toList();
        int pages = (int) Math.min(Integer.MAX_VALUE, (r.total() + size - 1) / size);
        String didYouMean = r.didYouMean() == null || r.didYouMean().isBlank() ? null : r.didYouMean();
        return new SearchPage(links.q(), true, r.total(), flags, results, didYouMean,
                didYouMean == null ? null : links.withQuery(didYouMean),
                typeFacets(r.facets().get("type"), links), areaFacets(r.facets().get("bodyArea"), links),
                page, pages, page > 0 ? links.page(page - 1) : null, page + 1 < pages ? links.page(page + 1) : null,
                r.message());
    }

    private static List<Facet> typeFacets(Map<String, Long> counts, SearchLinks links) {
        List<Facet> facets = new ArrayList<>();
        for (ContentType t : ContentType.values()) {
            Long n = counts == null ? null : counts.get(t.key());
            boolean selected = t.key().equals(links.type());
            if (n != null && n > 0 || selected) {
                facets.add(new Facet(Labels.collection(t), n == null ? 0 : n,
                        links.withType(selected ? null : t.key()), selected));
            }
        }
        return facets;
    }

    private static List<Facet> areaFacets(Map<String, Long> counts, SearchLinks links) {
        List<Facet> facets = new ArrayList<>();
        for (BodyArea a : BodyArea.values()) {
            Long n = counts == null ? null : counts.get(a.key());
            boolean selected = a.key().equals(links.bodyArea());
            if (n != null && n > 0 || selected) {
                String label = Character.toUpperCase(a.key().charAt(0)) + Labels.words(a.key()).substring(1);
                facets.add(new Facet(label, n == null ? 0 : n, links.withBodyArea(selected ? null : a.key()), selected));
            }
        }
        return facets;
    }
}
