package org.knead.api.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.knead.content.Content;
import org.knead.search.SearchRequest;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;
import org.knead.seed.ReferenceContent;

/**
 * Thread-CPU time of a full search over the side-by-side benchmark's corpus and queries, in process (a
 * development aid): {@code [items=10000] [loop]}. Runs the same on any build of the search module, so
 * two builds can be compared query for query; with {@code loop} it searches for 25 s to attach a profiler.
 * {@code -Dsegments=N} builds the index in N commits; {@code -Dtail=N} then puts N items again in one more commit
 * (a large segment and a small one, as a follower's first batch after a build leaves them).
 */
public final class QueryProfile {

    private QueryProfile() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Content> corpus = new ArrayList<>(ReferenceContent.load());
        corpus.addAll(LoadBenchmark.contents(items));
        List<String> queries = SideBySideBenchmark.queries();
        Vocabulary v = Vocabulary.builtIn();
        QueryEngine engine = new QueryEngine(v);
        Path dir = Files.createTempDirectory("knead-query-profile-");
        IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, v);
        // -Dsegments=N: commits N times on the way, as an index built and then updated by a follower has
        int segments = Integer.getInteger("segments", 1);
        int every = (corpus.size() + segments - 1) / segments;
        for (int i = 0; i < corpus.size(); i += 500) {
            index.addAll(corpus.subList(i, Math.min(corpus.size(), i + 500)));
            if (segments > 1 && (i + 500) % every < 500) {
                index.commit();
            }
        }
        index.commit();
        // -Dtail=N: then N items put again in a commit of their own, as a follower's first batch after a build
        int tail = Integer.getInteger("tail", 0);
        if (tail > 0) {
            for (Content c : corpus.subList(corpus.size() - tail, corpus.size())) {
                index.put(c);
            }
            index.commit();
        }
        index.refresh();
        System.out.println("segments: " + index.searchers().acquire().getIndexReader().leaves().size());
        IndexSearcher s = index.searchers().acquire();
        var detector = index.detector();
        boolean loop = args.length > 1 && args[1].equals("loop");
        long end = System.nanoTime() + (loop ? 25_000_000_000L : 15_000_000_000L);
        while (System.nanoTime() < end) { // warm-up (or the whole run with loop)
            for (String q : queries) {
                engine.search(s, new SearchRequest(q, Set.of(), null, null, 0, 10), detector);
            }
        }
        if (!loop) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] rounds = new double[9];
            for (int r = 0; r < rounds.length; r++) {
                long t = mx.getCurrentThreadCpuTime();
                for (String q : queries) {
                    engine.search(s, new SearchRequest(q, Set.of(), null, null, 0, 10), detector);
                }
                rounds[r] = (mx.getCurrentThreadCpuTime() - t) / 1e6 / queries.size();
            }
            java.util.Arrays.sort(rounds);
            System.out.printf("full: median %.3f ms/query (CPU), quickest %.3f, of %d rounds of %d queries%n",
                    rounds[rounds.length / 2], rounds[0], rounds.length, queries.size());
            // the reference in the same run: plain BM25 top 10 over the body, as PlainLuceneServer answers
            double[] plain = new double[rounds.length];
            for (int r = 0; r < plain.length; r++) {
                long t = mx.getCurrentThreadCpuTime();
                for (String q : queries) {
                    s.search(engine.plainQuery(q), 10);
                }
                plain[r] = (mx.getCurrentThreadCpuTime() - t) / 1e6 / queries.size();
            }
            java.util.Arrays.sort(plain);
            System.out.printf("plain: median %.3f ms/query (CPU), quickest %.3f; full / plain %.1f%n",
                    plain[plain.length / 2], plain[0], rounds[rounds.length / 2] / plain[plain.length / 2]);
        }
        index.searchers().release(s);
        index.close();
    }
}
