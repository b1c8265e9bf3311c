package org.knead.search.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.knead.content.Content;
import org.knead.search.SearchRequest;
import org.knead.search.internal.FacetCounter;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.ProfileParts;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;

/**
 * Times the parts of a full query as thread-CPU time per query (a development aid, not the benchmark):
 * {@code [size=10000] [loop]}. The parts that run a search reuse queries built beforehand, so each line
 * is that part alone; {@code full} is a whole search as the service runs it. With {@code loop} it runs
 * full queries for 25 s instead, to attach a profiler (e.g. JFR).
 */
public final class ProfileMain {
    interface Part {
        void run(int i) throws Exception;
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
        int n = queries.size();
        Part full = i -> engine.search(s, new SearchRequest(queries.get(i), Set.of(), null, null, 0, 10), detector);
        if (args.length > 1 && args[1].equals("loop")) {
            long end = System.nanoTime() + 25_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < n; i++) {
                    full.run(i);
                }
            }
        } else {
            // warm up every path first, so that the order of the parts does not matter
            for (int r = 0; r < 10; r++) {
                for (int i = 0; i < n; i++) {
                    full.run(i);
                    s.search(engine.plainQuery(queries.get(i)), 10);
                }
            }
            List<QueryEngine.Built> built = new ArrayList<>();
            for (String q : queries) {
                built.add(engine.build(s, q));
            }
            EnumSet<FacetCounter.Dimension> all = EnumSet.allOf(FacetCounter.Dimension.class);
            time("build", n, i -> engine.build(s, queries.get(i)));
            time("top10", n, i -> s.search(built.get(i).scoring(), new TopScoreDocCollectorManager(10, null, 10)));
            time("top10c", n, i -> s.search(built.get(i).scoring(), new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE)));
            time("count", n, i -> s.search(built.get(i).matching(), new FacetCounter(all)));
            time("skip", n, i -> ProfileParts.rankSkipping(s, built.get(i)));
            time("bits", n, i -> ProfileParts.countFromBits(s, built.get(i)));
            time("one", n, i -> {
                var top = new TopScoreDocCollectorManager(10, null, Integer.MAX_VALUE).newCollector();
                s.search(built.get(i).scoring(), MultiCollector.wrap(top, new FacetCounter(all)));
            });
            time("dym", n, i -> engine.didYouMean(s.getIndexReader(), queries.get(i)));
            time("flags", n, i -> engine.redFlags(s, queries.get(i), detector));
            time("full", n, full);
            time("size0", n, i -> engine.search(s, new SearchRequest(queries.get(i), Set.of(), null, null, 0, 0), detector));
            time("plain", n, i -> s.search(engine.plainQuery(queries.get(i)), 10));
            time("full", n, full);
        }
        index.searchers().release(s);
        index.close();
        SearchBenchmark.deleteTree(dir);
    }

    /** Prints the mean thread-CPU time per query over five rounds, and the quickest round (the least disturbed). */
    static void time(String name, int n, Part p) throws Exception {
        for (int i = 0; i < n; i++) {
            p.run(i);
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                p.run(i);
            }
            long round = mx.getCurrentThreadCpuTime() - t;
            total += round;
            best = Math.min(best, round);
        }
        System.out.printf("%-6s %.3f ms/query (CPU), quickest round %.3f%n", name, total / 1e6 / (5 * n), best / 1e6 / n);
    }
}
