package org.knead.search;

import java.time.Instant;
import org.knead.content.Content;

/**
 * What the editors' search knows of one item: its latest revision's content (a draft or not) and where it
 * stands.
 *
 * @param state      the workflow state as people read it ("draft", "in review", "archived", ...)
 * @param reviewDue  when the next clinical review is due; null when none is
 * @param version    what changes whenever any of the above does (the caller's key for "re-read this item")
 */
public record EditorEntry(Content content, String state, String author, Instant lastChange, Instant reviewDue,
        String version) {

    public String id() {
        return content.ref().id();
    }
}
