package org.knead.api.content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knead.api.web.CachePolicy;
import org.knead.content.ContentType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published content, one list and one item endpoint per type. Answers are sent as the cached
 * JSON of {@link ContentPage} and {@link ContentDetail} (see {@link CachePolicy}).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Content", description = "Published techniques, symptoms, causes, self-care tips, warnings and articles")
class ContentController {

    private final ContentReader reader;
    private final CachePolicy cachePolicy;

    ContentController(ContentReader reader, CachePolicy cachePolicy) {
        this.reader = reader;
        this.cachePolicy = cachePolicy;
    }

    @Operation(summary = "A page of technique summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/techniques")
    ResponseEntity<byte[]> techniques(
            @Parameter(description = "neck, shoulders, upper-back or lower-back") @RequestParam(required = false) String bodyArea,
            @Parameter(description = "gentle, moderate, firm or intense") @RequestParam(required = false) String pressure,
            @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.TECHNIQUE, bodyArea, pressure, page, size));
    }

    @Operation(summary = "One technique")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/techniques/{slug}")
    ResponseEntity<byte[]> technique(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.TECHNIQUE, slug));
    }

    @Operation(summary = "A page of symptom summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/symptoms")
    ResponseEntity<byte[]> symptoms(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.SYMPTOM, bodyArea, null, page, size));
    }

    @Operation(summary = "One symptom, with the techniques, self-care tips, causes and warnings linked to it")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/symptoms/{slug}")
    ResponseEntity<byte[]> symptom(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.SYMPTOM, slug));
    }

    @Operation(summary = "A page of cause summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/causes")
    ResponseEntity<byte[]> causes(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.CAUSE, bodyArea, null, page, size));
    }

    @Operation(summary = "One cause")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/causes/{slug}")
    ResponseEntity<byte[]> cause(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.CAUSE, slug));
    }

    @Operation(summary = "A page of self-care tip summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/self-care")
    ResponseEntity<byte[]> selfCareTips(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.SELF_CARE, bodyArea, null, page, size));
    }

    @Operation(summary = "One self-care tip")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/self-care/{slug}")
    ResponseEntity<byte[]> selfCareTip(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.SELF_CARE, slug));
    }

    @Operation(summary = "A page of medical warning summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/warnings")
    ResponseEntity<byte[]> warnings(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.WARNING, bodyArea, null, page, size));
    }

    @Operation(summary = "One medical warning, with its clinical review")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/warnings/{slug}")
    ResponseEntity<byte[]> warning(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.WARNING, slug));
    }

    @Operation(summary = "A page of article summaries, by slug")
    @ApiResponse(responseCode = "200", description = "a page of summaries",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentPage.class)))
    @GetMapping("/articles")
    ResponseEntity<byte[]> articles(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.ARTICLE, bodyArea, null, page, size));
    }

    @Operation(summary = "One article, with the items it links to")
    @ApiResponse(responseCode = "200", description = "the published item",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ContentDetail.class)))
    @GetMapping("/articles/{slug}")
    ResponseEntity<byte[]> article(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.ARTICLE, slug));
    }
}
