package org.knead.api.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.knead.content.BodyArea;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What is published, held in memory as a graph: a summary of every published item, by type and
 * slug, and its links in both directions. Lists and related items are answered from here, so a
 * request reads at most one document from the store, however large the store is (the embedded
 * store has no secondary indexes: a reverse-link query would scan every item).
 *
 * <p>Built at start-up from the published collection, then kept in step by following the
 * publication log: before answering, it catches up at least to what this process's search index has
 * applied, so content and search answers never disagree; a background poll catches up otherwise.
 */
@Component
class PublishedGraph implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedGraph.class);

    /** One published item: its summary, its filter attributes and its outgoing links. */
    record Node(ContentRef ref, ContentSummary summary, Pressure pressure, List<BodyArea> bodyAreas, List<Edge> out) {
    }

    /** A link of {@code relation} (a content field, such as relievesSymptoms) to {@code target}. */
    record Edge(String relation, ContentRef target) {
    }

    private final PublishedContent published;
    private final MongoTemplate mongo;
    private final PublicationLog log;
    private final SearchService search;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<ContentType, NavigableMap<String, Node>> byType = new EnumMap<>(ContentType.class);
    private final Map<String, Set<String>> incoming = new ConcurrentHashMap<>();
    private volatile long applied = -1;
    private volatile boolean running;
    private ScheduledExecutorService poller;

    PublishedGraph(PublishedContent published, MongoTemplate mongo, PublicationLog log, SearchService search) {
        this.published = published;
        this.mongo = mongo;
        this.log = log;
        this.search = search;
        for (ContentType t : ContentType.values()) {
            byType.put(t, new ConcurrentSkipListMap<>());
        }
    }

    @Override
    public synchronized void start() {
        long t0 = System.nanoTime();
        long from = log.lastSequence();
        // one cursor over the collection: batch queries ordered by id re-sort the whole collection for
        // every batch on the embedded store (no range scan on its _id index), quadratic at 100k items
        try (Stream<PublishedItem> all = mongo.stream(new Query().cursorBatchSize(1000), PublishedItem.class)) {
            all.forEach(this::put);
        }
        applied = from;
        catchUpTo(log.lastSequence());
        LOG.info("Published graph: {} items in {} ms, at publication {}", nodes.size(),
                (System.nanoTime() - t0) / 1_000_000, applied);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knead-published-graph");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    private void poll() {
        try {
            catchUpTo(log.lastSequence());
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the publication log; will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0; // before the web server starts taking requests
    }

    /** Catches up with this process's search index, so that content answers are never behind search answers. */
    void sync() {
        catchUpTo(search.appliedSequence());
    }

    private void catchUpTo(long target) {
        if (applied >= target) {
            return;
        }
        synchronized (this) {
            while (applied < target) {
                List<PublicationEntry> entries = log.readAfter(applied, 500);
                if (entries.isEmpty()) {
                    return;
                }
                for (PublicationEntry e : entries) {
                    published.find(e.ref()).ifPresentOrElse(this::put, () -> remove(e.ref().id()));
                    applied = e.sequence();
                }
            }
        }
    }

    /** Adds or replaces an item; readers see the old or the new item, never a half-updated one. */
    private synchronized void put(PublishedItem item) {
        List<Edge> out = new ArrayList<>();
        item.content().links().forEach((relation, targets) -> targets.forEach(t -> out.add(new Edge(relation, t))));
        Node node = new Node(item.ref(), ContentSummary.of(item), item.content().pressure(),
                item.content().bodyAreas(), List.copyOf(out));
        for (Edge e : out) {
            incoming.computeIfAbsent(key(e.target(), e.relation()), k -> new ConcurrentSkipListSet<>()).add(item.id());
        }
        Node old = nodes.put(item.id(), node);
        byType.get(item.type()).put(item.slug(), node);
        if (old != null) {
            for (Edge e : old.out()) {
                if (!out.contains(e)) {
                    Set<String> sources = incoming.get(key(e.target(), e.relation()));
                    if (sources != null) {
                        sources.remove(item.id());
                    }
                }
            }
        }
    }

    private synchronized void remove(String id) {
        Node old = nodes.remove(id);
        if (old == null) {
            return;
        }
        byType.get(old.ref().type()).remove(old.ref().slug());
        for (Edge e : old.out()) {
            Set<String> sources = incoming.get(key(e.target(), e.relation()));
            if (sources != null) {
                sources.remove(id);
            }
        }
    }

    private static String key(ContentRef target, String relation) {
        return target.id() + "|" + relation;
    }

    /** A page of one type, by slug, with the total of all matching. */
    ContentPage page(ContentType type, BodyArea area, Pressure pressure, int page, int size) {
        sync();
        Predicate<Node> filter = n -> (area == null || n.bodyAreas().contains(area))
                && (pressure == null || pressure == n.pressure());
        NavigableMap<String, Node> all = byType.get(type);
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
        return refs.stream().map(r -> nodes.get(r.id())).filter(Objects::nonNull).distinct().map(Node::summary)
                .toList();
    }

    /** The published items of {@code fromType} that link to {@code target} through {@code relation}, by slug. */
    List<ContentSummary> linkingTo(ContentRef target, String relation, ContentType fromType) {
        Set<String> sources = incoming.get(key(target, relation));
        if (sources == null) {
            return List.of();
        }
        return sources.stream().map(nodes::get).filter(Objects::nonNull).filter(n -> n.ref().type() == fromType)
                .sorted(Comparator.comparing(n -> n.ref().slug())).map(Node::summary).toList();
    }

    long appliedSequence() {
        return applied;
    }

    int size() {
        return nodes.size();
    }
}
