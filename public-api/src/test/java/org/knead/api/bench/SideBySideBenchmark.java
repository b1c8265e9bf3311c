package org.knead.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.knead.PublicApiApplication;
import org.knead.content.Content;
import org.knead.seed.ReferenceContent;
import org.knead.store.EmbeddedStore;
import org.knead.testing.StoreProcess;

/**
 * Knead's search and item reads over HTTP side by side with plain Lucene over HTTP (issue 15 part 3).
 *
 * <p>Three processes besides this one: the embedded store (its own process, on disk), Knead's public
 * API (its real configuration, rate limit on but set high enough never to refuse, the search answer cache off so that every search reaches the
 * index), and {@link PlainLuceneServer} over the same documents (reference content plus generated
 * items). wrk runs with one thread, pinned to the second core when {@code taskset} is there (as in issue
 * 15's measurement; the servers may use both cores). For each repetition, each kind (search, item
 * read) and each connection count, the plain server and Knead are measured one after the other
 * (interleaved); the table shows the median of the repetitions and the ratio Knead / plain, and each
 * server's CPU time per request (its process's CPU time over the run, all threads, divided by the requests
 * answered): the work a request costs, which does not depend on how wrk and the servers share the cores.
 * Measuring starts once every server has been idle for 30 s after its start (Knead's API merges a new index
 * into one segment in the background 20-30 s after it is up), after a warm-up of {@code KNEAD_BENCH_WARMUP}
 * seconds per server and kind at 32 connections (default: the run length, at least 5 s).
 *
 * <p>Searches: the query set of {@code search/src/test/resources/eval} plus generated two-word queries,
 * picked at random per request; Knead is asked for the same 10 hits the plain server answers
 * ({@code size=10}). Item reads: random among all items.
 *
 * <p>{@code public-api/bench/search-side-by-side.sh [items=10000] [seconds=10] [repetitions=3]}; the
 * ports are 28120-28123 unless {@code KNEAD_BENCH_PORT} names another base; {@code KNEAD_BENCH_JFR=FILE}
 * records a flight recording of Knead's API; {@code KNEAD_BENCH_BASELINE=CLASSPATH} measures another build
 * of the API (e.g. the classes of the previous commit) in the same run, as a third server, and prints Knead / baseline
 * within each repetition and their median; {@code KNEAD_BENCH_KINDS=search} measures searches only;
 * {@code KNEAD_BENCH_API_ARGS="--name=value ..."} adds arguments to Knead's API, {@code KNEAD_BENCH_BASELINE_ARGS}
 * to the baseline's.
 */
public final class SideBySideBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] CONNECTIONS = {8, 32};

    private SideBySideBenchmark() {
    }

    record Run(String kind, String server, int connections, double rps, double p99ms, long errors, double cpuMs) {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int base = Integer.parseInt(System.getenv().getOrDefault("KNEAD_BENCH_PORT", "28120"));
        int storePort = base;
        int apiPort = base + 1;
        int plainPort = base + 2;
        boolean pin = Files.isExecutable(Path.of("/usr/bin/taskset")) && Runtime.getRuntime().availableProcessors() >= 2;
        Path work = Files.createTempDirectory("knead-side-by-side");
        List<Process> children = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(Process::destroy)));
        try {
            children.add(start("store", work, StoreProcess.arguments(work, work.resolve("data"), storePort)));
            String uri = EmbeddedStore.connectionString("127.0.0.1", storePort);
            awaitPort(storePort);
            long t0 = System.nanoTime();
            List<Content> corpus = new ArrayList<>(ReferenceContent.load());
            corpus.addAll(LoadBenchmark.contents(items));
            List<String> paths = LoadBenchmark.insert(uri + "/knead", corpus);
            Path corpusFile = work.resolve("corpus.jsonl");
            writeCorpus(corpus, paths, corpusFile);
            log("%,d items in the store in %.1f s", corpus.size(), (System.nanoTime() - t0) / 1e9);

            // the servers measured, in the order each round measures them: name -> base URL, and their processes
            Map<String, String> servers = new LinkedHashMap<>();
            Map<String, Process> processes = new LinkedHashMap<>();
            servers.put("plain", "http://127.0.0.1:" + plainPort);
            servers.put("knead", "http://127.0.0.1:" + apiPort);
            children.add(start("plain", work, List.of("-Xmx1g", "-Dsun.net.httpserver.nodelay=true", "-cp",
                    System.getProperty("java.class.path"), PlainLuceneServer.class.getName(), String.valueOf(plainPort),
                    corpusFile.toString())));
            children.add(start("knead", work, api(System.getProperty("java.class.path"), apiPort, uri,
                    work.resolve("index"), System.getenv("KNEAD_BENCH_JFR"), System.getenv("KNEAD_BENCH_API_ARGS"))));
            String baseline = System.getenv("KNEAD_BENCH_BASELINE");
            if (baseline != null && !baseline.isBlank()) { // another build of the API (its classpath), measured alike
                servers.put("baseline", "http://127.0.0.1:" + (base + 3));
                children.add(start("baseline", work, api(baseline, base + 3, uri, work.resolve("baseline-index"), null,
                        System.getenv("KNEAD_BENCH_BASELINE_ARGS"))));
            }
            processes.put("plain", children.get(1));
            processes.put("knead", children.get(2));
            if (servers.containsKey("baseline")) {
                processes.put("baseline", children.get(3));
            }
            awaitUp(servers.get("plain") + "/health", children.get(1), Duration.ofMinutes(2));
            awaitUp(servers.get("knead") + "/actuator/health", children.get(2), Duration.ofMinutes(5));
            if (servers.containsKey("baseline")) {
                awaitUp(servers.get("baseline") + "/actuator/health", children.get(3), Duration.ofMinutes(5));
            }
            log("servers up: %s", servers);

            List<String> queries = queries();
            Map<String, Path> scripts = new LinkedHashMap<>();
            scripts.put("search|knead", script(work, "knead-search.lua", queries.stream()
                    .map(q -> "/api/v1/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList()));
            scripts.put("search|plain", script(work, "plain-search.lua", queries.stream()
                    .map(q -> "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList()));
            scripts.put("item|knead", script(work, "knead-items.lua", paths.stream().map(p -> "/api/v1/" + p).toList()));
            scripts.put("item|plain", script(work, "plain-items.lua", paths.stream().map(p -> "/item/" + p).toList()));
            for (Map.Entry<String, String> server : servers.entrySet()) {
                boolean plain = server.getKey().equals("plain");
                probe(server.getValue() + (plain ? "/search?q=stiff+neck" : "/api/v1/search?size=10&q=stiff+neck"));
                probe(server.getValue() + (plain ? "/item/" : "/api/v1/") + paths.get(paths.size() - 1));
            }

            // a server that is still busy after its start (Knead's API merges its new index into one segment in
            // the background) would be measured starting, not serving
            for (Map.Entry<String, Process> p : processes.entrySet()) {
                awaitIdle(p.getKey(), p.getValue(), Duration.ofMinutes(3));
            }
            int warmup = Integer.parseInt(System.getenv().getOrDefault("KNEAD_BENCH_WARMUP", String.valueOf(Math.max(5, seconds))));
            List<Run> runs = new ArrayList<>();
            for (int rep = 1; rep <= reps; rep++) {
                for (String kind : KINDS) {
                    if (rep == 1) { // warm-up: JIT; for item reads also the answer cache, as it is when serving
                        for (Map.Entry<String, String> server : servers.entrySet()) {
                            wrk(pin, server.getValue(), scripts.get(kind + "|" + scriptOf(server.getKey())), warmup, 32);
                        }
                    }
                    for (int c : CONNECTIONS) {
                        for (Map.Entry<String, String> server : servers.entrySet()) {
                            long cpuBefore = cpuNanos(processes.get(server.getKey()));
                            Wrk w = wrk(pin, server.getValue(), scripts.get(kind + "|" + scriptOf(server.getKey())),
                                    seconds, c);
                            // the server's CPU time per answered request: the work a request costs, whoever ran beside it
                            double cpuMs = (cpuNanos(processes.get(server.getKey())) - cpuBefore) / 1e6 / (w.rps() * seconds);
                            Run r = new Run(kind, server.getKey(), c, w.rps(), w.p99ms(), w.errors(), cpuMs);
                            runs.add(r);
                            log("rep %d: %s %s %d connections: %,.0f req/s, p99 %.1f ms, %.2f ms of CPU a request%s", rep,
                                    kind, server.getKey(), c, r.rps(), r.p99ms(), cpuMs,
                                    r.errors() > 0 ? ", " + r.errors() + " errors or non-2xx" : "");
                        }
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Side by side: %,d items, %d queries, %d s per run, %d repetitions (medians),"
                    + " wrk -t1%s, %d cores, load average %.1f at the end, %s%n", corpus.size(), queries.size(), seconds,
                    reps, pin ? " pinned to core 1" : "", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now());
            List<String> measured = servers.keySet().stream().filter(k -> !k.equals("plain")).toList();
            StringBuilder head = new StringBuilder("| | connections | plain Lucene over HTTP |");
            StringBuilder line = new StringBuilder("|---|---|---|");
            for (String k : measured) {
                head.append(' ').append(k.equals("knead") ? "Knead" : "Knead (" + k + ")").append(" | ratio |");
                line.append("---|---|");
            }
            System.out.println(head);
            System.out.println(line);
            for (String kind : KINDS) {
                for (int c : CONNECTIONS) {
                    Run p = median(runs, kind, "plain", c);
                    StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %,.0f req/s, p99 %.1f ms, %.2f ms CPU |",
                            kind.equals("search") ? "search (`/api/v1/search?size=10`)" : "item read (`/api/v1/{type}/{slug}`)",
                            c, p.rps(), p.p99ms(), p.cpuMs()));
                    for (String name : measured) {
                        Run k = median(runs, kind, name, c);
                        row.append(String.format(Locale.ROOT, " %,.0f req/s, p99 %.1f ms, %.2f ms CPU%s | %.2f |", k.rps(),
                                k.p99ms(), k.cpuMs(), k.errors() > 0 ? " (" + k.errors() + " errors)" : "", k.rps() / p.rps()));
                    }
                    System.out.println(row);
                }
            }
            if (servers.containsKey("baseline")) {
                pairedRatios(runs, reps);
            }
        } finally {
            for (Process p : children) {
                p.destroy();
            }
            for (Process p : children) {
                p.waitFor();
            }
        }
    }

    /**
     * Knead against the baseline within each repetition (measured one right after the other, so a change in the
     * machine's load weighs on both), and the median of those ratios: steadier than the ratio of the medians.
     */
    private static void pairedRatios(List<Run> runs, int reps) {
        for (String kind : KINDS) {
            for (int c : CONNECTIONS) {
                double[] ratios = new double[reps];
                StringBuilder each = new StringBuilder();
                for (int rep = 0; rep < reps; rep++) {
                    int index = rep;
                    Run k = runs.stream().filter(r -> r.kind().equals(kind) && r.server().equals("knead") && r.connections() == c)
                            .skip(index).findFirst().orElseThrow();
                    Run b = runs.stream().filter(r -> r.kind().equals(kind) && r.server().equals("baseline") && r.connections() == c)
                            .skip(index).findFirst().orElseThrow();
                    ratios[rep] = k.rps() / b.rps();
                    each.append(String.format(Locale.ROOT, "%s%.2f", rep == 0 ? "" : ", ", ratios[rep]));
                }
                double[] sorted = ratios.clone();
                java.util.Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%s, %d connections: Knead / baseline per repetition %s; median %.2f%n", kind, c,
                        each, sorted[reps / 2]);
            }
        }
    }

    /** What is measured: {@code KNEAD_BENCH_KINDS=search} (or item) measures one kind only. */
    private static final String[] KINDS = System.getenv().getOrDefault("KNEAD_BENCH_KINDS", "search,item").split(",");

    private static String scriptOf(String server) {
        return server.equals("plain") ? "plain" : "knead";
    }

    /** The command line of a public API on {@code classpath}: its own configuration, rate limit never reached. */
    static List<String> api(String classpath, int port, String storeUri, Path index, String jfr) {
        return api(classpath, port, storeUri, index, jfr, "");
    }

    /** As above, with {@code extra} arguments (separated by spaces): JVM options (-D, -X) before the main class, the rest after the benchmark's own. */
    static List<String> api(String classpath, int port, String storeUri, Path index, String jfr, String extra) {
        List<String> api = new ArrayList<>(List.of("-Xmx1g"));
        if (jfr != null && !jfr.isBlank()) {
            // deep enough for a whole request (Tomcat, filters, Spring MVC, Lucene): 64 frames cut off the outer ones
            api.add("-XX:FlightRecorderOptions:stackdepth=256");
            api.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        String[] args = extra == null ? new String[0] : extra.trim().split("\\s+");
        for (String arg : args) {
            if (arg.startsWith("-D") || arg.startsWith("-X")) { // JVM options go before the main class
                api.add(arg);
            }
        }
        // main classes only: the test resources' application.properties would change the API's configuration
        String main = java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("test-classes")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        api.addAll(List.of("-cp", main, PublicApiApplication.class.getName(),
                "--server.port=" + port, "--knead.store.uri=" + storeUri + "/knead", "--knead.search.index-dir=" + index,
                "--knead.api.rate-limit.requests-per-second=1000000000", "--knead.api.rate-limit.burst=1000000000",
                "--knead.search.answer-cache-size=0", "--logging.level.org.mongodb.driver=ERROR"));
        for (String arg : args) {
            if (!arg.isEmpty() && !arg.startsWith("-D") && !arg.startsWith("-X")) {
                api.add(arg);
            }
        }
        return api;
    }

    /** The eval queries of the search module and generated two-word queries. */
    static List<String> queries() throws IOException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String f : new String[] {"search-queries.tsv", "held-out-queries.tsv"}) {
            Path p = Path.of("search/src/test/resources/eval", f);
            if (!Files.exists(p)) {
                p = Path.of("../search/src/test/resources/eval", f);
            }
            for (String line : Files.readAllLines(p)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t")[0]);
                }
            }
        }
        SplittableRandom r = new SplittableRandom(11);
        while (out.size() < 400) {
            out.add(LoadBenchmark.query(r));
        }
        return new ArrayList<>(out);
    }

    static void writeCorpus(List<Content> corpus, List<String> paths, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            Content c = corpus.get(i);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", paths.get(i));
            m.put("type", c.type().key());
            m.put("slug", c.slug());
            m.put("title", c.title());
            m.put("summary", c.summary() == null ? "" : c.summary());
            m.put("body", c.body() == null ? "" : c.body());
            sb.append(JSON.writeValueAsString(m)).append('\n');
        }
        Files.writeString(file, sb);
    }

    static Path script(Path folder, String name, List<String> requests) throws IOException {
        StringBuilder sb = new StringBuilder("local paths = {");
        for (String s : requests) {
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",");
        }
        sb.append("}\nmath.randomseed(1)\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n");
        Path p = folder.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    record Wrk(double rps, double p99ms, long errors) {
    }

    static Wrk wrk(boolean pin, String url, Path script, int seconds, int connections) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (pin) {
            cmd.addAll(List.of("taskset", "-c", "1"));
        }
        cmd.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(),
                url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        double rps = Double.parseDouble(LoadBenchmark.find(out, "Requests/sec:\\s+([0-9.]+)", "0"));
        long errors = Long.parseLong(LoadBenchmark.find(out, "Non-2xx or 3xx responses:\\s+(\\d+)", "0"));
        String socket = LoadBenchmark.find(out, "Socket errors: (.*)", "");
        if (!socket.isEmpty()) {
            log("wrk: socket errors %s", socket);
        }
        return new Wrk(rps, millis(LoadBenchmark.find(out, "\\s99%\\s+(\\S+)", "0ms")), errors);
    }

    /**
     * Waits until {@code process} has used under a tenth of a core in every 2 s for 30 s in a row (Knead's API
     * merges its index once it has taken no change for 10 s), or until {@code timeout} passes.
     */
    static void awaitIdle(String name, Process process, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (System.nanoTime() - start < timeout.toNanos()) {
            long before = cpuNanos(process);
            Thread.sleep(2000);
            quiet = (cpuNanos(process) - before) / 2e9 < 0.1 ? quiet + 1 : 0;
            if (quiet == 15) {
                log("%s idle for 30 s, %.0f s after it answered", name, (System.nanoTime() - start) / 1e9);
                return;
            }
        }
        log("%s still busy after %s: measured anyway", name, timeout);
    }

    /** The CPU time a process has used so far (all its threads: requests, collector, compiler). */
    static long cpuNanos(Process p) {
        return p.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static double millis(String wrkTime) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(wrkTime);
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    static Run median(List<Run> runs, String kind, String server, int connections) {
        List<Run> rs = runs.stream().filter(r -> r.kind().equals(kind) && r.server().equals(server)
                && r.connections() == connections).toList();
        double[] rps = rs.stream().mapToDouble(Run::rps).sorted().toArray();
        double[] p99 = rs.stream().mapToDouble(Run::p99ms).sorted().toArray();
        double[] cpu = rs.stream().mapToDouble(Run::cpuMs).sorted().toArray();
        long errors = rs.stream().mapToLong(Run::errors).sum();
        return new Run(kind, server, connections, rps[rps.length / 2], p99[p99.length / 2], errors, cpu[cpu.length / 2]);
    }

    static Process start(String name, Path folder, List<String> jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(StoreProcess.java());
        cmd.addAll(jvmArgs);
        Path logFile = folder.resolve(name + ".log");
        log("starting %s (log %s)", name, logFile);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    }

    static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nothing listens on " + port);
    }

    static void awaitUp(String url, Process process, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + ": the process exited");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(url + " was not UP within " + timeout);
    }

    static void probe(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        log("probe %s -> %d %s", url, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[side-by-side] " + String.format(Locale.ROOT, format, args));
    }
}
