package org.knead.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aTitleBecomesLowercaseWordsJoinedByHyphens() {
        assertThat(Slugs.suggest("  Neck glide (gentle), 2 minutes! ")).isEqualTo("neck-glide-gentle-2-minutes");
    }

    @Test
    void accentsAreDroppedAndTheResultIsAValidSlug() {
        String slug = Slugs.suggest("Crème brûlée — Shiatsu à la maison");
        assertThat(slug).isEqualTo("creme-brulee-shiatsu-a-la-maison");
        assertThat(ContentValidator.SLUG.matcher(slug).matches()).isTrue();
    }

    @Test
    void aLongTitleIsCutAtAWordWithinTheLimit() {
        String slug = Slugs.suggest("stretch ".repeat(30));
        assertThat(slug).hasSizeLessThanOrEqualTo(ContentValidator.MAX_SLUG).endsWith("stretch")
                .doesNotEndWith("-");
    }

    @Test
    void aTitleWithoutLettersOrDigitsSuggestsNothing() {
        assertThat(Slugs.suggest("?!")).isEmpty();
        assertThat(Slugs.suggest(null)).isEmpty();
    }
}
