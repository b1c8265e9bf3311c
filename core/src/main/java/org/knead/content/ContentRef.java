package org.knead.content;

import java.util.Objects;

/** A link to another item: its type and slug. */
public record ContentRef(ContentType type, String slug) {

    public ContentRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slug, "slug");
    }

    public static ContentRef of(ContentType type, String slug) {
        return new ContentRef(type, slug);
    }

    /** The item id: {@code type:slug}, for example {@code technique:swedish-massage}. */
    public String id() {
        return type.key() + ":" + slug;
    }

    public static ContentRef parseId(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not an item id (type:slug): " + id);
        }
        ContentType type = ContentType.fromKey(id.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException("Unknown content type in id: " + id));
        return new ContentRef(type, id.substring(colon + 1));
    }

    @Override
    public String toString() {
        return id();
    }
}
