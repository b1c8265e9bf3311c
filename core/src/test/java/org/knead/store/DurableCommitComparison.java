package org.knead.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVStore;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.testing.CoreTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The durable store's commit as it is ({@link DurableBackend#SYNCED_OPENER}: commits on the writer's thread,
 * upkeep between commits, leaves of 16 entries) against how it was before (MVStore's background writer, which
 * took each commit on its own threads and did the upkeep itself; leaves of 48), both committing and syncing
 * before every answer, in one JVM, taking turns round by round so that the machine's load weighs on both alike.
 * Saves through {@link ContentService}, each thread on its own item. Not a test:
 * <pre>
 * ./mvnw -B -q -pl core test-compile exec:java -Dexec.mainClass=org.knead.store.DurableCommitComparison \
 *     -Dexec.args="SAVES_PER_ROUND ROUNDS THREADS"   (default 200 5 1)
 * </pre>
 */
public final class DurableCommitComparison {

    private static final Actor EDITOR = Actor.of("bench", Role.EDITOR);

    private static final DurableBackend.StoreOpener BEFORE = (file, onFailure) -> new MVStore.Builder()
            .fileName(file.toString()).backgroundExceptionHandler(onFailure).open();

    private DurableCommitComparison() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String[] names = {"before (background writer)", "now (inline commit)"};
        DurableBackend.StoreOpener[] openers = {BEFORE, DurableBackend.SYNCED_OPENER};
        Path[] dirs = new Path[2];
        EmbeddedStore[] stores = new EmbeddedStore[2];
        ConfigurableApplicationContext[] contexts = new ConfigurableApplicationContext[2];
        List<List<Long>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
        try {
            for (int v = 0; v < 2; v++) {
                dirs[v] = Files.createTempDirectory("knead-commit-" + v);
                stores[v] = EmbeddedStore.start(DurableBackend.open(dirs[v].resolve(EmbeddedStore.DATA_FILE), true,
                        openers[v]), "127.0.0.1", 0, names[v]);
                contexts[v] = new SpringApplicationBuilder(CoreTestApplication.class)
                        .properties("knead.store.uri=" + stores[v].connectionString() + "/knead",
                                "knead.core.import-reference=false", "spring.main.banner-mode=off",
                                "logging.level.root=warn")
                        .run();
                saves(contexts[v].getBean(ContentService.class), threads, 100, "warmup" + v);
            }
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < 2; k++) {
                    int v = (round + k) % 2; // the two take turns going first
                    latencies.get(v).addAll(saves(contexts[v].getBean(ContentService.class), threads, perRound,
                            "r" + round + "v" + v));
                }
            }
        } finally {
            for (int v = 0; v < 2; v++) {
                if (contexts[v] != null) {
                    contexts[v].close();
                }
                if (stores[v] != null) {
                    stores[v].close();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d rounds, %d thread(s); load average at the end: %s%n", rounds, threads,
                Files.readString(Path.of("/proc/loadavg")).strip());
        for (int v = 0; v < 2; v++) {
            long[] sorted = latencies.get(v).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-28s saves %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; "
                    + "data file %.1f MB%n", names[v], sorted.length, pct(sorted, 0.50), pct(sorted, 0.90),
                    pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
                    Files.size(dirs[v].resolve(EmbeddedStore.DATA_FILE)) / 1e6);
            try (var files = Files.walk(dirs[v])) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static List<Long> saves(ContentService content, int threads, int perThread, String tag) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String slug = tag + "-t" + t + "-" + System.nanoTime();
                done.add(pool.submit(() -> {
                    Revision first = content.create(symptom(slug, 0), "", EDITOR);
                    ContentRef ref = first.ref();
                    int head = first.number();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        long started = System.nanoTime();
                        head = content.save(ref, head, symptom(slug, i + 1), "bench", EDITOR).number();
                        mine.add(System.nanoTime() - started);
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : done) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static Content symptom(String slug, int version) {
        return Content.builder(ContentType.SYMPTOM, slug).title("Symptom " + slug)
                .summary("Feels like this, version " + version + ".").build();
    }
}
