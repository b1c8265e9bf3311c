package org.knead.search.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.search.SearchRequest;
import org.knead.search.SearchResponse;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;

/**
 * The search benchmark (not part of the test run). For 10k and 100k generated items (fixed seed):
 * index build time, query latency p50/p99 and throughput on 1 and 2 threads for Knead's full query
 * (synonyms, typo tolerance, facets, snippets, did-you-mean, red flags) and for a plain Lucene BM25
 * query over the same index, suggestion latency, heap used, and the time from applying a publication
 * to it being searchable (commit and refresh; the follower adds up to one poll interval, 200 ms by default).
 *
 * <pre>./mvnw -B -q -pl search test-compile exec:java [-Dexec.args="10000 100000"]</pre>
 *
 * (search/pom.xml sets exec.mainClass to this class and the test classpath; about 3 minutes.)
 */
public final class SearchBenchmark {

    static final long SEED = 20261124L;
    static final long MEASURE_MILLIS = 4_000;

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("Knead search benchmark: %d cores, max heap %d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        for (int size : sizes) {
            run(size);
        }
    }

    static void run(int size) throws Exception {
        CorpusGenerator gen = new CorpusGenerator(SEED);
        List<Content> corpus = gen.corpus(size);
        List<String> queries = gen.queries(500);
        List<String> prefixes = gen.prefixes(500);
        Vocabulary vocabulary = Vocabulary.builtIn();
        QueryEngine engine = new QueryEngine(vocabulary);
        Path dir = Files.createTempDirectory("knead-bench-");
        System.out.printf("%n== %,d items ==%n", size);
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary);
        for (int i = 0; i < corpus.size(); i += 500) {
            index.addAll(corpus.subList(i, Math.min(corpus.size(), i + 500)));
        }
        index.applied(1, null);
        index.commit();
        index.refresh();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("index build: %.1f s (%,.0f items/s), index size %d MB%n", buildSeconds,
                size / buildSeconds, sizeOf(dir) >> 20);

        IndexSearcher searcher = index.searchers().acquire();
        try {
            index.detector();
            // warm-up
            for (int i = 0; i < 2_000; i++) {
                full(engine, searcher, index, queries.get(i % queries.size()));
                plain(engine, searcher, queries.get(i % queries.size()));
            }
            for (int threads : new int[] {1, 2}) {
                Result full = measure(threads, queries, q -> full(engine, searcher, index, q));
                Result plain = measure(threads, queries, q -> plain(engine, searcher, q));
                System.out.printf("%d thread(s): full  p50 %.2f ms  p99 %.2f ms  %,.0f q/s%n", threads, full.p50(),
                        full.p99(), full.qps());
                System.out.printf("%d thread(s): plain p50 %.2f ms  p99 %.2f ms  %,.0f q/s  (full/plain throughput %.2f)%n",
                        threads, plain.p50(), plain.p99(), plain.qps(), full.qps() / plain.qps());
            }
            Result suggest = measure(1, prefixes, p -> engine.suggest(searcher, p, 10));
            System.out.printf("suggest: p50 %.2f ms  p99 %.2f ms  %,.0f q/s%n", suggest.p50(), suggest.p99(),
                    suggest.qps());
        } finally {
            index.searchers().release(searcher);
        }
        System.gc();
        Thread.sleep(200);
        System.gc();
        System.out.printf("heap used with the index open: %d MB (%d MB before building)%n", usedHeap() >> 20,
                heapBefore >> 20);

        // publication -> searchable: apply one changed item, commit with the sequence, refresh
        List<Double> publish = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Content c = Content.builder(ContentType.SELF_CARE, "bench-new-" + i).title("Benchmark tip " + i)
                    .summary("Freshly published zyxwv" + i + " tip.").body(gen.words(300)).build();
            long s = System.nanoTime();
            index.put(c);
            index.applied(2 + i, null);
            index.commit();
            index.refresh();
            IndexSearcher fresh = index.searchers().acquire();
            try {
                SearchResponse r = engine.search(fresh, SearchRequest.of("zyxwv" + i), index.detector());
                if (r.total() != 1) {
                    throw new IllegalStateException("not searchable: " + r.total());
                }
            } finally {
                index.searchers().release(fresh);
            }
            publish.add((System.nanoTime() - s) / 1e6);
        }
        publish.sort(Comparator.naturalOrder());
        System.out.printf("publication applied to searchable: p50 %.1f ms  max %.1f ms (+ up to one poll interval, 200 ms)%n",
                publish.get(publish.size() / 2), publish.get(publish.size() - 1));
        index.close();
        deleteTree(dir);
    }

    interface Op {
        void run(String input) throws Exception;
    }

    record Result(double p50, double p99, double qps) {
    }

    static Result measure(int threads, List<String> inputs, Op op) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[2_000_000];
            latencies.add(lat);
            int offset = t * 97;
            Thread w = new Thread(() -> {
                int i = 0;
                while (!stop.get() && i < lat.length) {
                    String in = inputs.get((offset + i) % inputs.size());
                    long s = System.nanoTime();
                    try {
                        op.run(in);
                    } catch (Exception e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                        return;
                    }
                    lat[i++] = System.nanoTime() - s;
                    done.incrementAndGet();
                }
                lat[lat.length - 1] = i;
            });
            workers.add(w);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(MEASURE_MILLIS);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        List<Long> all = new ArrayList<>();
        for (long[] lat : latencies) {
            int n = (int) lat[lat.length - 1];
            for (int i = 0; i < n; i++) {
                all.add(lat[i]);
            }
        }
        all.sort(Comparator.naturalOrder());
        return new Result(all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6,
                done.get() / seconds);
    }

    static void full(QueryEngine engine, IndexSearcher searcher, IndexGeneration index, String q) throws IOException {
        engine.search(searcher, new SearchRequest(q, Set.of(), null, null, 0, 10), index.detector());
    }

    static void plain(QueryEngine engine, IndexSearcher searcher, String q) throws IOException {
        Query query = engine.plainQuery(q);
        TopDocs top = searcher.search(query, 10);
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            stored.document(sd.doc, Set.of("title"));
        }
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
