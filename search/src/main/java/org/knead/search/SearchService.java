package org.knead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.knead.content.Content;
import org.knead.publication.LogPosition;
import org.knead.publication.PublicationBatch;
import org.knead.publication.PublicationFollower;
import org.knead.publication.PublicationListener;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.IndexStore;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Search over published content. It listens to the process's {@link PublicationFollower}: opened on
 * the follower's thread, it opens this process's index (or builds one from {@link PublishedContent}),
 * then applies every batch of the publication log: an item that is public now is (re)indexed, one
 * that is not is removed. The last applied entry (its number and fingerprint) is committed with the
 * index, so after a crash the follower resumes from there, and notices a log rewritten meanwhile.
 * An item the index cannot take (a term longer than Lucene allows) is skipped and reported, never
 * stopping later entries. No method throws on any query string.
 */
@Service
public class SearchService implements SmartLifecycle, PublicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final PublishedContent published;
    private final PublicationLog log;
    private final SearchProperties properties;
    /** Searches at once, when limited ({@code knead.search.concurrency}): first come, first served. */
    private final org.knead.search.internal.Turns turns;
    /** How long a search waits for its turn before it runs anyway. */
    static final Duration TURN_WAIT = Duration.ofSeconds(2);
    private final QueryEngine engine;
    private final IndexStore store;
    private final PublicationFollower follower;
    private final org.knead.search.internal.QuietMerge quietMerge;
    /** Whether this service has a follower of its own (built without Spring) rather than the process's. */
    private final boolean ownFollower;

    /** Held while entries are applied to the current generation and while generations are swapped. */
    private final Object applyLock = new Object();
    /** Held while a generation is built (at start-up or by a rebuild). */
    private final ReentrantLock buildLock = new ReentrantLock();
    private final Object progress = new Object();

    private volatile IndexGeneration current;
    private volatile long applied;
    private volatile boolean running;

    /**
     * Why the publication log follower is not keeping up: the last failure, since when it has been
     * failing, and whether the failure is one a retry cannot fix (a JVM error such as a missing class).
     */
    public record FollowerTrouble(String lastError, java.time.Instant since, boolean fatal) {
    }

    /** A search service with a publication log follower of its own (tools and tests). */
    public SearchService(PublishedContent published, PublicationLog log, SearchProperties properties) {
        this(published, log, properties, new PublicationFollower(log, published, Clock.systemUTC()), true);
    }

    /** The process's search service, fed by the process's one follower. */
    @Autowired
    public SearchService(PublishedContent published, PublicationLog log, SearchProperties properties,
            PublicationFollower follower) {
        this(published, log, properties, follower, false);
    }

    private SearchService(PublishedContent published, PublicationLog log, SearchProperties properties,
            PublicationFollower follower, boolean ownFollower) {
        this.published = published;
        this.log = log;
        this.properties = properties == null ? SearchProperties.defaults() : properties;
        this.turns = new org.knead.search.internal.Turns(this.properties.concurrency(), TURN_WAIT);
        Vocabulary vocabulary = Vocabulary.load(this.properties.synonyms());
        this.engine = new QueryEngine(vocabulary);
        this.store = new IndexStore(this.properties.indexDir(), vocabulary);
        this.follower = follower;
        this.ownFollower = ownFollower;
        this.quietMerge = new org.knead.search.internal.QuietMerge(this.properties.mergeWhenQuiet(), () -> current);
    }

    // ---- queries ----

    public SearchResponse search(SearchRequest request) {
        SearchRequest r = request == null ? SearchRequest.of("") : request;
        return turns.run(() -> searchNow(r));
    }

    private SearchResponse searchNow(SearchRequest r) {
        return withSearcher((g, searcher) -> {
            try {
                return engine.search(searcher, r, g.detector());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Search failed for a query of {} characters; answering without hits", r.query().length(), e);
                List<RedFlag> flags = List.of();
                try {
                    flags = engine.redFlags(searcher, r.query(), g.detector());
                } catch (RuntimeException again) {
                    LOG.error("Red-flag detection failed for a query of {} characters", r.query().length(), again);
                }
                return empty(r.query(), flags);
            }
        }, empty(r.query(), List.of()));
    }

    public SuggestResponse suggest(String prefix, int limit) {
        String p = prefix == null ? "" : prefix;
        return withSearcher((g, searcher) -> {
            try {
                return engine.suggest(searcher, p, limit);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Suggest failed for a prefix of {} characters", p.length(), e);
                return new SuggestResponse(List.of());
            }
        }, new SuggestResponse(List.of()));
    }

    /**
     * Runs {@code work} with a searcher of the current index generation, retrying when a rebuild
     * swaps the generation in between; answers {@code none} when there is no index.
     */
    private <T> T withSearcher(java.util.function.BiFunction<IndexGeneration, IndexSearcher, T> work, T none) {
        for (int attempt = 0; attempt < 3; attempt++) {
            IndexGeneration g = current;
            if (g == null) {
                break;
            }
            IndexSearcher searcher;
            try {
                searcher = g.searchers().acquire();
            } catch (AlreadyClosedException | IOException swapped) {
                continue;
            }
            try {
                return work.apply(g, searcher);
            } finally {
                release(g, searcher);
            }
        }
        return none;
    }

    private static void release(IndexGeneration g, IndexSearcher searcher) {
        try {
            g.searchers().release(searcher);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Releasing a searcher failed", e);
        }
    }

    private static SearchResponse empty(String query, List<RedFlag> redFlags) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("type", Map.of());
        facets.put("bodyArea", Map.of());
        facets.put("pressure", Map.of());
        return new SearchResponse(query, 0, List.of(), facets, null, redFlags);
    }

    // ---- state ----

    /** Whether the initial index is built (or opened) and searches answer from it. */
    public boolean isReady() {
        return current != null;
    }

    /** The last publication-log sequence applied and searchable. */
    public long appliedSequence() {
        return applied;
    }

    /** The process's publication log follower that feeds this index. */
    public PublicationFollower follower() {
        return follower;
    }

    /** Blocks until the entry {@code seq} of the publication log is searchable, or the timeout passes. */
    public void awaitSequence(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        follower.wake();
        synchronized (progress) {
            while (current == null || applied < seq) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    progress.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void progressed(long seq) {
        synchronized (progress) {
            applied = seq;
            progress.notifyAll();
        }
    }

    /**
     * Whether the publication log follower is alive and keeping up; empty when it is. A follower
     * that died, or keeps failing, is reported here so that health can say so.
     */
    public Optional<FollowerTrouble> followerTrouble() {
        return follower.trouble().map(t -> new FollowerTrouble(t.lastError(), t.since(), t.fatal()));
    }

    // ---- following the publication log ----

    @Override
    public String name() {
        return "search index";
    }

    /** Opens the committed index, or builds one when there is none. */
    @Override
    public LogPosition open(Rejections rejections) {
        try {
            initialize(rejections);
        } catch (IOException e) {
            throw new UncheckedIOException("Opening the search index failed", e);
        }
        IndexGeneration g = current;
        return g == null ? null : position(g);
    }

    private static LogPosition position(IndexGeneration g) {
        return g.entry() == null ? LogPosition.unverified(g.sequence()) : new LogPosition(g.sequence(), g.entry());
    }

    /** Opens the committed index, or builds one when there is none. */
    void initialize() throws IOException {
        initialize((id, seq, reason) -> LOG.error("Search index: skipped {}: {}", id, reason));
    }

    private void initialize(Rejections rejections) throws IOException {
        if (!properties.enabled()) {
            return;
        }
        buildLock.lock();
        try {
            if (current != null) {
                return;
            }
            IndexGeneration g = store.openCurrent();
            if (g != null) {
                LOG.info("Search index opened at publication log sequence {}; catching up", g.sequence());
            } else {
                g = build(log.last().map(LogPosition::of).orElse(LogPosition.START), rejections);
                store.makeCurrent(g);
                LOG.info("Search index built at publication log sequence {}", g.sequence());
            }
            store.deleteAllBut(g);
            synchronized (applyLock) {
                current = g;
                progressed(g.sequence());
            }
        } finally {
            buildLock.unlock();
        }
    }

    @Override
    public void apply(PublicationBatch batch) {
        synchronized (applyLock) {
            IndexGeneration g = current;
            if (g == null) {
                return;
            }
            try {
                for (PublicationBatch.Change c : batch.changes()) {
                    try {
                        if (c.isPublic()) {
                            g.put(c.current().content());
                        } else {
                            g.remove(c.itemId());
                        }
                    } catch (IllegalArgumentException refused) {
                        // the index cannot take this item (an immense term, say): leave it out, report it
                        batch.reject(c, refused.getMessage());
                        removeQuietly(g, c.itemId());
                    }
                }
                if (batch.lastSequence() >= g.sequence()) {
                    LogPosition at = batch.position();
                    g.applied(at.sequence(), at.entry());
                }
                g.commit();
                g.refresh();
            } catch (IOException e) {
                throw new UncheckedIOException("Applying publications to the search index failed", e);
            }
            if (!batch.changes().isEmpty()) {
                quietMerge.changed();
            }
            progressed(Math.max(applied, g.sequence()));
        }
    }

    private static void removeQuietly(IndexGeneration g, String id) {
        try {
            g.remove(id);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Removing {} from the index failed", id, e);
        }
    }

    /**
     * Builds a complete new index beside the current one from what is published now, as of
     * {@code at}, and swaps it in. Searches keep being answered from the old index meanwhile; a crash
     * during the rebuild leaves the old index in use.
     */
    @Override
    public void rebuild(LogPosition at, Rejections rejections) {
        if (!properties.enabled()) {
            return;
        }
        buildLock.lock();
        try {
            IndexGeneration fresh = build(at, rejections);
            IndexGeneration old;
            synchronized (applyLock) {
                store.makeCurrent(fresh);
                old = current;
                current = fresh;
                progressed(fresh.sequence());
            }
            LOG.info("Search index rebuilt at publication log sequence {}", fresh.sequence());
            retire(old, fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("Rebuilding the search index failed", e);
        } finally {
            buildLock.unlock();
        }
    }

    /**
     * Rebuilds the index (and every other listener of the follower) from what is published now and
     * brings it up to the head of the publication log.
     */
    public void rebuild() {
        if (!properties.enabled()) {
            return;
        }
        if (ownFollower && !running) {
            // not following yet: build for this service alone
            rebuild(log.last().map(LogPosition::of).orElse(LogPosition.START),
                    (id, seq, reason) -> LOG.error("Search index: skipped {}: {}", id, reason));
            return;
        }
        follower.rebuild();
    }

    private IndexGeneration build(LogPosition at, Rejections rejections) throws IOException {
        long started = System.nanoTime();
        IndexGeneration g = store.createNext();
        try {
            long[] count = {0};
            published.forEach(properties.buildBatchSize(), batch -> {
                List<Content> contents = new ArrayList<>(batch.size());
                for (PublishedItem item : batch) {
                    if (item.content() != null) {
                        contents.add(item.content());
                    }
                }
                count[0] += addAll(g, contents, at.sequence(), rejections);
            });
            g.applied(at.sequence(), at.entry());
            g.commit();
            g.refresh();
            LOG.info("Indexed {} published items in {} ms", count[0],
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            if (g.segments() > 1) {
                g.compactInBackground();
            }
            return g;
        } catch (IOException | RuntimeException e) {
            closeQuietly(g);
            store.deleteAllBut(current);
            throw e;
        }
    }

    /** Adds a batch; when the index refuses it, adds item by item and reports the ones it cannot take. */
    private static int addAll(IndexGeneration g, List<Content> contents, long seq, Rejections rejections) {
        try {
            try {
                g.addAll(contents);
                return contents.size();
            } catch (IllegalArgumentException refused) {
                int added = 0;
                for (Content c : contents) {
                    try {
                        g.put(c);
                        added++;
                    } catch (IllegalArgumentException again) {
                        rejections.reject(c.ref().id(), seq, again.getMessage());
                        removeQuietly(g, c.ref().id());
                    }
                }
                return added;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void retire(IndexGeneration old, IndexGeneration keep) {
        if (old == null || old == keep) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            closeQuietly(old);
            store.deleteAllBut(current);
        }, CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static void closeQuietly(IndexGeneration g) {
        if (g == null) {
            return;
        }
        try {
            g.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing a search index generation failed", e);
        }
    }

    // ---- lifecycle ----

    @Override
    public void start() {
        if (!properties.enabled() || running) {
            return;
        }
        running = true;
        follower.subscribe(this, properties.pollInterval());
        if (ownFollower) {
            follower.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        // once unsubscribed (which waits for a batch in progress) the follower no longer writes to the index
        follower.unsubscribe(this);
        if (ownFollower) {
            follower.stop();
        }
        synchronized (applyLock) {
            IndexGeneration g = current;
            current = null;
            closeQuietly(g);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
