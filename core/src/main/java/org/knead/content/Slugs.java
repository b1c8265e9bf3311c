package org.knead.content;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs suggested from titles: lowercase words joined by hyphens, as {@link ContentValidator#SLUG} wants. */
public final class Slugs {

    private Slugs() {
    }

    /**
     * The slug a title suggests: accents dropped, letters and digits kept, everything else a single
     * hyphen, at most {@link ContentValidator#MAX_SLUG} characters, cut at a word. Empty when the title
     * has no letters or digits.
     */
    public static String suggest(String title) {
        if (title == null) {
            return "";
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > ContentValidator.MAX_SLUG) {
            slug = slug.substring(0, ContentValidator.MAX_SLUG);
            int cut = slug.lastIndexOf('-');
            slug = cut > 0 ? slug.substring(0, cut) : slug;
        }
        return slug;
    }
}
