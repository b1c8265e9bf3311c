package org.knead.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * How urgent a medical warning is, most urgent first (the declaration order is the order in which
 * red flags are shown).
 */
public enum Severity {
    /** Call the local emergency number now. */
    EMERGENCY("emergency", "Emergency"),
    /** Get an urgent appointment today. */
    URGENT("urgent", "Urgent"),
    /** See a doctor soon. */
    SEE_A_DOCTOR("see-a-doctor", "See a doctor"),
    /** Take care; no appointment needed. */
    CAUTION("caution", "Caution");

    private final String key;
    private final String label;

    Severity(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether this is more severe than the other (EMERGENCY is more severe than URGENT). */
    public boolean moreSevereThan(Severity other) {
        return other == null || ordinal() < other.ordinal();
    }

    public static Optional<Severity> fromKey(String key) {
        return Arrays.stream(values())
                .filter(s -> s.key.equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key))
                .findFirst();
    }
}
