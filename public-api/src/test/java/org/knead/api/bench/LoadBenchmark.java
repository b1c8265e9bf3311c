package org.knead.api.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knead.PublicApiApplication;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedItem;
import org.knead.search.SearchRequest;
import org.knead.search.SearchService;
import org.knead.store.EmbeddedStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The public API's load benchmark: fills an embedded store with generated published items (100k by
 * default), starts the public API on it, measures the search module in process, then drives the
 * API over HTTP with wrk (item reads, one hot and random ones, and searches with unique queries).
 * Run it with {@code public-api/bench/run.sh [items] [seconds]}; it prints a Markdown table.
 */
public final class LoadBenchmark {

    static final String[] WORDS = {"neck", "shoulder", "back", "knots", "stiff", "tension", "pain", "massage",
            "stretch", "posture", "desk", "pillow", "heat", "cold", "pressure", "gentle", "deep", "tissue", "trigger",
            "point", "muscle", "relief", "upper", "lower", "ache", "sore", "tight", "release", "kneading", "rolling",
            "thumb", "palm", "circular", "strokes", "breathing", "relax", "spine", "blade", "headache", "morning"};
    static final ContentType[] TYPES = {ContentType.TECHNIQUE, ContentType.TECHNIQUE, ContentType.TECHNIQUE,
            ContentType.SYMPTOM, ContentType.CAUSE, ContentType.SELF_CARE};

    /** Filler words, so that a domain word is in a few percent of the items, not in nearly all. */
    static final String[] FILLER = filler(3000);

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Path work = Files.createTempDirectory("knead-bench");
        List<String> report = new ArrayList<>();
        report.add("| measurement | throughput (req/s) | p50 | p99 |");
        report.add("|---|---|---|---|");

        try (EmbeddedStore store = EmbeddedStore.startInMemory("127.0.0.1", 0)) {
            long t0 = System.nanoTime();
            List<String> slugs = generate(store.connectionString(), items);
            log("Generated %,d published items in %.1f s", items, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(PublicApiApplication.class).run(
                    "--server.port=0", "--knead.store.uri=" + store.connectionString() + "/knead",
                    "--knead.search.index-dir=" + work.resolve("index"), "--knead.api.rate-limit.enabled=false",
                    // few batches: PublishedContent.forEach re-sorts the whole collection per batch on the embedded store,
                    // and a reply must stay under 48 MB
                    "--knead.search.build-batch-size=30000", "--knead.search.answer-cache-size=0",
                    "--logging.level.root=warn", "--spring.main.banner-mode=off");
            SearchService search = app.getBean(SearchService.class);
            app.getBean(org.knead.seed.ReferenceImport.class).importAll(); // the real content, next to the generated
            long seq = app.getBean(PublicationLog.class).lastSequence();
            search.awaitSequence(seq, Duration.ofMinutes(10));
            while (!search.isReady()) {
                Thread.sleep(100);
            }
            log("Public API up with its index built in %.1f s", (System.nanoTime() - t0) / 1e9);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            warmUpInProcess(search);
            for (int threads : new int[] {2, 8}) {
                double inProcess = inProcessSearch(search, seconds, threads);
                report.add(String.format(Locale.ROOT, "| search, in process (SearchService, %d threads) | %,.0f | | |",
                        threads, inProcess));
            }

            Path scripts = work.resolve("lua");
            Files.createDirectories(scripts);
            Path randomItems = scripts.resolve("items.lua");
            Files.writeString(randomItems, itemsScript(slugs));
            Path queries = scripts.resolve("search.lua");
            Files.writeString(queries, searchScript());
            String base = "http://127.0.0.1:" + port;

            probe(base + "/api/v1/techniques/swedish-massage");
            probe(base + "/api/v1/" + slugs.get(0));
            probe(base + "/api/v1/search?q=neck+knots+123");
            wrk(base + "/api/v1/techniques/swedish-massage", null, 5, connections); // warm-up
            for (int c : new int[] {connections, 8}) {
                report.add(row("item read, one hot item (GET /api/v1/techniques/swedish-massage), " + c + " connections",
                        wrk(base + "/api/v1/techniques/swedish-massage", null, seconds, c)));
                report.add(row("item read, random among " + slugs.size() + " generated items, " + c + " connections",
                        wrk(base, randomItems, seconds, c)));
            }
            app.getBean(org.knead.api.web.AnswerCache.class).setEnabled(false); // every search reaches the index
            wrk(base, queries, 5, connections); // warm-up
            report.add(row("search over HTTP, random two-word queries, answer cache off, " + connections + " connections",
                    wrk(base, queries, seconds, connections)));
            app.close();
        }
        String table = String.join("\n", report);
        System.out.println();
        System.out.println("Knead public API load benchmark: " + items + " items, " + seconds + " s per run, wrk -t2 -c"
                + connections + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + Instant.now());
        System.out.println(table);
    }

    /** Writes {@code count} published items (and their publication log entries) straight into the store. */
    static List<String> generate(String uri, int count) {
        return insert(uri, contents(count));
    }

    /** {@code count} generated items, always the same for the same count (fixed seed). */
    static List<Content> contents(int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<Content> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ContentType type = TYPES[i % TYPES.length];
            String slug = "gen-" + type.key() + "-" + i;
            Content.Builder b = Content.builder(type, slug).title(title(random) + " " + i)
                    .summary(sentence(random, 14)).body(paragraph(random));
            if (type == ContentType.TECHNIQUE) {
                b.pressure(Pressure.values()[random.nextInt(4)])
                        .bodyAreas(List.of(BodyArea.values()[random.nextInt(4)]))
                        .aliases(List.of(WORDS[random.nextInt(WORDS.length)] + " work"));
            }
            out.add(b.build());
        }
        return out;
    }

    /** Inserts {@code contents} as published items straight into the store; answers their API paths. */
    static List<String> insert(String uri, List<Content> contents) {
        List<String> slugs = new ArrayList<>();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "knead");
            List<PublishedItem> batch = new ArrayList<>();
            Instant now = Instant.now();
            for (Content c : contents) {
                batch.add(PublishedItem.of(c, 1, now, "bench", null, false));
                slugs.add(c.type().plural() + "/" + c.slug());
                if (batch.size() == 1000) {
                    mongo.insert(batch, PublishedItem.class);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                mongo.insert(batch, PublishedItem.class);
            }
        }
        return slugs;
    }

    static String[] filler(int n) {
        SplittableRandom r = new SplittableRandom(3);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int len = 4 + r.nextInt(6);
            for (int j = 0; j < len; j++) {
                w.append((char) ('a' + r.nextInt(26)));
            }
            words[i] = w.toString();
        }
        return words;
    }

    static String word(SplittableRandom r) {
        return r.nextInt(10) < 2 ? WORDS[r.nextInt(WORDS.length)] : FILLER[r.nextInt(FILLER.length)];
    }

    static String title(SplittableRandom r) {
        String a = WORDS[r.nextInt(WORDS.length)];
        String b = WORDS[r.nextInt(WORDS.length)];
        return Character.toUpperCase(a.charAt(0)) + a.substring(1) + " " + b;
    }

    static String sentence(SplittableRandom r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(word(r));
        }
        return sb.append('.').toString();
    }

    static String paragraph(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("## How it helps\n\n");
        for (int i = 0; i < 5; i++) {
            sb.append(sentence(r, 12)).append(' ');
        }
        return sb.toString();
    }

    static String query(SplittableRandom r) {
        return WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)];
    }

    static void warmUpInProcess(SearchService search) {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            search.search(new SearchRequest(query(r), Set.of(), null, null, 0, 20));
        }
    }

    /** Searches per second of the search module itself, with the same kind of queries as over HTTP. */
    static double inProcessSearch(SearchService search, int seconds, int threads) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread w = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                while (System.nanoTime() < end) {
                    search.search(new SearchRequest(query(r), Set.of(), null, null, 0, 20));
                    done.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        long start = System.nanoTime();
        for (Thread w : workers) {
            w.join();
        }
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        log("In process: %,.0f searches/s", rate);
        return rate;
    }

    static String itemsScript(List<String> slugs) {
        StringBuilder sb = new StringBuilder("local paths = {");
        for (String s : slugs) {
            sb.append("\"/api/v1/").append(s).append("\",");
        }
        sb.append("}\nmath.randomseed(1)\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n");
        return sb.toString();
    }

    static String searchScript() {
        StringBuilder sb = new StringBuilder("local words = {");
        for (String w : WORDS) {
            sb.append('"').append(w).append("\",");
        }
        sb.append("}\nmath.randomseed(2)\nrequest = function()\n"
                + "  local q = words[math.random(#words)] .. \"+\" .. words[math.random(#words)]\n"
                + "  return wrk.format(\"GET\", \"/api/v1/search?q=\" .. q)\nend\n");
        return sb.toString();
    }

    record WrkResult(double requestsPerSecond, String p50, String p99, long non2xx, String raw) {
    }

    static WrkResult wrk(String url, Path script, int seconds, int connections) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            cmd.add("-s");
            cmd.add(script.toString());
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        log("%s\n%s", String.join(" ", cmd), out);
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)", "0"));
        long non2xx = Long.parseLong(find(out, "Non-2xx or 3xx responses:\\s+(\\d+)", "0"));
        return new WrkResult(rps, find(out, "\\s50%\\s+(\\S+)", "?"), find(out, "\\s99%\\s+(\\S+)", "?"), non2xx, out);
    }

    static void probe(String url) throws IOException, InterruptedException {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        log("probe %s -> %d %s", url, r.statusCode(), body.substring(0, Math.min(200, body.length())));
    }

    static String row(String what, WrkResult r) {
        return String.format(Locale.ROOT, "| %s | %,.0f%s | %s | %s |", what, r.requestsPerSecond(),
                r.non2xx() > 0 ? " (" + r.non2xx() + " non-2xx)" : "", r.p50(), r.p99());
    }

    static String find(String text, String regex, String fallback) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : fallback;
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
