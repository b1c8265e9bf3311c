package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.search.SearchRequest;
import org.knead.search.SearchResponse;
import org.knead.search.bench.CorpusGenerator;

/**
 * Kept term look-ups change no answer, follow every change of the index (a new index state has its own),
 * and go when their index state closes.
 */
class TermLookupsTest {

    @Test
    void keptLookUpsGiveTheSameAnswersAndFollowChanges() throws Exception {
        Path dir = Files.createTempDirectory("knead-term-lookups-");
        Vocabulary vocabulary = Vocabulary.builtIn();
        QueryEngine engine = new QueryEngine(vocabulary);
        try (IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary)) {
            List<Content> corpus = new CorpusGenerator(5).corpus(2000);
            index.addAll(corpus.subList(0, 1000));
            index.commit();
            index.addAll(corpus.subList(1000, 1500));
            index.commit();
            index.refresh();
            IndexSearcher before = index.searchers().acquire();
            int keptBefore;
            long neckBefore;
            SearchResponse answerBefore;
            try {
                // with words in no document (the parts they would match are left out: same answers)
                for (String q : List.of("stiff neck", "back pain", "sholder tension", "\"trigger point\"", "mass*",
                        "neck qzxvw", "neck -qzxvw", "\"qzxvw neck\" pain", "qzxvw", "stiff qzxvw neck shoulder")) {
                    Query scoring = engine.build(before, q).scoring();
                    TopDocs plain = before.search(scoring, 20);
                    Query withStates = TermLookups.of(before.getIndexReader()).withStates(scoring);
                    TopDocs kept = before.search(withStates, 20);
                    assertThat(docsAndScores(kept)).as(q).isEqualTo(docsAndScores(plain));
                    assertThat(before.count(withStates)).as(q).isEqualTo(before.count(scoring));
                    if (q.contains("qzxvw")) {
                        assertThat(scoring.toString()).as(q).contains("qzxvw");
                        assertThat(withStates.toString()).as(q + ": no part for a word in no document").doesNotContain("qzxvw");
                    }
                }
                Term neck = new Term(Fields.ALL, "neck");
                neckBefore = TermLookups.of(before.getIndexReader()).docFreq(neck);
                assertThat(neckBefore).isEqualTo(before.getIndexReader().docFreq(neck)).isPositive();
                answerBefore = engine.search(before, new SearchRequest("neck", Set.of(), null, null, 0, 10), index.detector());
                keptBefore = TermLookups.keptStates();
            } finally {
                index.searchers().release(before);
            }

            // a change: the new index state counts the new items, and searches find them
            index.addAll(corpus.subList(1500, 2000));
            index.commit();
            index.refresh();
            IndexSearcher after = index.searchers().acquire();
            try {
                Term neck = new Term(Fields.ALL, "neck");
                long neckAfter = TermLookups.of(after.getIndexReader()).docFreq(neck);
                assertThat(neckAfter).isEqualTo(after.getIndexReader().docFreq(neck)).isGreaterThan(neckBefore);
                SearchResponse answerAfter = engine.search(after, new SearchRequest("neck", Set.of(), null, null, 0, 10),
                        index.detector());
                assertThat(answerAfter.total()).isGreaterThan(answerBefore.total());
            } finally {
                index.searchers().release(after);
            }
            // the old index state closed when it was released after the refresh: its look-ups went with it
            assertThat(TermLookups.keptStates()).isLessThanOrEqualTo(keptBefore);
        }
    }

    private static List<String> docsAndScores(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(sd -> sd.doc + ":" + sd.score).toList();
    }
}
