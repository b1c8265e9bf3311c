package org.knead.content;

import java.util.Arrays;
import java.util.Optional;

/** The body areas Knead's content is about. */
public enum BodyArea {
    NECK("neck"), SHOULDERS("shoulders"), UPPER_BACK("upper-back"), LOWER_BACK("lower-back");

    private final String key;

    BodyArea(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<BodyArea> fromKey(String key) {
        return Arrays.stream(values())
                .filter(a -> a.key.equalsIgnoreCase(key) || a.name().equalsIgnoreCase(key))
                .findFirst();
    }
}
