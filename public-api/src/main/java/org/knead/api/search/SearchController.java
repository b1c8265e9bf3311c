package org.knead.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.stream.Collectors;
import org.knead.api.web.AnswerCache;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.CachePolicy;
import org.knead.api.web.JsonAnswer;
import org.knead.api.web.Params;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.search.SearchRequest;
import org.knead.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over published content, with red flags, and prefix suggestions. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Search", description = "Search by what you feel; red flags always included")
class SearchController {

    /** Deeper than this, paging is refused: nobody reads result 10,001, and it costs the index. */
    static final int MAX_DEPTH = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchController.class);

    private final SearchService search;
    private final AnswerCache cache;
    private final CachePolicy cachePolicy;

    SearchController(SearchService search, AnswerCache cache, CachePolicy cachePolicy) {
        this.search = search;
        this.cache = cache;
        this.cachePolicy = cachePolicy;
    }

    @Operation(summary = "Search published content; red flags for the symptoms the query describes are always complete")
    @ApiResponse(responseCode = "200", description = "hits, facets and red flags",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SearchAnswer.class)))
    @GetMapping("/search")
    ResponseEntity<byte[]> search(
            @Parameter(description = "what you are looking for, 1 to 200 characters", required = true)
            @RequestParam(required = false) String q,
            @Parameter(description = "comma-separated: technique, symptom, cause, self-care, warning, article")
            @RequestParam(required = false) String type,
            @Parameter(description = "neck, shoulders, upper-back or lower-back") @RequestParam(required = false) String bodyArea,
            @Parameter(description = "gentle, moderate, firm or intense") @RequestParam(required = false) String pressure,
            @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
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
        JsonAnswer answer = cache.get(AnswerCache.Kind.SEARCH, key, () -> {
            try {
                return SearchAnswer.of(search.search(new SearchRequest(query, types, area, p, page, size)));
            } catch (IllegalArgumentException e) {
                LOG.warn("The index refused the query {}: {}", abbreviate(query), e.toString());
                throw ApiProblem.badParameter("q", "The query could not be understood; try plain words.");
            }
        }).orElseThrow();
        return cachePolicy.ok(answer);
    }

    @Operation(summary = "Completions of a prefix, for a search box")
    @ApiResponse(responseCode = "200", description = "suggestions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SuggestAnswer.class)))
    @GetMapping("/suggest")
    ResponseEntity<byte[]> suggest(
            @Parameter(description = "the beginning of a word or title, 1 to 100 characters", required = true)
            @RequestParam(required = false) String q,
            @Parameter(description = "how many suggestions, 1 to 20") @RequestParam(defaultValue = "10") int limit) {
        String prefix = typed(q, Params.text("q", q, Params.MAX_PREFIX));
        if (limit < 1 || limit > 20) {
            throw ApiProblem.badParameter("limit", "limit must be between 1 and 20, not " + limit + ".");
        }
        ready();
        JsonAnswer answer = cache.get(AnswerCache.Kind.SEARCH, "suggest|" + prefix + "|" + limit, () -> {
            try {
                return SuggestAnswer.of(search.suggest(prefix, limit));
            } catch (IllegalArgumentException e) {
                LOG.warn("The index refused the prefix {}: {}", abbreviate(prefix), e.toString());
                throw ApiProblem.badParameter("q", "The prefix could not be understood; try plain words.");
            }
        }).orElseThrow();
        return cachePolicy.ok(answer);
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
