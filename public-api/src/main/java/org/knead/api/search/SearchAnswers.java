package org.knead.api.search;

import java.util.Set;
import java.util.stream.Collectors;
import org.knead.api.web.AnswerCache;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.JsonAnswer;
import org.knead.api.web.Params;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.search.SearchRequest;
import org.knead.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The answer of {@code GET /api/v1/search} from its raw parameters, for {@link SearchController} and
 * {@link SearchFastPath} alike: checked (an {@link ApiProblem} for anything out of bounds, the index not
 * ready or a query it refused), searched and serialized once per index state in the {@link AnswerCache}.
 */
@Component
class SearchAnswers {

    /** Deeper than this, paging is refused: nobody reads result 10,001, and it costs the index. */
    static final int MAX_DEPTH = 10_000;
    /** The page size when none is asked for (a string, as Spring MVC's {@code defaultValue} needs it). */
    static final String DEFAULT_SIZE = "20";
    private static final Logger LOG = LoggerFactory.getLogger(SearchAnswers.class);

    private final SearchService search;
    private final AnswerCache cache;

    SearchAnswers(SearchService search, AnswerCache cache) {
        this.search = search;
        this.cache = cache;
    }

    JsonAnswer search(String q, String type, String bodyArea, String pressure, int page, int size) {
        String query = typed(q, Params.text("q", q, Params.MAX_QUERY));
        Set<ContentType> types = Params.types(type);
        BodyArea area = Params.bodyArea(bodyArea);
        Pressure p = Params.pressure(pressure);
        Params.page(page);
        Params.size(size);
        if ((long) (page + 1) * size > MAX_DEPTH) {
            throw ApiProblem.badParameter("page", "Results beyond the first " + MAX_DEPTH
                    + " cannot be paged to; refine the query instead.");
        }
        ready();
        String key = "search|" + query + "|" + types.stream().map(ContentType::key).sorted()
                .collect(Collectors.joining(",")) + "|" + area + "|" + p + "|" + page + "|" + size;
        return cache.get(AnswerCache.Kind.SEARCH, key, () -> {
            try {
                return SearchAnswer.of(search.search(new SearchRequest(query, types, area, p, page, size)));
            } catch (IllegalArgumentException e) {
                LOG.warn("The index refused the query {}: {}", abbreviate(query), e.toString());
                throw ApiProblem.badParameter("q", "The query could not be understood; try plain words.");
            }
        }).orElseThrow();
    }

    JsonAnswer suggest(String q, int limit) {
        String prefix = typed(q, Params.text("q", q, Params.MAX_PREFIX));
        if (limit < 1 || limit > 20) {
            throw ApiProblem.badParameter("limit", "limit must be between 1 and 20, not " + limit + ".");
        }
        ready();
        return cache.get(AnswerCache.Kind.SEARCH, "suggest|" + prefix + "|" + limit, () -> {
            try {
                return SuggestAnswer.of(search.suggest(prefix, limit));
            } catch (IllegalArgumentException e) {
                LOG.warn("The index refused the prefix {}: {}", abbreviate(prefix), e.toString());
                throw ApiProblem.badParameter("q", "The prefix could not be understood; try plain words.");
            }
        }).orElseThrow();
    }

    /**
     * The cleaned text, with one space kept at its end when the person typed one: a last word followed
     * by a space is finished, so it is no longer completed or matched as a prefix.
     */
    static String typed(String raw, String clean) {
        return Character.isWhitespace(raw.charAt(raw.length() - 1)) ? clean + " " : clean;
    }

    private void ready() {
        if (!search.isReady()) {
            throw ApiProblem.unavailable("The search index is still being built; try again in a few seconds.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
