package org.knead.search;

import java.util.Set;
import org.knead.content.BodyArea;
import org.knead.content.ContentType;
import org.knead.content.Pressure;

/**
 * A search: free text (any string, never parsed as query syntax), optional filters and a page.
 *
 * @param query    what the person typed; null is treated as empty
 * @param types    the content types to return; empty means all
 * @param bodyArea only items for this body area, or null
 * @param pressure only techniques of this pressure, or null
 * @param page     from 0
 * @param size     items per page
 */
public record SearchRequest(String query, Set<ContentType> types, BodyArea bodyArea, Pressure pressure, int page,
        int size) {

    public SearchRequest {
        query = query == null ? "" : query;
        types = types == null ? Set.of() : Set.copyOf(types);
        page = Math.max(0, page);
        size = Math.max(0, size);
    }

    /** The first page of 10 over all types, without filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Set.of(), null, null, 0, 10);
    }
}
