package org.knead.revision;

import java.util.List;

/**
 * How one field differs between two revisions. For text fields, {@link #lines()} holds a line
 * diff with word-level changes marked; every text in it is HTML-escaped, and the only markup is
 * {@code <del>} and {@code <ins>}.
 */
public record FieldChange(String field, String before, String after, List<DiffLine> lines) {

    /** One row of a side-by-side diff. */
    public record DiffLine(Kind kind, String oldHtml, String newHtml) {
    }

    public enum Kind { EQUAL, INSERT, DELETE, CHANGE }
}
