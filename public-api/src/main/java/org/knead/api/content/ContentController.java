package org.knead.api.content;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.knead.api.web.CachePolicy;
import org.knead.content.ContentType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The published content, one list and one item endpoint per type. */
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
    @GetMapping("/techniques")
    ResponseEntity<ContentPage> techniques(
            @Parameter(description = "neck, shoulders, upper-back or lower-back") @RequestParam(required = false) String bodyArea,
            @Parameter(description = "gentle, moderate, firm or intense") @RequestParam(required = false) String pressure,
            @Parameter(description = "from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.TECHNIQUE, bodyArea, pressure, page, size));
    }

    @Operation(summary = "One technique")
    @GetMapping("/techniques/{slug}")
    ResponseEntity<ContentDetail> technique(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.TECHNIQUE, slug));
    }

    @Operation(summary = "A page of symptom summaries, by slug")
    @GetMapping("/symptoms")
    ResponseEntity<ContentPage> symptoms(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.SYMPTOM, bodyArea, null, page, size));
    }

    @Operation(summary = "One symptom, with the techniques, self-care tips, causes and warnings linked to it")
    @GetMapping("/symptoms/{slug}")
    ResponseEntity<ContentDetail> symptom(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.SYMPTOM, slug));
    }

    @Operation(summary = "A page of cause summaries, by slug")
    @GetMapping("/causes")
    ResponseEntity<ContentPage> causes(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.CAUSE, bodyArea, null, page, size));
    }

    @Operation(summary = "One cause")
    @GetMapping("/causes/{slug}")
    ResponseEntity<ContentDetail> cause(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.CAUSE, slug));
    }

    @Operation(summary = "A page of self-care tip summaries, by slug")
    @GetMapping("/self-care")
    ResponseEntity<ContentPage> selfCareTips(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.SELF_CARE, bodyArea, null, page, size));
    }

    @Operation(summary = "One self-care tip")
    @GetMapping("/self-care/{slug}")
    ResponseEntity<ContentDetail> selfCareTip(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.SELF_CARE, slug));
    }

    @Operation(summary = "A page of medical warning summaries, by slug")
    @GetMapping("/warnings")
    ResponseEntity<ContentPage> warnings(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.WARNING, bodyArea, null, page, size));
    }

    @Operation(summary = "One medical warning, with its clinical review")
    @GetMapping("/warnings/{slug}")
    ResponseEntity<ContentDetail> warning(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.WARNING, slug));
    }

    @Operation(summary = "A page of article summaries, by slug")
    @GetMapping("/articles")
    ResponseEntity<ContentPage> articles(@RequestParam(required = false) String bodyArea,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return cachePolicy.ok(reader.page(ContentType.ARTICLE, bodyArea, null, page, size));
    }

    @Operation(summary = "One article, with the items it links to")
    @GetMapping("/articles/{slug}")
    ResponseEntity<ContentDetail> article(@PathVariable String slug) {
        return cachePolicy.ok(reader.detail(ContentType.ARTICLE, slug));
    }
}
