package org.knead.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugSuggestionTest {

    @Test
    void aTitleBecomesLowercaseWordsJoinedByHyphens() {
        assertThat(Slug.suggest("  Neck glide (gentle), 2 minutes! ")).isEqualTo("neck-glide-gentle-2-minutes");
    }

    @Test
    void accentsAreDroppedAndTheResultIsAValidSlug() {
        String slug = Slug.suggest("Crème brûlée — Shiatsu à la maison");
        assertThat(slug).isEqualTo("creme-brulee-shiatsu-a-la-maison");
        assertThat(Slug.isValid(slug)).isTrue();
    }

    @Test
    void aLongTitleIsCutAtAWordWithinTheLimit() {
        String slug = Slug.suggest("stretch ".repeat(30));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slug.SUGGESTED_LENGTH).endsWith("stretch")
                .doesNotEndWith("-");
    }

    @Test
    void aTitleWithoutLettersOrDigitsSuggestsNothing() {
        assertThat(Slug.suggest("?!")).isEmpty();
        assertThat(Slug.suggest(null)).isEmpty();
    }
}
