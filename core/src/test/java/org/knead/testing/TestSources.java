package org.knead.testing;

import java.time.LocalDate;
import java.util.List;
import org.knead.content.Source;

/** A valid source list for warnings built in tests (a warning cannot be saved without one). */
public final class TestSources {

    private TestSources() {
    }

    public static List<Source> nhsBackPain() {
        return List.of(new Source("Back pain", "https://www.nhs.uk/conditions/back-pain/", "NHS",
                LocalDate.of(2026, 11, 1)));
    }
}
