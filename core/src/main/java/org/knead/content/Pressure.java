package org.knead.content;

import java.util.Arrays;
import java.util.Optional;

/** How much pressure a technique uses, from lightest to strongest. */
public enum Pressure {
    GENTLE, MODERATE, FIRM, INTENSE;

    public String key() {
        return name().toLowerCase();
    }

    public static Optional<Pressure> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equalsIgnoreCase(key)).findFirst();
    }
}
