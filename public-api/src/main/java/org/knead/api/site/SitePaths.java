package org.knead.api.site;

import java.util.Optional;
import org.knead.content.ContentType;

/** Where the site's pages live: {@code /techniques/{slug}} and the same for every type (API.md's paths). */
final class SitePaths {

    /** The collections, as a path pattern for request mappings. */
    static final String COLLECTIONS = "techniques|symptoms|causes|self-care|warnings|articles";

    private SitePaths() {
    }

    static String item(ContentType type, String slug) {
        return "/" + type.plural() + "/" + slug;
    }

    static String item(String typeKey, String slug) {
        return ContentType.fromKey(typeKey).map(t -> item(t, slug)).orElse("/");
    }

    static String collection(ContentType type) {
        return "/" + type.plural();
    }

    static Optional<ContentType> fromCollection(String plural) {
        for (ContentType t : ContentType.values()) {
            if (t.plural().equals(plural)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether a request path is one of the site's pages (not the JSON API, its docs, the actuator or an asset). */
    static boolean isPage(String path) {
        return path != null && !path.startsWith("/api/") && !path.startsWith("/v3/") && !path.startsWith("/actuator")
                && !path.startsWith("/swagger-ui") && !path.startsWith("/assets/");
    }
}
