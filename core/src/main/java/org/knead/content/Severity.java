package org.knead.content;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a medical warning is, most urgent first. */
public enum Severity {
    EMERGENCY("emergency"), SEE_A_DOCTOR("see-a-doctor"), CAUTION("caution");

    private final String key;

    Severity(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Severity> fromKey(String key) {
        return Arrays.stream(values())
                .filter(s -> s.key.equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key))
                .findFirst();
    }
}
