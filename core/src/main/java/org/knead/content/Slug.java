package org.knead.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one slug rule: lowercase words of a-z and 0-9 joined by single hyphens, at most {@link #MAX_LENGTH}
 * characters. Saves, the import and the public API's lookups all ask this class. 200 is the larger of the
 * two limits Knead had (80 for saves, 200 for the API's lookups), so every slug that was ever stored or
 * served stays valid; as an ASCII term (with its type, e.g. {@code technique:...}) it is far below
 * Lucene's 32766-byte limit on an indexed term.
 */
public final class Slug {

    public static final int MAX_LENGTH = 200;
    /** A slug suggested from a title is kept shorter, for addresses people can read. */
    public static final int SUGGESTED_LENGTH = 80;
    private static final Pattern PATTERN = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private Slug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH && PATTERN.matcher(slug).matches();
    }

    /** Only the form (for links, whose length is that of the item they name). */
    public static boolean hasValidForm(String slug) {
        return slug != null && PATTERN.matcher(slug).matches();
    }

    /** What is wrong with {@code slug}, in one sentence for the person who wrote it, or null when it is valid. */
    public static String problem(String slug) {
        if (slug == null || slug.isEmpty()) {
            return "A slug is required.";
        }
        if (isValid(slug)) {
            return null;
        }
        String shown = slug.length() > 40 ? slug.substring(0, 40) + "..." : slug;
        return "The slug '" + shown + "' must be lowercase words joined by hyphens (a-z, 0-9), at most " + MAX_LENGTH
                + " characters.";
    }

    /**
     * The slug a title suggests: accents dropped, letters and digits kept, everything else a single
     * hyphen, at most {@link #SUGGESTED_LENGTH} characters, cut at a word. Empty when the title has no
     * letters or digits.
     */
    public static String suggest(String title) {
        if (title == null) {
            return "";
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SUGGESTED_LENGTH) {
            slug = slug.substring(0, SUGGESTED_LENGTH);
            int cut = slug.lastIndexOf('-');
            slug = cut > 0 ? slug.substring(0, cut) : slug;
        }
        return slug;
    }
}
