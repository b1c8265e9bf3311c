package org.knead.admin.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemFilter;

/**
 * Titles of items, so that a person reads "Numbness or weakness in an arm or leg" where the content
 * stores {@code numbness-or-weakness}. Read once (one list of every item) when first asked.
 */
public final class ItemTitles {

    private static final int MAX_ITEMS = 5000;

    private final ContentService contents;
    private Map<String, String> byId;

    public ItemTitles(ContentService contents) {
        this.contents = contents;
    }

    /** The title of the item with this id ({@code type:slug}); the id itself when there is none. */
    public String title(String id) {
        if (byId == null) {
            byId = new HashMap<>();
            List<Item> items = contents.list(ItemFilter.all(), 0, MAX_ITEMS);
            items.forEach(i -> byId.put(i.id(), i.title() == null || i.title().isBlank() ? i.slug() : i.title()));
        }
        return byId.getOrDefault(id, id);
    }

    public String title(ContentType type, String slug) {
        return title(new ContentRef(type, slug).id());
    }

    /** "Title (slug)" for a linked item, so that two items with the same title stay apart. */
    public String label(ContentType type, String slug) {
        String t = title(type, slug);
        return t.equals(new ContentRef(type, slug).id()) ? slug : t + " (" + slug + ")";
    }

    /** The type of the items a content field links to, or null when the field holds no links. */
    public static ContentType linkedType(String field) {
        return switch (field) {
            case "cautions" -> ContentType.WARNING;
            case "relievesSymptoms", "leadsToSymptoms", "triggerSymptoms" -> ContentType.SYMPTOM;
            default -> null;
        };
    }
}
