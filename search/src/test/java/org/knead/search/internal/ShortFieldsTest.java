package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.search.SearchHit;
import org.knead.search.SearchRequest;

/**
 * The short fields are ranked as one field whose word weights are worked out at indexing: a reader sees
 * the items with the word in the title first, then in another name, then in the summary, then in the
 * benefits, then only in the body; and a word counts for more in a short title than in a long one.
 */
class ShortFieldsTest {

    private static final String FILLER = "Gentle movement and rest help most people within a few weeks.";

    @Test
    void whereAWordOccursOrdersTheHits() throws Exception {
        List<Content> items = List.of(
                technique("only-in-body", "Slow stretching routine", FILLER, List.of(), List.of(),
                        "Some people with lumbago find this routine eases it."),
                technique("in-benefits", "Morning mobility routine", FILLER, List.of(), List.of("Eases lumbago"), FILLER),
                technique("in-summary", "Evening wind-down routine", "A calm routine for lumbago and stiffness.",
                        List.of(), List.of(), FILLER),
                technique("in-alias", "Lower back release", FILLER, List.of("Lumbago release"), List.of(), FILLER),
                technique("in-title", "Lumbago release", FILLER, List.of(), List.of(), FILLER),
                technique("long-title", "Easing the ache of sciatica with a sequence of slow and careful movements",
                        FILLER, List.of(), List.of(), FILLER),
                technique("short-title", "Sciatica stretches", FILLER, List.of(), List.of(), FILLER));
        assertThat(slugs(items, "lumbago")).containsExactly("in-title", "in-alias", "in-summary", "in-benefits",
                "only-in-body");
        assertThat(slugs(items, "sciatica")).containsExactly("short-title", "long-title");
    }

    @Test
    void aWordInSeveralShortFieldsOutranksTheSameWordInOne() throws Exception {
        List<Content> items = List.of(
                technique("title-only", "Shoulder roll", FILLER, List.of(), List.of(), FILLER),
                technique("title-and-summary", "Shoulder circle", "Loosens a tight shoulder in a minute.", List.of(),
                        List.of(), FILLER));
        assertThat(slugs(items, "shoulder")).containsExactly("title-and-summary", "title-only");
    }

    private static List<String> slugs(List<Content> items, String query) throws Exception {
        Path dir = Files.createTempDirectory("knead-short-fields-");
        Vocabulary vocabulary = Vocabulary.builtIn();
        try (IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary)) {
            index.addAll(items);
            index.commit();
            index.refresh();
            IndexSearcher searcher = index.searchers().acquire();
            try {
                return new QueryEngine(vocabulary)
                        .search(searcher, new SearchRequest(query, Set.of(), null, null, 0, 10), index.detector())
                        .items().stream().map(SearchHit::slug).toList();
            } finally {
                index.searchers().release(searcher);
            }
        }
    }

    private static Content technique(String slug, String title, String summary, List<String> aliases,
            List<String> benefits, String body) {
        return Content.builder(ContentType.TECHNIQUE, slug).title(title).summary(summary).aliases(aliases)
                .benefits(benefits).body(body).build();
    }
}
