package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.search.bench.CorpusGenerator;

/**
 * A built index is merged into one segment beside the searches, answering the same before and after,
 * and the merged index is what a restart opens (with the sequence it had applied).
 */
class IndexCompactionTest {

    @Test
    void aBuiltIndexIsMergedIntoOneSegmentThatAnswersTheSame() throws Exception {
        Path dir = Files.createTempDirectory("knead-compaction-");
        List<Content> corpus = new CorpusGenerator(3).corpus(1500);
        List<String> queries = List.of("stiff neck", "massage for tension", "back pain with a fever", "trigger point");
        QueryEngine engine = new QueryEngine(Vocabulary.builtIn());
        try (IndexGeneration g = builtInThreeCommits(dir, corpus, 42)) {
            assertThat(g.segments()).as("a build in three commits").isGreaterThan(1);
            List<String> before = answers(g, engine, queries);

            g.compactInBackground().get(60, TimeUnit.SECONDS);

            assertThat(g.segments()).isEqualTo(1);
            assertThat(answers(g, engine, queries)).isEqualTo(before);
        }
        try (DirectoryReader reopened = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reopened.leaves()).as("the merged index is committed").hasSize(1);
            assertThat(reopened.getIndexCommit().getUserData()).containsEntry(IndexGeneration.SEQ, "42");
            assertThat(reopened.numDocs()).isEqualTo(corpus.size());
        }
    }

    @Test
    void aCloseDuringTheMergeKeepsTheLastCommit() throws Exception {
        Path dir = Files.createTempDirectory("knead-compaction-close-");
        List<Content> corpus = new CorpusGenerator(5).corpus(1500);
        java.util.concurrent.CompletableFuture<Void> merge;
        try (IndexGeneration g = builtInThreeCommits(dir, corpus, 7)) {
            merge = g.compactInBackground();
        } // closed at once, while the merge runs (or just after it)
        merge.handle((ok, failed) -> null).get(60, TimeUnit.SECONDS);
        try (DirectoryReader reopened = DirectoryReader.open(FSDirectory.open(dir))) {
            assertThat(reopened.numDocs()).isEqualTo(corpus.size());
            assertThat(reopened.getIndexCommit().getUserData()).containsEntry(IndexGeneration.SEQ, "7");
        }
    }

    @Test
    void anIndexThatTookChangesIsMergedOnceItHasBeenQuietForTheSetTime() throws Exception {
        Path dir = Files.createTempDirectory("knead-quiet-merge-");
        List<Content> corpus = new CorpusGenerator(9).corpus(1500);
        List<String> queries = List.of("stiff neck", "knots in my shoulder", "numb hands");
        QueryEngine engine = new QueryEngine(Vocabulary.builtIn());
        try (IndexGeneration g = builtInThreeCommits(dir, corpus, 3)) {
            List<String> before = answers(g, engine, queries);
            QuietMerge merge = new QuietMerge(java.time.Duration.ofMillis(400), () -> g);
            for (int i = 0; i < 8; i++) { // a change every 100 ms: never quiet for 400 ms
                merge.changed();
                Thread.sleep(100);
                assertThat(g.segments()).as("changes keep coming: no merge yet").isGreaterThan(1);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (g.segments() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(g.segments()).isEqualTo(1);
            assertThat(answers(g, engine, queries)).isEqualTo(before);
        }
    }

    @Test
    void aChangeMadeWhileAMergeRunsIsMergedAfterIt() throws Exception {
        Path dir = Files.createTempDirectory("knead-quiet-merge-during-");
        List<Content> corpus = new CorpusGenerator(6).corpus(3000);
        try (IndexGeneration g = builtInThreeCommits(dir, corpus, 3)) {
            java.util.concurrent.CompletableFuture<Void> buildMerge = g.compactInBackground();
            g.put(corpus.get(0)); // a follower's batch while the build's merge runs
            g.commit();
            g.refresh();
            new QuietMerge(java.time.Duration.ofMillis(50), () -> g).changed();
            buildMerge.get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (g.segments() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(g.segments()).as("the batch's segment is merged once the merge under way is done").isEqualTo(1);
        }
    }

    @Test
    void noQuietMergeWhenItIsTurnedOff() throws Exception {
        Path dir = Files.createTempDirectory("knead-quiet-merge-off-");
        try (IndexGeneration g = builtInThreeCommits(dir, new CorpusGenerator(4).corpus(1500), 3)) {
            new QuietMerge(java.time.Duration.ZERO, () -> g).changed();
            Thread.sleep(1000);
            assertThat(g.segments()).isGreaterThan(1);
        }
    }

    /** An index of {@code corpus} built in three commits (three segments), at log sequence {@code seq}. */
    private static IndexGeneration builtInThreeCommits(Path dir, List<Content> corpus, long seq) throws Exception {
        IndexGeneration g = IndexGeneration.create(FSDirectory.open(dir), dir, Vocabulary.builtIn());
        for (int i = 0; i < corpus.size(); i += 500) {
            g.addAll(corpus.subList(i, Math.min(corpus.size(), i + 500)));
            g.commit();
        }
        g.applied(seq, null);
        g.commit();
        g.refresh();
        return g;
    }

    private static List<String> answers(IndexGeneration g, QueryEngine engine, List<String> queries) throws Exception {
        IndexSearcher s = g.searchers().acquire();
        try {
            return queries.stream().map(q -> {
                try {
                    return engine.search(s, new org.knead.search.SearchRequest(q, java.util.Set.of(), null, null, 0, 10),
                            g.detector()).toString();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } finally {
            g.searchers().release(s);
        }
    }
}
