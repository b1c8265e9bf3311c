package org.knead.search;

import java.util.List;

/**
 * Search-as-you-type suggestions, best first: {@code completions} are the typed text with its last
 * word completed to words the content uses ("shoul" -> "shoulders"); {@code suggestions} are items
 * whose titles or aliases start with the typed words.
 */
public record SuggestResponse(List<Suggestion> suggestions, List<String> completions) {

    public SuggestResponse {
        suggestions = List.copyOf(suggestions);
        completions = completions == null ? List.of() : List.copyOf(completions);
    }

    /** Item suggestions without word completions. */
    public SuggestResponse(List<Suggestion> suggestions) {
        this(suggestions, List.of());
    }
}
