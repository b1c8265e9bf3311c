package org.knead.api.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.knead.search.SuggestResponse;

/** Completions of a prefix, for a search box. */
@Schema(name = "Suggestions")
public record SuggestAnswer(List<Suggestion> suggestions,
        @Schema(description = "the typed text with its last word completed to words the content uses, commonest first",
                example = "[\"shoulders\", \"shoulder\"]") List<String> completions) {

    @Schema(name = "Suggestion")
    public record Suggestion(@Schema(example = "Trigger Point Massage") String text,
            @Schema(example = "technique") String type, @Schema(example = "trigger-point-massage") String slug) {
    }

    static SuggestAnswer of(SuggestResponse r) {
        return new SuggestAnswer(r.suggestions() == null ? List.of() : r.suggestions().stream()
                .map(s -> new Suggestion(s.text(), s.type(), s.slug())).toList(),
                r.completions() == null ? List.of() : r.completions());
    }
}
