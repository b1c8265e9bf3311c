package org.knead.api.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.knead.content.ContentType;
import org.knead.content.Severity;

/** The words the site shows for types, collections, severities and dates. */
final class Labels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** "Technique", "Self-care tip", ... */
    static String type(ContentType type) {
        return switch (type) {
            case TECHNIQUE -> "Technique";
            case SYMPTOM -> "Symptom";
            case CAUSE -> "Cause";
            case SELF_CARE -> "Self-care tip";
            case WARNING -> "Medical warning";
            case ARTICLE -> "Article";
        };
    }

    static String type(String key) {
        return ContentType.fromKey(key).map(Labels::type).orElse(key);
    }

    /** The heading of a type's list: "Techniques", "Self-care tips", ... */
    static String collection(ContentType type) {
        return switch (type) {
            case SELF_CARE -> "Self-care tips";
            case WARNING -> "Medical warnings";
            default -> type(type) + "s";
        };
    }

    static String severity(String key) {
        return Severity.fromKey(key).map(Severity::label).orElse(key);
    }

    /** Most severe first; unknown severities last. */
    static int severityRank(String key) {
        return Severity.fromKey(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    static String date(Instant at) {
        return at == null ? null : DATE.format(at);
    }

    /** "upper-back" becomes "upper back". */
    static String words(String key) {
        return key == null ? null : key.replace('-', ' ');
    }
}
