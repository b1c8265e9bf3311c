package org.knead.api.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knead.api.web.CachePolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over published content, with red flags, and prefix suggestions. A well-formed search is
 * usually answered by {@link SearchFastPath} before it reaches here, with the same answer.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Search", description = "Search by what you feel; red flags always included")
class SearchController {

    private final SearchAnswers answers;
    private final CachePolicy cachePolicy;

    SearchController(SearchAnswers answers, CachePolicy cachePolicy) {
        this.answers = answers;
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
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = SearchAnswers.DEFAULT_SIZE) int size) {
        return cachePolicy.ok(answers.search(q, type, bodyArea, pressure, page, size));
    }

    @Operation(summary = "Completions of a prefix, for a search box")
    @ApiResponse(responseCode = "200", description = "suggestions",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SuggestAnswer.class)))
    @GetMapping("/suggest")
    ResponseEntity<byte[]> suggest(
            @Parameter(description = "the beginning of a word or title, 1 to 100 characters", required = true)
            @RequestParam(required = false) String q,
            @Parameter(description = "how many suggestions, 1 to 20") @RequestParam(defaultValue = "10") int limit) {
        return cachePolicy.ok(answers.suggest(q, limit));
    }
}
