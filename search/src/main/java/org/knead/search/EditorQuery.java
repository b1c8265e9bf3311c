package org.knead.search;

import org.knead.content.ContentType;

/**
 * A search of the editors' index; null (or blank) parts match everything.
 *
 * @param text    words as typed (lay words and typos are understood as in public search), or a slug
 * @param overdue only items whose clinical review was due before the time of the search
 */
public record EditorQuery(String text, ContentType type, String state, String author, boolean overdue) {

    public static EditorQuery all() {
        return new EditorQuery(null, null, null, null, false);
    }
}
