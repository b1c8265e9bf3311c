package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;

class EditorSearchTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final EditorSearch search = new EditorSearch(Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        search.close();
    }

    private static Content technique(String slug, String title, String summary) {
        return Content.builder(ContentType.TECHNIQUE, slug).title(title).summary(summary).body("Press and hold.")
                .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK)).build();
    }

    private static EditorEntry entry(Content c, String state, String author, Instant changed, Instant due) {
        return new EditorEntry(c, state, author, changed, due, state + "@" + changed);
    }

    private void seed() {
        search.put(entry(technique("trigger-point-press", "Trigger point press", "Ease a sore spot in the shoulder."),
                "draft", "anna", NOW.minusSeconds(60), null));
        search.put(entry(technique("chin-tuck", "Chin tuck", "Draw the chin back to relieve a stiff neck."),
                "published", "ben", NOW.minusSeconds(3600), NOW.minusSeconds(86400)));
        search.put(entry(Content.builder(ContentType.SYMPTOM, "stiff-neck").title("Stiff neck")
                .summary("A neck that is hard to turn.").body("Often eases within days.").build(),
                "in review", "anna", NOW.minusSeconds(7200), NOW.plusSeconds(86400)));
    }

    @Test
    void a_draft_is_found_by_a_lay_word_and_by_a_typo() {
        seed();
        assertThat(search.search(new EditorQuery("knots", null, null, null, false)))
                .contains("technique:trigger-point-press").doesNotContain("technique:chin-tuck");
        assertThat(search.search(new EditorQuery("triger point", null, null, null, false)))
                .first().isEqualTo("technique:trigger-point-press");
    }

    @Test
    void a_typo_is_corrected_in_an_index_of_two_items() {
        search.put(entry(technique("doorway-opener", "Pectoralis doorway opener", "Open the chest in a doorway."),
                "draft", "anna", NOW, null));
        search.put(entry(technique("wall-slide", "Doorway wall slide", "Slide the arms up a wall."),
                "in review", "anna", NOW, null));
        assertThat(search.search(new EditorQuery("dorway", null, null, null, false)))
                .containsExactlyInAnyOrder("technique:doorway-opener", "technique:wall-slide");
    }

    @Test
    void odd_input_finds_nothing_and_throws_nothing() {
        seed();
        for (String odd : new String[] {"\"", "(", "-", "*", "\"(-*)\" ~ ^", "AND OR NOT", "a".repeat(5000)}) {
            assertThat(search.search(new EditorQuery(odd, null, null, null, false))).isEmpty();
        }
    }

    @Test
    void an_empty_query_lists_everything_most_recent_change_first() {
        seed();
        assertThat(search.search(EditorQuery.all()))
                .containsExactly("technique:trigger-point-press", "technique:chin-tuck", "symptom:stiff-neck");
    }

    @Test
    void a_slug_or_its_start_finds_the_item() {
        seed();
        assertThat(search.search(new EditorQuery("chin-tu", null, null, null, false))).containsExactly("technique:chin-tuck");
    }

    @Test
    void filters_narrow_by_type_state_author_and_overdue_review() {
        seed();
        assertThat(search.search(new EditorQuery("neck", null, null, null, false)))
                .containsExactlyInAnyOrder("technique:chin-tuck", "symptom:stiff-neck");
        assertThat(search.search(new EditorQuery("neck", ContentType.SYMPTOM, null, null, false)))
                .containsExactly("symptom:stiff-neck");
        assertThat(search.search(new EditorQuery("neck", null, "published", null, false)))
                .containsExactly("technique:chin-tuck");
        assertThat(search.search(new EditorQuery("neck", null, "in review", null, false)))
                .containsExactly("symptom:stiff-neck");
        assertThat(search.search(new EditorQuery(null, null, null, "Anna", false)))
                .containsExactly("technique:trigger-point-press", "symptom:stiff-neck");
        assertThat(search.search(new EditorQuery(null, null, null, null, true))).containsExactly("technique:chin-tuck");
        assertThat(search.authors()).containsExactly("anna", "ben");
    }

    @Test
    void a_save_replaces_what_is_found() {
        seed();
        search.put(entry(technique("trigger-point-press", "Shoulder blade squeeze", "Squeeze and release."),
                "in review", "ben", NOW, null));
        assertThat(search.search(new EditorQuery("squeeze", null, null, null, false)))
                .containsExactly("technique:trigger-point-press");
        assertThat(search.search(new EditorQuery("trigger point", null, null, null, false)))
                .doesNotContain("technique:trigger-point-press");
        assertThat(search.search(new EditorQuery(null, null, "draft", null, false))).isEmpty();
        assertThat(search.version("technique:trigger-point-press")).isEqualTo("in review@" + NOW);

        search.remove("technique:trigger-point-press");
        assertThat(search.search(new EditorQuery("squeeze", null, null, null, false))).isEmpty();
        assertThat(search.ids()).containsExactlyInAnyOrder("technique:chin-tuck", "symptom:stiff-neck");
    }
}
