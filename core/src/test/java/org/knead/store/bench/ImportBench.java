package org.knead.store.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.seed.ContentExport;
import org.knead.seed.ContentTransfer;
import org.knead.seed.ImportReport;
import org.knead.testing.CoreTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The import side of the scale benchmark ({@code bench/import.sh}): writes an export file of generated
 * items that were published where they came from (symptoms {@code imp-symptom-N}, items {@code FROM} to
 * {@code TO - 1}, two revisions each, in the format of {@code ./knead export}), imports it into a running
 * store the way {@code ./knead import} does ({@link ContentTransfer#importFrom}, what
 * {@code TransferCommand} calls), and prints the import rate. Then, with the store at that size, it
 * publishes {@code PUBLISH} of the imported items through the core services as the console does (submit,
 * another editor approves and publishes), 4 threads, and prints the publish latency. Not a test:
 * <pre>
 * java -cp CORE_TEST_CLASSPATH org.knead.store.bench.ImportBench STORE_URI FROM TO FILE [PUBLISH]
 * </pre>
 * With {@code FILE} {@code -} it imports nothing and publishes {@code PUBLISH} of the items {@code FROM..TO}
 * imported before (drafts whose second revision is not published yet): the publish latency on a store of that
 * size alone.
 */
public final class ImportBench {

    private static final Actor OPERATOR = new Actor("bench", Set.of(Role.ADMIN), "command line");
    private static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    private static final Actor BEN = Actor.of("ben", Role.EDITOR);
    static final String PREFIX = "imp-symptom-";

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        int from = Integer.parseInt(args[1]);
        int to = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        int publish = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        boolean importing = !args[3].equals("-");
        if (importing) {
            long g0 = System.nanoTime();
            writeExport(file, from, to);
            System.out.printf(Locale.ROOT, "  wrote %s (%d items, %.0f MB) in %.1f s%n", file, to - from,
                    Files.size(file) / 1e6, (System.nanoTime() - g0) / 1e9);
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CoreTestApplication.class)
                .properties("knead.store.uri=" + uri, "knead.core.import-reference=false",
                        "knead.core.first-start=false", "spring.main.banner-mode=off", "logging.level.root=warn")
                .run()) {
            if (!importing) {
                System.out.println("RESULT " + publishSample(ctx, from, Math.min(to, from + publish)));
                return;
            }
            ContentTransfer transfer = ctx.getBean(ContentTransfer.class);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = transfer.importFrom(in, OPERATOR, false);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            if (report.isRefused() || report.imported() != to - from) {
                System.out.println(report.format());
                throw new IllegalStateException("the import did not bring in every item: " + report.summary());
            }
            String importResult = String.format(Locale.ROOT, "import of %d items (%d revisions): %.1f s = %.0f items/s, "
                    + "importer CPU %.2f ms per item", report.imported(), report.revisions(), seconds,
                    report.imported() / seconds, cpuMs / report.imported());
            System.out.println("  " + importResult);
            System.out.println("IMPORTED " + System.currentTimeMillis());
            String publishResult = publishSample(ctx, from, Math.min(to, from + publish));
            System.out.println("RESULT " + importResult + "; " + publishResult);
        }
    }

    /** Publishes imported items {@code from..to-1} through the workflow; answers the latency summary. */
    private static String publishSample(ConfigurableApplicationContext ctx, int from, int to) throws Exception {
        ReviewService review = ctx.getBean(ReviewService.class);
        PublishingService publishing = ctx.getBean(PublishingService.class);
        long[] nanos = new long[to - from];
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    ContentRef ref = ScaleLoad.item(PREFIX, i).ref();
                    review.submit(ref, 2, ANNA);
                    review.approve(ref, 2, "ok", BEN);
                    long t0 = System.nanoTime();
                    publishing.publish(ref, 2, BEN);
                    nanos[i - from] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "publish of %d of them (4 threads): p50 %.1f ms p99 %.1f ms max %.1f ms",
                nanos.length, pct(nanos, 0.5), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    /** An export file of generated items, each with two revisions, the second published where it came from. */
    static void writeExport(Path file, int from, int to) throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<ContentExport.ItemExport> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Content second = ScaleLoad.item(PREFIX, i);
            Content first = Content.builder(second.type(), second.slug()).title(second.title())
                    .summary("A first draft.").build();
            ContentRef ref = second.ref();
            Revision r1 = revision(ref, 1, first, at, RevisionState.SUPERSEDED);
            Revision r2 = revision(ref, 2, second, at.plusSeconds(60), RevisionState.PUBLISHED);
            Item item = new Item(ref.id(), ref.type(), ref.slug(), second.title(), 2, "carol", r2.createdAt(),
                    RevisionState.PUBLISHED, 2, r2.createdAt(), ItemStatus.ACTIVE, null, null, false, false, at,
                    "carol", null, null, List.of());
            items.add(new ContentExport.ItemExport(item, List.of(r1, r2)));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            json.writeValue(out, new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, at, items));
        }
    }

    private static Revision revision(ContentRef ref, int n, Content c, Instant at, RevisionState state) {
        return new Revision(Revision.idOf(ref.id(), n), ref.id(), ref.type(), ref.slug(), n, c, ContentHash.of(c),
                "carol", at, "generated", n == 1 ? null : n - 1, null, state, List.of(), null);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
