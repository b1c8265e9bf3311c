package org.knead.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of content Knead holds. {@link #key()} is the stable name used in ids, URLs and the API. */
public enum ContentType {
    ARTICLE("article", "articles"),
    TECHNIQUE("technique", "techniques"),
    SYMPTOM("symptom", "symptoms"),
    CAUSE("cause", "causes"),
    SELF_CARE("self-care", "self-care"),
    WARNING("warning", "warnings");

    private final String key;
    private final String plural;

    ContentType(String key, String plural) {
        this.key = key;
        this.plural = plural;
    }

    /** The stable lowercase name: {@code technique}, {@code self-care}, ... */
    public String key() {
        return key;
    }

    /** The collection name used in URLs: {@code techniques}, {@code self-care}, ... */
    public String plural() {
        return plural;
    }

    /** Medical warnings always need a clinician's sign-off. */
    public boolean isMedical() {
        return this == WARNING;
    }

    public static Optional<ContentType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equalsIgnoreCase(key)).findFirst();
    }
}
