package org.knead.search;

import java.util.List;

/** Search-as-you-type suggestions, best first. */
public record SuggestResponse(List<Suggestion> suggestions) {

    public SuggestResponse {
        suggestions = List.copyOf(suggestions);
    }
}
