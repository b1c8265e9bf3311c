package org.knead.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.knead.PublicApiApplication;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublishedItem;
import org.knead.revision.Revision;
import org.knead.store.EmbeddedStore;
import org.knead.store.EmbeddedStoreMain;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The crash test (issue 11 part 7): kill -9 of the embedded store and of the public API, again and
 * again, while writers save revisions and publish them through the core services; then everything
 * restarts and the checks run:
 * <ul>
 * <li>every acknowledged save is in the store, with the same content hash;</li>
 * <li>every acknowledged publish is reflected: the item's public copy is at that revision or a later
 * one (a later publish whose answer a kill cut off may or may not have been kept), with that
 * revision's content;</li>
 * <li>the publication log is numbered 1..max without a gap, and every sequence a publish was
 * acknowledged under still holds that publish (no reuse);</li>
 * <li>the public API agrees with the store's published content: each type's list, and a search for
 * each item's published title (polled for up to 10 s while the API's followers catch up).</li>
 * </ul>
 * The store runs as a child JVM ({@link EmbeddedStoreMain}) on a temporary data folder and a free
 * port; the public API as another ({@link PublicApiApplication}, same classpath), on a free port with
 * its index in the temporary folder; the writers in this JVM. Prints "acknowledged N, lost L".
 *
 * <p>{@code ./knead crashtest [STORE_KILLS] [API_KILLS]}; main arguments: store kills, API kills,
 * items (16), writer threads (2), folder to keep the data and logs in (default: a temporary one,
 * deleted after a passing run).
 */
public final class CrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"amber", "birch", "cobalt", "dahlia", "ember", "fjord", "garnet",
            "hazel", "indigo", "juniper", "kelp", "lilac", "maple", "nutmeg", "onyx", "pepper", "quartz",
            "russet", "saffron", "thistle", "umber", "violet", "willow", "yarrow"};

    /** What to run. */
    public record Settings(int storeKills, int apiKills, int items, int writers, Path folder, long seed) {
        public Settings {
            if (items < 1 || items > WORDS.length) {
                throw new IllegalArgumentException("items: 1 to " + WORDS.length);
            }
        }
    }

    /** What came out. */
    public record Result(int acknowledgedSaves, int acknowledgedPublishes, int lost, int storeKills, int apiKills,
            int failedAttempts, List<String> problems, Duration took) {
        public int acknowledged() {
            return acknowledgedSaves + acknowledgedPublishes;
        }

        public boolean passed() {
            return lost == 0 && problems.isEmpty();
        }

        public String summary() {
            return "acknowledged " + acknowledged() + ", lost " + lost;
        }
    }

    private record AckedPublish(String itemId, int number, AtomicReference<Long> sequence) {
    }

    /** One item of the workload, owned by one writer. */
    private static final class ItemState {
        final ContentRef ref;
        final String word;
        volatile int lastSaved;
        volatile int lastPublished;
        int edits;

        ItemState(ContentRef ref, String word) {
            this.ref = ref;
            this.word = word;
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<CrashWorkload.Saved> saves = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AckedPublish> publishes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");
    private final List<ItemState> items = new ArrayList<>();
    private volatile boolean writing = true;

    private ChildJvm store;
    private ChildJvm api;
    private int storePort;
    private int apiPort;

    public CrashTest(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        int storeKills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int apiKills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path folder = args.length > 4 ? Path.of(args[4]) : null;
        Result result = new CrashTest(new Settings(storeKills, apiKills, items, writers, folder,
                System.currentTimeMillis())).run();
        System.exit(result.passed() ? 0 : 1);
    }

    public Result run() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(settings.seed());
        boolean temporary = settings.folder() == null;
        Path folder = temporary ? Files.createTempDirectory("knead-crashtest") : settings.folder();
        Files.createDirectories(folder);
        say("crash test: " + settings.storeKills() + " store kills, " + settings.apiKills() + " API kills, "
                + settings.items() + " items, " + settings.writers() + " writers, seed " + settings.seed()
                + ", folder " + folder);
        storePort = freePort();
        apiPort = freePort();
        store = storeJvm(folder);
        api = apiJvm(folder);
        Thread killChildren = new Thread(() -> { // Ctrl-C: no child JVM is left behind
            api.destroy();
            store.destroy();
        }, "crash-test-children");
        Runtime.getRuntime().addShutdownHook(killChildren);
        Result result;
        ConfigurableApplicationContext writerContext = null;
        List<Thread> writerThreads = new ArrayList<>();
        int storeKills = 0;
        int apiKills = 0;
        try {
            startStore();
            String uri = EmbeddedStore.connectionString("127.0.0.1", storePort);
            writerContext = CrashWriterContext.start(uri);
            CrashWorkload workload = new CrashWorkload(writerContext);
            api.start();
            awaitApiHealthy(Duration.ofSeconds(120));
            for (int i = 0; i < settings.items(); i++) {
                ContentType type = i % 2 == 0 ? ContentType.TECHNIQUE : ContentType.SYMPTOM;
                items.add(new ItemState(new ContentRef(type, "crash-" + WORDS[i]), WORDS[i]));
            }
            for (int w = 0; w < settings.writers(); w++) {
                List<ItemState> owned = new ArrayList<>();
                for (int i = w; i < items.size(); i += settings.writers()) {
                    owned.add(items.get(i));
                }
                long writerSeed = random.nextLong();
                Thread t = new Thread(() -> write(workload, owned, new Random(writerSeed)), "crash-writer-" + w);
                t.setDaemon(true);
                t.start();
                writerThreads.add(t);
            }

            int rounds = Math.max(settings.storeKills(), settings.apiKills());
            for (int round = 0; round < rounds; round++) {
                if (round < settings.storeKills()) {
                    awaitProgress(5 + random.nextInt(30), Duration.ofSeconds(20));
                    Thread.sleep(random.nextInt(300));
                    store.kill();
                    storeKills++;
                    int before = acks.get();
                    Thread.sleep(200 + random.nextInt(800));
                    startStore();
                    say(String.format("store kill %d/%d: acknowledged %d so far (%d failed attempts)", storeKills,
                            settings.storeKills(), before, failures.get()));
                }
                if (round < settings.apiKills()) {
                    awaitApiHealthy(Duration.ofSeconds(120));
                    awaitProgress(5 + random.nextInt(20), Duration.ofSeconds(20));
                    Thread.sleep(random.nextInt(500));
                    api.kill();
                    apiKills++;
                    api.start();
                    say(String.format("API kill %d/%d: acknowledged %d so far", apiKills, settings.apiKills(),
                            acks.get()));
                }
            }
            awaitProgress(10, Duration.ofSeconds(20));
            // a last kill of both right in the stream of writes, then the writers stop
            store.kill();
            api.kill();
            writing = false;
            startStore();
            api.start();
            for (Thread t : writerThreads) { // a writer may still be asking for the sequence of its last publish
                t.join(Duration.ofSeconds(30).toMillis());
            }
            awaitApiHealthy(Duration.ofSeconds(120));
            // what the console does when it starts: finish publishes and withdrawals a kill cut short
            // (never acknowledged, but half done: a public copy written, its log entry not yet)
            say("everything restarted; repair (as the console does at start): "
                    + writerContext.getBean(org.knead.publication.PublicationRepair.class).repair());
            say("checking");
            if (Boolean.getBoolean("knead.crashtest.sabotage")) {
                sabotage(writerContext.getBean(org.springframework.data.mongodb.core.MongoTemplate.class));
            }
            result = check(workload, storeKills, apiKills, started);
        } catch (Exception | AssertionError e) {
            writing = false;
            say("crash test could not run: " + e);
            say("store log: " + store.log() + "\n" + store.tail(30));
            say("API log: " + api.log() + "\n" + api.tail(30));
            throw e;
        } finally {
            writing = false;
            if (writerContext != null) {
                writerContext.close();
            }
            api.kill();
            store.kill();
            Runtime.getRuntime().removeShutdownHook(killChildren);
        }
        say(result.summary());
        if (!result.passed()) {
            result.problems().forEach(p -> say("  " + p));
            say("data and logs kept in " + folder);
        } else if (temporary) {
            deleteQuietly(folder);
        }
        return result;
    }

    // ------------------------------------------------------------------ the writers

    private void write(CrashWorkload workload, List<ItemState> owned, Random random) {
        while (writing) {
            ItemState item = owned.get(random.nextInt(owned.size()));
            try {
                if (item.lastSaved > item.lastPublished && random.nextInt(3) == 0) {
                    int number = item.lastSaved;
                    workload.approveAndPublish(item.ref, number);
                    AckedPublish p = new AckedPublish(item.ref.id(), number, new AtomicReference<>());
                    publishes.add(p);
                    acks.incrementAndGet();
                    item.lastPublished = number;
                    p.sequence().set(sequenceOf(workload, item.ref.id(), number));
                } else {
                    item.edits++;
                    CrashWorkload.Saved saved = workload.saveRevision(content(item));
                    saves.add(saved);
                    acks.incrementAndGet();
                    item.lastSaved = saved.number();
                }
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                lastFailure.set(e.toString());
                pause(100);
            }
        }
    }

    /** The log sequence of an acknowledged publish: asked until the store answers; -1 when there is none. */
    private long sequenceOf(CrashWorkload workload, String itemId, int number) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                OptionalLong s = workload.publishSequence(itemId, number);
                return s.isPresent() ? s.getAsLong() : -1;
            } catch (RuntimeException storeDown) {
                if (System.nanoTime() > deadline) {
                    return 0; // unknown: looked up again in the checks
                }
                pause(200);
            }
        }
    }

    private static Content content(ItemState item) {
        String title = "Crash " + item.word + " edit " + item.edits;
        Content.Builder b = Content.builder(item.ref.type(), item.ref.slug()).title(title)
                .summary("Edit " + item.edits + " of the " + item.word + " item, written by the crash test.")
                .body("## " + item.word + "\n\nEdit " + item.edits + ".");
        if (item.ref.type() == ContentType.TECHNIQUE) {
            b.pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK));
        }
        return b.build();
    }

    // ------------------------------------------------------------------ the checks

    private Result check(CrashWorkload workload, int storeKills, int apiKills, long started) {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        Map<String, ContentRef> refs = new HashMap<>();
        items.forEach(i -> refs.put(i.ref.id(), i.ref));

        // 1. every acknowledged save, with its content
        for (CrashWorkload.Saved s : saves) {
            Optional<Revision> r = workload.revision(refs.get(s.itemId()), s.number());
            if (r.isEmpty()) {
                lost++;
                problems.add("lost save: " + s.itemId() + " revision " + s.number() + " is not in the store");
            } else if (!s.contentHash().equals(r.get().contentHash())
                    || !s.contentHash().equals(ContentHash.of(r.get().content()))) {
                lost++;
                problems.add("changed save: " + s.itemId() + " revision " + s.number() + " has another content");
            }
        }

        // 2. every acknowledged publish is reflected in the public copy
        Map<String, Integer> lastAckedPublish = new HashMap<>();
        for (AckedPublish p : publishes) {
            lastAckedPublish.merge(p.itemId(), p.number(), Math::max);
        }
        for (Map.Entry<String, Integer> e : lastAckedPublish.entrySet()) {
            ContentRef ref = refs.get(e.getKey());
            Optional<PublishedItem> copy = workload.publishedCopy(ref);
            if (copy.isEmpty()) {
                lost++;
                problems.add("lost publish: " + ref.id() + " revision " + e.getValue() + " was published, and "
                        + "nothing of it is public");
                continue;
            }
            PublishedItem c = copy.get();
            Optional<Revision> r = workload.revision(ref, c.revision());
            if (c.revision() < e.getValue()) {
                lost++;
                problems.add("lost publish: " + ref.id() + " revision " + e.getValue() + " was published, the "
                        + "public copy is at revision " + c.revision());
            } else if (r.isEmpty() || !r.get().contentHash().equals(c.contentHash())
                    || !c.contentHash().equals(ContentHash.of(c.content()))) {
                lost++;
                problems.add("wrong public copy: " + ref.id() + " revision " + c.revision()
                        + " does not hold that revision's content");
            }
        }

        // 3. the log: 1..max, and every acknowledged sequence still holds its publish
        List<PublicationEntry> log = workload.log();
        Map<Long, PublicationEntry> bySequence = new HashMap<>();
        log.forEach(e -> bySequence.put(e.sequence(), e));
        long max = log.isEmpty() ? 0 : log.get(log.size() - 1).sequence();
        List<Long> gaps = new ArrayList<>();
        for (long s = 1; s <= max; s++) {
            if (!bySequence.containsKey(s)) {
                gaps.add(s);
            }
        }
        if (!gaps.isEmpty() || log.size() != max) {
            problems.add("the publication log has " + log.size() + " entries up to " + max + "; missing: "
                    + gaps.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")));
        }
        Map<Long, AckedPublish> claimed = new HashMap<>();
        for (AckedPublish p : publishes) {
            Long s = p.sequence().get();
            if (s == null || s == 0) {
                s = workload.publishSequence(p.itemId(), p.number()).orElse(-1);
            }
            if (s < 0) {
                lost++;
                problems.add("lost log entry: the acknowledged publish of " + p.itemId() + " revision " + p.number()
                        + " has no entry in the publication log");
                continue;
            }
            AckedPublish other = claimed.put(s, p);
            PublicationEntry e = bySequence.get(s);
            if (other != null) {
                problems.add("reused sequence " + s + ": " + other.itemId() + " r" + other.number() + " and "
                        + p.itemId() + " r" + p.number());
            }
            if (e == null || e.action() != PublicationAction.PUBLISHED || !e.itemId().equals(p.itemId())
                    || e.revision() == null || e.revision() != p.number()) {
                lost++;
                problems.add("reused sequence " + s + ": acknowledged for " + p.itemId() + " revision " + p.number()
                        + ", now " + (e == null ? "missing" : e.itemId() + " " + e.action() + " " + e.revision()));
            }
        }
        // the last entry of each crash item agrees with its public copy
        Map<String, PublicationEntry> lastEntry = new HashMap<>();
        log.forEach(e -> lastEntry.put(e.itemId(), e));
        List<PublishedItem> allPublished = workload.allPublished();
        Map<String, PublishedItem> publishedById = new HashMap<>();
        allPublished.forEach(p -> publishedById.put(p.id(), p));
        for (ItemState item : items) {
            PublicationEntry e = lastEntry.get(item.ref.id());
            PublishedItem p = publishedById.get(item.ref.id());
            Integer logged = e == null || e.action() != PublicationAction.PUBLISHED ? null : e.revision();
            Integer copy = p == null ? null : p.revision();
            if (!java.util.Objects.equals(logged, copy)) {
                problems.add("log and public copy disagree on " + item.ref.id() + ": the log says " + logged
                        + ", the public copy " + copy);
            }
        }

        // 4. the public API agrees with the store (its followers may take a moment after a restart)
        List<String> apiProblems = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            try {
                apiProblems = checkApi(allPublished);
            } catch (RuntimeException e) {
                apiProblems = List.of("the API did not answer: " + e);
            }
            if (!apiProblems.isEmpty()) {
                pause(250);
            }
        } while (!apiProblems.isEmpty() && System.nanoTime() < deadline);
        problems.addAll(apiProblems);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        say(String.format("saves acknowledged %d, publishes acknowledged %d, log entries %d, failed attempts "
                + "while the store was down %d (last: %s), %d store kills, %d API kills, %d s",
                saves.size(), publishes.size(), log.size(), failures.get(), abbreviate(lastFailure.get()),
                storeKills, apiKills, took.toSeconds()));
        return new Result(saves.size(), publishes.size(), lost, storeKills, apiKills, failures.get(),
                List.copyOf(problems), took);
    }

    /**
     * Only to see the checks fail ({@code -Dknead.crashtest.sabotage=true}): removes one acknowledged
     * revision, one public copy and one log entry behind the services' back, as a lossy store would.
     */
    private void sabotage(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        CrashWorkload.Saved s = saves.peek();
        AckedPublish p = publishes.peek();
        say("sabotage: removing " + (s == null ? "nothing" : s.itemId() + " revision " + s.number())
                + ", the public copy of " + (p == null ? "nothing" : p.itemId()) + " and log entry 1");
        if (s != null) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                            .is(Revision.idOf(s.itemId(), s.number()))), Revision.class);
        }
        if (p != null) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(p.itemId())),
                    PublishedItem.class);
        }
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(1L)), PublicationEntry.class);
    }

    private List<String> checkApi(List<PublishedItem> allPublished) {
        List<String> problems = new ArrayList<>();
        for (ContentType type : Set.of(ContentType.TECHNIQUE, ContentType.SYMPTOM)) {
            Set<String> expected = new TreeSet<>();
            allPublished.stream().filter(p -> p.type() == type).forEach(p -> expected.add(p.slug() + " | " + p.title()));
            Set<String> listed = new TreeSet<>();
            long total = Long.MAX_VALUE;
            for (int page = 0; listed.size() < total && page < 1000; page++) {
                JsonNode answer = apiJson("/api/v1/" + type.plural() + "?size=100&page=" + page);
                total = answer.path("total").asLong();
                JsonNode list = answer.path("items");
                if (list.isEmpty()) {
                    break;
                }
                list.forEach(n -> listed.add(n.path("slug").asText() + " | " + n.path("title").asText()));
            }
            if (!listed.equals(expected)) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(listed);
                Set<String> extra = new TreeSet<>(listed);
                extra.removeAll(expected);
                problems.add("/api/v1/" + type.plural() + " disagrees with the store: missing " + missing
                        + ", not published " + extra);
            }
        }
        Map<String, PublishedItem> byId = new HashMap<>();
        allPublished.forEach(p -> byId.put(p.id(), p));
        for (ItemState item : items) {
            PublishedItem p = byId.get(item.ref.id());
            String query = p != null ? p.title() : "Crash " + item.word;
            JsonNode answer = apiJson("/api/v1/search?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            List<String> titles = new ArrayList<>();
            answer.path("items").forEach(h -> {
                if (h.path("slug").asText().equals(item.ref.slug()) && h.path("type").asText().equals(item.ref.type().key())) {
                    titles.add(h.path("title").asText());
                }
            });
            if (p != null && !titles.equals(List.of(p.title()))) {
                problems.add("search for '" + query + "' finds " + item.ref.id() + " as " + titles
                        + ", the store publishes it as '" + p.title() + "'");
            } else if (p == null && !titles.isEmpty()) {
                problems.add("search for '" + query + "' finds " + item.ref.id() + ", which is not published");
            }
        }
        return problems;
    }

    private JsonNode apiJson(String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                    + pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": "
                        + abbreviate(r.body()));
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the child processes

    private ChildJvm storeJvm(Path folder) throws IOException {
        return new ChildJvm("store", folder.resolve("store.log"),
                org.knead.testing.StoreProcess.arguments(folder, folder.resolve("data"), storePort), Map.of());
    }

    private ChildJvm apiJvm(Path folder) {
        String uri = EmbeddedStore.connectionString("127.0.0.1", storePort);
        return new ChildJvm("api", folder.resolve("api.log"), List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PublicApiApplication.class.getName(),
                "--server.port=" + apiPort,
                "--knead.store.uri=" + uri,
                "--knead.search.index-dir=" + folder.resolve("index"),
                "--knead.api.rate-limit.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.org.mongodb.driver=ERROR"),
                Map.of("MONGODB_URI", uri));
    }

    private void startStore() throws Exception {
        store.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!store.alive()) {
                throw new IllegalStateException("the store stopped while starting:\n" + store.tail(30));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", storePort), 200);
                return;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        throw new IllegalStateException("the store did not listen within 60 s:\n" + store.tail(30));
    }

    private void awaitApiHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!api.alive()) { // e.g. it started while the store was down, and gave up
                say("the API stopped by itself; starting it again");
                api.start();
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the API was not healthy within " + timeout.toSeconds() + " s (" + last
                + "):\n" + api.tail(40));
    }

    private void awaitProgress(int moreAcks, Duration timeout) throws InterruptedException {
        int target = acks.get() + moreAcks;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (acks.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A JVM of this classpath, started again and again, killed with SIGKILL, its output appended to a log. */
    static final class ChildJvm {
        private final String name;
        private final Path log;
        private final List<String> args;
        private final Map<String, String> env;
        private volatile Process process;

        ChildJvm(String name, Path log, List<String> args, Map<String, String> env) {
            this.name = name;
            this.log = log;
            this.args = args;
            this.env = env;
        }

        synchronized void start() throws IOException {
            if (alive()) {
                throw new IllegalStateException(name + " is running");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(args);
            Files.writeString(log, "\n=== start " + java.time.Instant.now() + " ===\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            process = pb.start();
        }

        synchronized boolean alive() {
            return process != null && process.isAlive();
        }

        /** kill -9, and wait until it is gone. */
        synchronized void kill() throws InterruptedException {
            if (process != null) {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        /** kill -9 without waiting (from a shutdown hook, where no lock may be waited for). */
        void destroy() {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }

        Path log() {
            return log;
        }

        String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder
        }
    }
}
