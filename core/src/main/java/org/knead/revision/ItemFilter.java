package org.knead.revision;

import org.knead.content.ContentType;

/**
 * A filter on the list of items for the console; null or blank fields match everything.
 *
 * @param text    matches title or slug, case-insensitively
 * @param overdue only medical items past their review date
 */
public record ItemFilter(ContentType type, RevisionState state, ItemStatus status, String text, boolean overdue) {

    public static ItemFilter all() {
        return new ItemFilter(null, null, null, null, false);
    }
}
