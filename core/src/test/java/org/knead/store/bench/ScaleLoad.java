package org.knead.store.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.testing.CoreTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load of the scale benchmark ({@code bench/scale.sh}): brings generated items into a running store
 * through the core services, each the way the console does it (create, submit, another editor approves
 * and publishes: every write committed and synced by the store, the publication log appended), and
 * prints the rate and the publish latency. Not a test:
 * <pre>
 * java -cp CORE_TEST_CLASSPATH org.knead.store.bench.ScaleLoad STORE_URI FROM TO [THREADS]
 * </pre>
 * Items {@code FROM} (inclusive) to {@code TO} (exclusive) are symptoms {@code gen-symptom-N}. With
 * {@code -Dknead.bench.publishes=FILE} it also writes each publish's start (epoch milliseconds), length
 * (microseconds), thread and the thread's CPU time (microseconds), one per line, to set beside the store's
 * GC log and upkeep steps.
 */
public final class ScaleLoad {

    private static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    private static final Actor BEN = Actor.of("ben", Role.EDITOR);
    private static final String[] WORDS = ("ache stiff tight sore knot burning dull sharp throbbing tingling neck "
            + "shoulder upper lower back morning evening desk posture sleep pillow stretch heat cold tension "
            + "muscle spasm twinge pressure radiating gentle").split(" ");

    private ScaleLoad() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CoreTestApplication.class)
                .properties("knead.store.uri=" + uri, "knead.core.import-reference=false",
                        "knead.core.first-start=false",
                        "spring.main.banner-mode=off", "logging.level.root=warn")
                .run()) {
            ContentService content = ctx.getBean(ContentService.class);
            ReviewService review = ctx.getBean(ReviewService.class);
            PublishingService publishing = ctx.getBean(PublishingService.class);
            long[] publishNanos = new long[to - from];
            long[] publishStarts = new long[to - from];
            String[] publishThreads = new String[to - from];
            long[] publishCpu = new long[to - from];
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            AtomicInteger next = new AtomicInteger(from);
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        Revision r = content.create(item(i), "generated", ANNA);
                        ContentRef ref = r.ref();
                        review.submit(ref, r.number(), ANNA);
                        review.approve(ref, r.number(), "ok", BEN);
                        publishStarts[i - from] = System.currentTimeMillis();
                        publishThreads[i - from] = Thread.currentThread().getName();
                        long c0 = cpu.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        publishing.publish(ref, r.number(), BEN);
                        publishNanos[i - from] = System.nanoTime() - t0;
                        publishCpu[i - from] = cpu.getCurrentThreadCpuTime() - c0;
                        int n = done.incrementAndGet();
                        if (n % 5000 == 0) {
                            double s = (System.nanoTime() - start) / 1e9;
                            System.out.printf(Locale.ROOT, "  %d items (%d in all), %.0f items/s so far%n", n,
                                    from + n, n / s);
                        }
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow(); // a failed item stops the others: the run ends instead of hanging
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String timings = System.getProperty("knead.bench.publishes");
            if (timings != null) {
                writeTimings(Path.of(timings), publishStarts, publishNanos, publishThreads, publishCpu);
            }
            long[] sorted = publishNanos.clone();
            Arrays.sort(sorted);
            int tail = Math.min(sorted.length, 1_000);
            long[] first = Arrays.copyOfRange(publishNanos, 0, tail);
            long[] last = Arrays.copyOfRange(publishNanos, publishNanos.length - tail, publishNanos.length);
            // after the first items as well: this load's own JVM starts cold at each size (its first publishes
            // took three to four times as long at the median in the scale runs), where a console that publishes has been running for a while
            long[] warm = Arrays.copyOfRange(publishNanos, tail, publishNanos.length);
            Arrays.sort(first);
            Arrays.sort(last);
            Arrays.sort(warm);
            System.out.printf(Locale.ROOT, "RESULT items %d..%d (%d threads): %d items in %.1f s = %.0f items/s; "
                    + "publish p50 %.1f ms p99 %.1f ms; after the first %d: p50 %.1f ms p99 %.1f ms; first %d: p50 %.1f ms "
                    + "p99 %.1f ms; last %d: p50 %.1f ms p99 %.1f ms (last/first p50 %.2f)%n", from, to, threads, to - from,
                    seconds, (to - from) / seconds, pct(sorted, 0.5), pct(sorted, 0.99), tail, pct(warm, 0.5),
                    pct(warm, 0.99), tail, pct(first, 0.5), pct(first, 0.99), tail, pct(last, 0.5), pct(last, 0.99),
                    pct(last, 0.5) / pct(first, 0.5));
        }
    }

    /** A generated symptom: a title and a few lines of varied words, so that search has work to do. */
    static Content item(int i) {
        return item("gen-symptom-", i);
    }

    /** As {@link #item(int)}, with slug {@code slugPrefix + i}. */
    static Content item(String slugPrefix, int i) {
        Random random = new Random(i);
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            body.append(WORDS[random.nextInt(WORDS.length)]).append(w % 12 == 11 ? ".\n" : " ");
        }
        String title = "Generated " + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                + " " + i;
        return Content.builder(ContentType.SYMPTOM, slugPrefix + i).title(title)
                .summary("A generated symptom for the scale benchmark, number " + i + ".").body(body.toString())
                .build();
    }

    /** One line per publish: start (epoch ms), length (µs), thread, the thread's CPU time (µs). */
    private static void writeTimings(Path file, long[] startMillis, long[] nanos, String[] threads, long[] cpuNanos)
            throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < nanos.length; i++) {
                out.println(startMillis[i] + " " + nanos[i] / 1_000 + " " + threads[i] + " " + cpuNanos[i] / 1_000);
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
