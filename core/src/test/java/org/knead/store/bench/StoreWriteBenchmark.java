package org.knead.store.bench;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.store.EmbeddedStore;
import org.knead.testing.CoreTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the embedded store's durability costs: saves (a new revision through {@link ContentService},
 * as the console makes them: the revision, the item's head and the audit entry) against an embedded
 * store on the real disk, with the commit and sync before every answer and, as the reference in the
 * same run, without (the H2 backend's own commit about once a second). 1 thread, then 8 threads each
 * saving its own item; then plain one-document inserts, the cost of one commit and sync alone. Both stores
 * run side by side and the two modes take turns, in three rounds, so that other work on the machine
 * weighs on both alike. Between the two modes of each round, the disk's own floor: a {@value #RECORD_BYTES}-byte
 * record appended to a file beside the synced store's and synced ({@link RawDiskLog}), 1 and 8 threads (grouped
 * as a group commit does); the synced save's p99 is reported as a multiple of it. Not a test:
 * <pre>
 * ./mvnw -B -q -pl core test-compile exec:java -Dexec.args="SAVES_PER_THREAD"   (default 500)
 * ./mvnw -B -q -pl core test-compile exec:java -Dknead.bench.store-jvm="-XX:+UseSerialGC"  (stores in their own JVMs)
 * </pre>
 * The data goes to a temporary folder ({@code -Djava.io.tmpdir} chooses its disk), deleted afterwards.
 */
public final class StoreWriteBenchmark {

    private static final Actor EDITOR = Actor.of("bench", Role.EDITOR);

    private StoreWriteBenchmark() {
    }

    record Result(String mode, int threads, int saves, double seconds, double p50, double p99, double max,
            long[] latencies) {
        double perSecond() {
            return saves / seconds;
        }
    }

    /** Rounds per measurement; the two modes take turns, so that a change in the machine's load hits both. */
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int perRound = Math.max(1, perThread / ROUNDS);
        Path[] dirs = new Path[2];
        AutoCloseable[] stores = new AutoCloseable[2];
        ConfigurableApplicationContext[] contexts = new ConfigurableApplicationContext[2];
        String[] modes = {"commit+sync", "no sync (reference)"};
        java.util.Map<String, List<Result>> rounds = new java.util.LinkedHashMap<>();
        RawDiskLog rawLog = null;
        long[] fileSizes = new long[2];
        try {
            for (int m = 0; m < 2; m++) {
                dirs[m] = Files.createTempDirectory(m == 0 ? "knead-bench-sync" : "knead-bench-nosync");
                String[] uri = new String[1];
                stores[m] = startStore(dirs[m], m == 0, uri);
                contexts[m] = context(uri[0]);
                run(contexts[m].getBean(ContentService.class), "warmup", 1, 100); // JIT, connection pool
            }
            rawLog = new RawDiskLog(dirs[0].resolve("raw-disk.log")); // beside the synced store's data file
            appends(rawLog, 1, 100); // warmup
            for (int round = 0; round < ROUNDS; round++) {
                for (int k = 0; k < 2; k++) {
                    int m = (round + k) % 2; // the modes take turns going first
                    ContentService content = contexts[m].getBean(ContentService.class);
                    MongoCollection<Document> raw = contexts[m].getBean(MongoTemplate.class).getCollection("bench_raw");
                    add(rounds, run(content, modes[m], 1, perRound * 2));
                    add(rounds, run(content, modes[m], 8, perRound));
                    add(rounds, inserts(raw, modes[m], 1, perRound * 2, round));
                    add(rounds, inserts(raw, modes[m], 8, perRound, round));
                    if (k == 0) { // between the two modes
                        add(rounds, appends(rawLog, 1, perRound * 2));
                        add(rounds, appends(rawLog, 8, perRound));
                    }
                }
            }
            for (int m = 0; m < 2; m++) {
                contexts[m].close();
                stores[m].close();
                fileSizes[m] = Files.size(dirs[m].resolve(EmbeddedStore.DATA_FILE));
                contexts[m] = null;
                stores[m] = null;
            }
        } finally {
            if (rawLog != null) {
                rawLog.close();
            }
            for (int m = 0; m < 2; m++) {
                if (contexts[m] != null) {
                    contexts[m].close();
                }
                if (stores[m] != null) {
                    stores[m].close();
                }
                if (dirs[m] != null) {
                    deleteQuietly(dirs[m]);
                }
            }
        }
        List<Result> results = rounds.values().stream().map(StoreWriteBenchmark::merge).toList();
        System.out.println();
        System.out.printf(Locale.ROOT, "%d rounds, the modes taking turns; load average at the end: %s%n", ROUNDS,
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println(STORE_JVM_OPTIONS == null ? "stores in this JVM"
                : "stores in their own JVMs, options: " + (STORE_JVM_OPTIONS.isBlank() ? "(none)" : STORE_JVM_OPTIONS));
        System.out.printf(Locale.ROOT, "%-28s %7s %7s %10s %8s %8s %8s%n", "mode", "threads", "saves", "saves/s",
                "p50 ms", "p99 ms", "max ms");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-28s %7d %7d %10.0f %8.2f %8.2f %8.2f%n", r.mode(), r.threads(),
                    r.saves(), r.perSecond(), r.p50(), r.p99(), r.max());
        }
        for (String what : new String[] {"", "insert, "}) {
            for (int threads : new int[] {1, 8}) {
                Result on = find(results, what + "commit+sync", threads);
                Result off = find(results, what + "no sync (reference)", threads);
                System.out.printf(Locale.ROOT, "%s%d thread(s): sync/no-sync throughput %.2f, p50 %.2f vs %.2f ms, "
                        + "p99 %.2f ms vs %.2f ms%n", what.isEmpty() ? "save, " : what, threads,
                        on.perSecond() / off.perSecond(), on.p50(), off.p50(), on.p99(), off.p99());
            }
        }
        System.out.printf(Locale.ROOT, "data file at the end: %.1f MB commit+sync, %.1f MB no sync%n", fileSizes[0] / 1e6,
                fileSizes[1] / 1e6);
        for (int threads : new int[] {1, 8}) {
            Result disk = find(results, RAW_DISK, threads);
            Result save = find(results, "commit+sync", threads);
            Result insert = find(results, "insert, commit+sync", threads);
            System.out.printf(Locale.ROOT, "raw disk, %d thread(s): p50 %.2f ms, p99 %.2f ms; p99 of a synced save %.2f ms = "
                    + "%.2f x the disk's, of a synced insert %.2f ms = %.2f x%n", threads, disk.p50(), disk.p99(),
                    save.p99(), save.p99() / disk.p99(), insert.p99(), insert.p99() / disk.p99());
        }
    }

    /**
     * With {@code -Dknead.bench.store-jvm="OPTIONS"} (may be empty) each store runs in its own JVM with those
     * options, as {@code ./knead store} runs it beside the console ({@link BenchStoreMain}); without it, in this JVM.
     */
    private static final String STORE_JVM_OPTIONS = System.getProperty("knead.bench.store-jvm");

    private static AutoCloseable startStore(Path dir, boolean sync, String[] uri) throws Exception {
        if (STORE_JVM_OPTIONS == null) {
            EmbeddedStore store = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0, sync);
            uri[0] = store.connectionString();
            return store;
        }
        List<String> command = new ArrayList<>();
        command.add(org.knead.testing.StoreProcess.java());
        for (String option : STORE_JVM_OPTIONS.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", classPath(), BenchStoreMain.class.getName(),
                dir.toString(), "0", Boolean.toString(sync)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            // the store's own output before it listens
        }
        if (line == null) {
            throw new IllegalStateException("the store process ended before it listened");
        }
        uri[0] = EmbeddedStore.connectionString("127.0.0.1", Integer.parseInt(line.substring(6).trim()));
        return () -> {
            process.getOutputStream().close(); // the store closes its data file and ends
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        };
    }

    /** This benchmark's class path: exec:java loads it in a class loader of its own, not on java.class.path. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static final String RAW_DISK = "raw disk (append+fdatasync)";
    /** About what a save's documents take (revision, head, audit entry). */
    private static final int RECORD_BYTES = 400;

    /** The disk's floor: a small record appended and synced, concurrent writers grouped (see {@link RawDiskLog}). */
    private static Result appends(RawDiskLog log, int threads, int perThread) throws Exception {
        byte[] record = new byte[RECORD_BYTES];
        new java.util.Random(threads).nextBytes(record);
        return measure(RAW_DISK, threads, perThread, (thread, i) -> log.append(record));
    }

    private static void add(java.util.Map<String, List<Result>> rounds, Result r) {
        rounds.computeIfAbsent(r.mode() + "/" + r.threads(), k -> new ArrayList<>()).add(r);
    }

    private static Result merge(List<Result> parts) {
        long[] all = parts.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
        double seconds = parts.stream().mapToDouble(Result::seconds).sum();
        Result first = parts.get(0);
        return new Result(first.mode(), first.threads(), all.length, seconds, pct(all, 0.50), pct(all, 0.99),
                all[all.length - 1] / 1e6, all);
    }

    private static Result find(List<Result> results, String mode, int threads) {
        return results.stream().filter(r -> r.mode().equals(mode) && r.threads() == threads).findFirst().orElseThrow();
    }

    private static ConfigurableApplicationContext context(String uri) {
        return new SpringApplicationBuilder(CoreTestApplication.class)
                .properties("knead.store.uri=" + uri + "/knead", "knead.core.import-reference=false",
                        "spring.main.banner-mode=off", "logging.level.root=warn")
                .run();
    }

    private static Result run(ContentService content, String mode, int threads, int perThread) throws Exception {
        String prefix = mode.startsWith("commit") ? "s" : mode.startsWith("no") ? "n" : "w";
        ContentRef[] refs = new ContentRef[threads];
        int[] heads = new int[threads];
        String[] slugs = new String[threads];
        for (int t = 0; t < threads; t++) {
            slugs[t] = prefix + threads + "-t" + t + "-" + System.nanoTime();
            Revision r = content.create(symptom(slugs[t], 0), "", EDITOR);
            refs[t] = r.ref();
            heads[t] = r.number();
        }
        return measure(mode, threads, perThread, (thread, i) -> heads[thread] =
                content.save(refs[thread], heads[thread], symptom(slugs[thread], i + 1), "bench", EDITOR).number());
    }

    /** One small document per write: the cost of one commit and sync, without Knead's own work. */
    private static Result inserts(MongoCollection<Document> raw, String mode, int threads, int perThread, int round)
            throws Exception {
        return measure("insert, " + mode, threads, perThread, (thread, i) ->
                raw.insertOne(new Document("_id", mode.charAt(0) + "-" + round + "-" + threads + "-" + thread + "-" + i)
                        .append("v", i)));
    }

    interface Step {
        void run(int thread, int i);
    }

    private static Result measure(String mode, int threads, int perThread, Step step) throws Exception {
        long[][] latencies = new long[threads][perThread];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    long t0 = System.nanoTime();
                    step.run(thread, i);
                    latencies[thread][i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(mode, threads, all.length, seconds, pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6,
                all);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static Content symptom(String slug, int version) {
        return Content.builder(ContentType.SYMPTOM, slug).title("Symptom " + slug)
                .summary("Feels like this, version " + version + ".").build();
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }
}
