package org.knead.api.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;
import org.knead.content.BodyArea;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.LogPosition;
import org.knead.publication.PublicationBatch;
import org.knead.publication.PublicationFollower;
import org.knead.publication.PublicationListener;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What is published, held in memory as a graph: a summary of every published item, by type and
 * slug, and its links in both directions. Lists and related items are answered from here, so a
 * request reads at most one document from the store, however large the store is (the embedded
 * store has no secondary indexes: a reverse-link query would scan every item).
 *
 * <p>Read at start-up from its copy kept on disk ({@link GraphSnapshots}), or else from the published
 * collection (when the store is down then, once the follower opens it), then kept in step as a listener of the
 * process's {@link PublicationFollower}, which hands it each item's current public copy. It is fed
 * before the search index, so it is never behind what search has applied; before answering, it still
 * catches up at least to the search index (which, at start-up, may have been built from a newer state
 * of the log), so content and search answers never disagree. When the log is found truncated or
 * rewritten, the follower has it rebuilt; readers keep the old graph until the new one is complete.
 */
@Component
class PublishedGraph implements SmartLifecycle, PublicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedGraph.class);
    /** How often the follower must poll for the graph's sake (the search index asks for more). */
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration CATCH_UP_WAIT = Duration.ofSeconds(2);
    /**
     * How often the graph is written to disk when it moved on (and at shutdown); after a crash the follower
     * brings the kept graph up to date from the log.
     */
    static final Duration KEEP_EVERY = Duration.ofMinutes(5);

    /** One published item: its summary, its filter attributes and its outgoing links. */
    record Node(ContentRef ref, ContentSummary summary, Pressure pressure, List<BodyArea> bodyAreas, List<Edge> out,
            java.time.Instant lastModified) {
    }

    /** A link of {@code relation} (a content field, such as relievesSymptoms) to {@code target}. */
    record Edge(String relation, ContentRef target) {
    }

    /** The graph itself; replaced as a whole by a rebuild. */
    private static final class Graph {
        final Map<String, Node> nodes;
        final Map<ContentType, NavigableMap<String, Node>> byType = new EnumMap<>(ContentType.class);
        final Map<String, Set<String>> incoming;
        /** The relations seen among the edges (a handful of link fields). */
        final Set<String> relations = ConcurrentHashMap.newKeySet();

        Graph() {
            this(16);
        }

        /** A graph sized for {@code expected} items (no rehashing while a kept graph is read). */
        Graph(int expected) {
            nodes = new ConcurrentHashMap<>(Math.max(16, expected));
            incoming = new ConcurrentHashMap<>(Math.max(16, expected));
            for (ContentType t : ContentType.values()) {
                byType.put(t, new ConcurrentSkipListMap<>());
            }
        }
    }

    private final PublishedContent published;
    private final PublicationLog log;
    private final PublicationFollower follower;
    private final SearchService search;
    private volatile Graph graph = new Graph();
    /** Bumped by a rebuild: every stamp handed out before is void. */
    private volatile long generation;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    /** For each item whose detail changed since the graph was built, the number of that change (see {@link #stamp}). */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private volatile LogPosition built = LogPosition.START;
    private volatile long applied = -1;
    private volatile boolean running;
    /** Where the graph stands in the log (with the entry's fingerprint), as kept on disk. */
    private volatile LogPosition position;
    /** The sequence last written to disk. */
    private volatile long written = -1;
    /** Started while the store was down and without a kept graph: read it when the follower opens us. */
    private volatile boolean loadPending;
    private java.util.concurrent.ScheduledExecutorService keeper;
    private final GraphSnapshots snapshots;
    /**
     * The kept graph, read from disk on a thread of its own from the moment this bean is made, while the rest of
     * the application starts; {@link #start} waits for it. Nothing else touches the graph before then.
     */
    private final java.util.concurrent.CompletableFuture<Optional<Kept>> keptRead;

    /** A kept graph as read from disk, and where in the log it stands. */
    private record Kept(Graph graph, LogPosition at, long millis) {
    }

    PublishedGraph(PublishedContent published, PublicationLog log, PublicationFollower follower,
            SearchService search, GraphSnapshots snapshots) {
        this.snapshots = snapshots;
        this.published = published;
        this.log = log;
        this.follower = follower;
        this.search = search;
        this.keptRead = snapshots.enabled() ? readKept(snapshots)
                : java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
    }

    private static java.util.concurrent.CompletableFuture<Optional<Kept>> readKept(GraphSnapshots snapshots) {
        java.util.concurrent.CompletableFuture<Optional<Kept>> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                f.complete(snapshots.read().map(s -> {
                    Graph g = new Graph(s.nodes().size());
                    s.nodes().forEach(n -> add(g, n.ref().id(), n));
                    return new Kept(g, s.at(), (System.nanoTime() - t0) / 1_000_000);
                }));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "knead-graph-read");
        t.setDaemon(true);
        t.start();
        return f;
    }

    @Override
    public synchronized void start() {
        long t0 = System.nanoTime();
        Optional<Kept> kept;
        try {
            kept = keptRead.join();
        } catch (RuntimeException e) {
            LOG.warn("Published graph: the kept graph cannot be read ({}); reading the store instead", e.toString());
            kept = Optional.empty();
        }
        if (kept.isPresent()) {
            Graph g = kept.get().graph();
            graph = g;
            built = kept.get().at();
            position = built;
            applied = built.sequence();
            written = applied;
            LOG.info("Published graph: {} items read from {} in {} ms (waited {} ms for it), at publication {};"
                    + " catching up with the log", g.nodes.size(), "the kept graph", kept.get().millis(),
                    (System.nanoTime() - t0) / 1_000_000, applied);
        } else {
            try {
                loadFromStore();
                LOG.info("Published graph: {} items read from the store in {} ms, at publication {}", graph.nodes.size(),
                        (System.nanoTime() - t0) / 1_000_000, applied);
            } catch (RuntimeException storeDown) {
                // started while the store is down: lists stay empty until it answers (the follower opens us again)
                loadPending = true;
                LOG.warn("Published graph: the store cannot be read ({}); reading it once the store answers",
                        storeDown.toString());
            }
        }
        follower.subscribe(this, POLL);
        running = true;
        if (snapshots.enabled()) {
            keeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "knead-graph-keeper");
                t.setDaemon(true);
                return t;
            });
            keeper.scheduleWithFixedDelay(this::keep, 0, KEEP_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void loadFromStore() {
        LogPosition at = log.last().map(LogPosition::of).orElse(LogPosition.START); // before the read: later publishes are applied again
        replace(load(), at);
    }

    /** The whole graph replaced by one read at {@code at}: every item's stamp moves. */
    private synchronized void replace(Graph fresh, LogPosition at) {
        graph = fresh;
        built = at;
        position = at;
        applied = at.sequence();
        generation++; // before the clear: a stamp read in between is of the new generation, never an old key
        changedAt.clear();
        loadPending = false;
    }

    /** Writes the graph to disk when it moved on since it was last written. */
    private void keep() {
        List<Node> nodes;
        LogPosition at;
        synchronized (this) {
            if (loadPending || position == null || applied == written) {
                return;
            }
            nodes = new ArrayList<>(graph.nodes.values());
            at = position;
        }
        long t0 = System.nanoTime();
        snapshots.write(at, nodes);
        written = at.sequence();
        LOG.debug("Published graph kept at publication {} in {} ms", at.sequence(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Reads every published item through one cursor (batch queries re-sort the collection on the embedded store). */
    private Graph load() {
        Graph g = new Graph();
        published.forEach(1000, batch -> batch.forEach(item -> {
            Node n = node(item);
            if (n != null) {
                add(g, item.id(), n);
            }
        }));
        return g;
    }

    @Override
    public void stop() {
        // not while holding this graph's lock: unsubscribing waits for a batch in progress, which applies under it
        follower.unsubscribe(this);
        running = false;
        if (keeper != null) {
            keeper.shutdownNow();
            keeper = null;
            keep();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // before the web server starts taking requests
    }

    // ---- as a listener of the publication log ----

    @Override
    public String name() {
        return "published graph";
    }

    @Override
    public int order() {
        return -10; // before the search index: content answers are never behind search answers
    }

    @Override
    public LogPosition open(Rejections rejections) {
        if (loadPending) {
            loadFromStore(); // fails while the store is still down: the follower tries again
            LOG.info("Published graph: {} items read from the store, at publication {}", graph.nodes.size(), applied);
        }
        return built;
    }

    @Override
    public synchronized void apply(PublicationBatch batch) {
        Graph g = graph;
        for (PublicationBatch.Change c : batch.changes()) {
            Set<String> touched = c.isPublic() ? put(g, c.current()) : remove(g, c.itemId());
            touched.add(c.itemId());
            touched.forEach(id -> changedAt.put(id, changes.incrementAndGet()));
        }
        if (batch.lastSequence() >= applied) {
            applied = batch.lastSequence();
            position = batch.position();
        }
    }

    @Override
    public void rebuild(LogPosition at, Rejections rejections) {
        Graph fresh = load();
        replace(fresh, at);
        LOG.info("Published graph rebuilt: {} items, at publication {}", fresh.nodes.size(), at.sequence());
    }

    /** Catches up with this process's search index, so that content answers are never behind search answers. */
    void sync() {
        if (applied < search.appliedSequence() && follower.trouble().isEmpty()) {
            follower.catchUp(CATCH_UP_WAIT);
        }
    }

    /**
     * Adds or replaces an item; readers see the old or the new item, never a half-updated one. Returns the
     * items whose detail shows it (they link to it or it links to them, before or after).
     */
    private static Set<String> put(Graph g, PublishedItem item) {
        Node node = node(item);
        return node == null ? remove(g, item.id()) : put(g, item.id(), node);
    }

    /** The node of a published item; null when it has no public content. */
    private static Node node(PublishedItem item) {
        if (item.content() == null) {
            return null;
        }
        List<Edge> out = new ArrayList<>();
        item.content().links().forEach((relation, targets) -> targets.forEach(t -> out.add(new Edge(relation, t))));
        return new Node(item.ref(), ContentSummary.of(item), item.content().pressure(),
                item.content().bodyAreas(), List.copyOf(out), lastModified(item));
    }

    /**
     * Adds an item to a graph being built (read from disk or from the store): as {@link #put}, without working
     * out which items show it, since no answer was made from this graph yet.
     */
    private static void add(Graph g, String id, Node node) {
        if (g.nodes.containsKey(id)) {
            put(g, id, node);
            return;
        }
        for (Edge e : node.out()) {
            g.relations.add(e.relation());
            g.incoming.computeIfAbsent(key(e.target(), e.relation()), k -> new ConcurrentSkipListSet<>()).add(id);
        }
        g.nodes.put(id, node);
        g.byType.get(node.ref().type()).put(node.ref().slug(), node);
    }

    private static Set<String> put(Graph g, String id, Node node) {
        Set<String> touched = new java.util.HashSet<>();
        List<Edge> out = node.out();
        for (Edge e : out) {
            g.relations.add(e.relation());
            g.incoming.computeIfAbsent(key(e.target(), e.relation()), k -> new ConcurrentSkipListSet<>()).add(id);
        }
        Node old = g.nodes.put(id, node);
        g.byType.get(node.ref().type()).put(node.ref().slug(), node);
        out.forEach(e -> touched.add(e.target().id()));
        touched.addAll(linkingTo(g, node.ref()));
        if (old != null) {
            for (Edge e : old.out()) {
                touched.add(e.target().id());
                if (!out.contains(e)) {
                    Set<String> sources = g.incoming.get(key(e.target(), e.relation()));
                    if (sources != null) {
                        sources.remove(id);
                    }
                }
            }
        }
        return touched;
    }

    /** The items linking to {@code target} through any relation. */
    private static Set<String> linkingTo(Graph g, ContentRef target) {
        Set<String> sources = new java.util.HashSet<>();
        for (String relation : g.relations) {
            Set<String> s = g.incoming.get(key(target, relation));
            if (s != null) {
                sources.addAll(s);
            }
        }
        return sources;
    }

    /** When the public copy last changed: its publication, or a later clinical sign-off. */
    private static java.time.Instant lastModified(PublishedItem item) {
        java.time.Instant at = item.publishedAt();
        if (item.review() != null && item.review().reviewedAt() != null
                && (at == null || item.review().reviewedAt().isAfter(at))) {
            at = item.review().reviewedAt();
        }
        return at;
    }

    private static Set<String> remove(Graph g, String id) {
        Set<String> touched = new java.util.HashSet<>();
        Node old = g.nodes.remove(id);
        if (old == null) {
            return touched;
        }
        g.byType.get(old.ref().type()).remove(old.ref().slug());
        touched.addAll(linkingTo(g, old.ref()));
        for (Edge e : old.out()) {
            touched.add(e.target().id());
            Set<String> sources = g.incoming.get(key(e.target(), e.relation()));
            if (sources != null) {
                sources.remove(id);
            }
        }
        return touched;
    }

    private static String key(ContentRef target, String relation) {
        return target.id() + "|" + relation;
    }

    /** A page of one type, by slug, with the total of all matching. */
    ContentPage page(ContentType type, BodyArea area, Pressure pressure, int page, int size) {
        sync();
        Predicate<Node> filter = n -> (area == null || n.bodyAreas().contains(area))
                && (pressure == null || pressure == n.pressure());
        NavigableMap<String, Node> all = graph.byType.get(type);
        long skip = (long) page * size;
        if (area == null && pressure == null) {
            List<ContentSummary> items = all.values().stream().skip(skip).limit(size).map(Node::summary).toList();
            return new ContentPage(items, page, size, all.size());
        }
        List<Node> matching = all.values().stream().filter(filter).toList();
        List<ContentSummary> items = matching.stream().skip(skip).limit(size).map(Node::summary).toList();
        return new ContentPage(items, page, size, matching.size());
    }

    /** The published items among {@code refs}, in their order, without repeats; links to unpublished items are left out. */
    List<ContentSummary> resolve(List<ContentRef> refs) {
        Graph g = graph;
        return refs.stream().map(r -> g.nodes.get(r.id())).filter(Objects::nonNull).distinct().map(Node::summary)
                .toList();
    }

    /** The published items of {@code fromType} that link to {@code target} through {@code relation}, by slug. */
    List<ContentSummary> linkingTo(ContentRef target, String relation, ContentType fromType) {
        Graph g = graph;
        Set<String> sources = g.incoming.get(key(target, relation));
        if (sources == null) {
            return List.of();
        }
        return sources.stream().map(g.nodes::get).filter(Objects::nonNull).filter(n -> n.ref().type() == fromType)
                .sorted(Comparator.comparing(n -> n.ref().slug())).map(Node::summary).toList();
    }

    /** Every published item, by type and slug, with when it last changed. */
    List<PublishedEntry> everything() {
        sync();
        Graph g = graph;
        List<PublishedEntry> all = new ArrayList<>(g.nodes.size());
        for (ContentType t : ContentType.values()) {
            g.byType.get(t).values().forEach(n -> all.add(new PublishedEntry(n.summary(), n.lastModified())));
        }
        return all;
    }

    /**
     * What an item's detail is made of, as a token that changes whenever a publish or unpublish reaching this
     * process changes the item, an item it links to or an item linking to it, or when the graph is rebuilt; the
     * same for an unknown item until it is published. Read it before building the detail: the detail then shows
     * at least the state the token stands for.
     */
    String stamp(ContentRef ref) {
        return generation + "." + changedAt.getOrDefault(ref.id(), 0L);
    }

    long appliedSequence() {
        return applied;
    }

    int size() {
        return graph.nodes.size();
    }
}
