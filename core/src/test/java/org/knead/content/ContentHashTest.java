package org.knead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static Content technique() {
        return Content.builder(ContentType.TECHNIQUE, "x").title("X").summary("s").pressure(Pressure.GENTLE)
                .bodyAreas(List.of(BodyArea.NECK)).cautions(List.of("w")).build();
    }

    /** Revisions hashed before warnings had an action and sources keep their hash, so their approvals still count. */
    @Test
    void contentWithoutTheLaterFieldsKeepsTheHashItHadBeforeThem() {
        // computed with the content model of commit 2555060, before action and sources existed
        assertThat(ContentHash.of(technique()))
                .isEqualTo("2d1292421a104fe0274963783b0dbdddea0867d8c519b504679d4ca0ffb32adb");
    }

    @Test
    void aChangedSourceOrActionChangesTheHash() {
        Content warning = Content.builder(ContentType.WARNING, "w").title("W").severity(Severity.URGENT)
                .action("Get an urgent appointment today.").advice("a").triggerPhrases(List.of("lump"))
                .sources(List.of(new Source("Back pain", "https://www.nhs.uk/conditions/back-pain/", "NHS",
                        LocalDate.of(2026, 11, 1))))
                .build();
        String hash = ContentHash.of(warning);
        assertThat(ContentHash.of(warning.toBuilder().sources(List.of(new Source("Back pain",
                "https://www.nhs.uk/conditions/back-pain/", "NHS", LocalDate.of(2026, 11, 2)))).build()))
                .isNotEqualTo(hash);
        assertThat(ContentHash.of(warning.toBuilder().action("Call your local emergency number now.").build()))
                .isNotEqualTo(hash);
        assertThat(ContentHash.of(warning.toBuilder().build())).isEqualTo(hash);
    }
}
