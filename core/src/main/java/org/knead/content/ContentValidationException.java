package org.knead.content;

import java.util.List;

/** Content that cannot be saved as it is; {@link #problems()} says why, one sentence each. */
public class ContentValidationException extends RuntimeException {

    private final List<String> problems;

    public ContentValidationException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public ContentValidationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
