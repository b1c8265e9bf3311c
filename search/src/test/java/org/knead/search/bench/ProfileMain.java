package org.knead.search.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.knead.content.Content;
import org.knead.search.SearchRequest;
import org.knead.search.internal.FacetCounter;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;

/** Times the parts of a full query (a development aid, not the benchmark). */
public final class ProfileMain {
    interface Part {
        void run(String q) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        CorpusGenerator gen = new CorpusGenerator(SearchBenchmark.SEED);
        List<Content> corpus = gen.corpus(size);
        List<String> queries = gen.queries(300);
        Vocabulary v = Vocabulary.builtIn();
        QueryEngine engine = new QueryEngine(v);
        Path dir = Files.createTempDirectory("knead-profile-");
        IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, v);
        for (int i = 0; i < corpus.size(); i += 500) {
            index.addAll(corpus.subList(i, Math.min(corpus.size(), i + 500)));
        }
        index.commit();
        index.refresh();
        IndexSearcher s = index.searchers().acquire();
        var detector = index.detector();
        if (args.length > 1 && args[1].equals("loop")) {
            // full queries for 25 s, to attach a profiler (e.g. MAVEN_OPTS=-XX:StartFlightRecording=...)
            long end = System.nanoTime() + 25_000_000_000L;
            while (System.nanoTime() < end) {
                for (String q : queries) {
                    engine.search(s, new SearchRequest(q, Set.of(), null, null, 0, 10), detector);
                }
            }
            index.searchers().release(s);
            index.close();
            SearchBenchmark.deleteTree(dir);
            return;
        }
        time("build", queries, q -> engine.build(s, q));
        time("top10s", queries, q -> s.search(engine.build(s, q).scoring(), new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE)));
        time("top10", queries, q -> s.search(engine.build(s, q).scoring(), new TopScoreDocCollectorManager(10, null, 1000)));
        time("count", queries, q -> s.search(engine.build(s, q).matching(), new FacetCounter(EnumSet.allOf(FacetCounter.Dimension.class))));
        time("one", queries, q -> {
            var top = new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE).newCollector();
            var fc = new FacetCounter(EnumSet.allOf(FacetCounter.Dimension.class));
            s.search(engine.build(s, q).scoring(), org.apache.lucene.search.MultiCollector.wrap(top, fc));
        });
        time("dym", queries, q -> engine.didYouMean(s.getIndexReader(), q));
        time("flags", queries, q -> engine.redFlags(s, q, detector));
        time("full", queries, q -> engine.search(s, new SearchRequest(q, Set.of(), null, null, 0, 10), detector));
        time("size0", queries, q -> engine.search(s, new SearchRequest(q, Set.of(), null, null, 0, 0), detector));
        time("plain", queries, q -> s.search(engine.plainQuery(q), 10));
        index.searchers().release(s);
        index.close();
        SearchBenchmark.deleteTree(dir);
    }

    static void time(String name, List<String> queries, Part p) throws Exception {
        for (int r = 0; r < 3; r++) {
            for (String q : queries) {
                p.run(q);
            }
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t = mx.getCurrentThreadCpuTime();
        int n = 0;
        for (int r = 0; r < 3; r++) {
            for (String q : queries) {
                p.run(q);
                n++;
            }
        }
        System.out.printf("%-6s %.3f ms/query (CPU)%n", name, (mx.getCurrentThreadCpuTime() - t) / 1e6 / n);
    }
}
