package org.knead.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.AlreadyClosedException;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.search.internal.IndexGeneration;
import org.knead.search.internal.IndexStore;
import org.knead.search.internal.QueryEngine;
import org.knead.search.internal.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Search over published content. At start-up it opens this process's index (or builds one from
 * {@link PublishedContent}), then a background follower applies the {@link PublicationLog} every
 * {@code pollInterval}: a publication (re)loads the item, an unpublication removes it. The last
 * applied sequence is committed with the index, so after a crash the follower resumes from there.
 * No method throws on any query string.
 */
@Service
public class SearchService implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    static final int LOG_BATCH = 500;
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final PublishedContent published;
    private final PublicationLog log;
    private final SearchProperties properties;
    private final QueryEngine engine;
    private final IndexStore store;

    /** Held while entries are applied to the current generation and while generations are swapped. */
    private final Object applyLock = new Object();
    /** Held while a generation is built (at start-up or by a rebuild). */
    private final ReentrantLock buildLock = new ReentrantLock();
    private final Object progress = new Object();
    private final Object wakeup = new Object();

    private volatile IndexGeneration current;
    private volatile long applied;
    private volatile boolean running;
    private volatile Thread follower;
    /** The last failure of the follower while it keeps failing, and since when; null once it succeeds. */
    private volatile FollowerTrouble trouble;

    /**
     * Why the publication log follower is not keeping up: the last failure, since when it has been
     * failing, and whether the failure is one a retry cannot fix (a JVM error such as a missing class).
     */
    public record FollowerTrouble(String lastError, java.time.Instant since, boolean fatal) {
    }

    public SearchService(PublishedContent published, PublicationLog log, SearchProperties properties) {
        this.published = published;
        this.log = log;
        this.properties = properties == null ? SearchProperties.defaults() : properties;
        Vocabulary vocabulary = Vocabulary.load(this.properties.synonyms());
        this.engine = new QueryEngine(vocabulary, this.properties.answerCacheSize());
        this.store = new IndexStore(this.properties.indexDir(), vocabulary);
    }

    // ---- queries ----

    public SearchResponse search(SearchRequest request) {
        SearchRequest r = request == null ? SearchRequest.of("") : request;
        return withSearcher((g, searcher) -> {
            try {
                return engine.searchCached(searcher, r, g.detector());
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

    /** Blocks until the entry {@code seq} of the publication log is searchable, or the timeout passes. */
    public void awaitSequence(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
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

    // ---- building and following ----

    /**
     * Builds a complete new index beside the current one from what is published now, brings it up to
     * the head of the publication log, and swaps it in. Searches keep being answered from the old
     * index meanwhile; a crash during the rebuild leaves the old index in use.
     */
    public void rebuild() {
        if (!properties.enabled()) {
            return;
        }
        buildLock.lock();
        try {
            IndexGeneration fresh = build();
            IndexGeneration old;
            synchronized (applyLock) {
                while (applyNext(fresh) == LOG_BATCH) {
                    // keep going until the head of the log
                }
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

    /** Opens the committed index, or builds one when there is none. */
    void initialize() throws IOException {
        buildLock.lock();
        try {
            if (current != null) {
                return;
            }
            IndexGeneration g = store.openCurrent();
            if (g != null) {
                LOG.info("Search index opened at publication log sequence {}; catching up", g.sequence());
            } else {
                g = build();
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

    private IndexGeneration build() throws IOException {
        long started = System.nanoTime();
        IndexGeneration g = store.createNext();
        try {
            long seq = log.lastSequence();
            long[] count = {0};
            published.forEach(properties.buildBatchSize(), batch -> {
                List<Content> contents = new ArrayList<>(batch.size());
                for (PublishedItem item : batch) {
                    if (item.content() != null) {
                        contents.add(item.content());
                    }
                }
                try {
                    g.addAll(contents);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0] += contents.size();
            });
            g.applied(seq);
            g.commit();
            g.refresh();
            LOG.info("Indexed {} published items in {} ms", count[0],
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return g;
        } catch (IOException | RuntimeException e) {
            closeQuietly(g);
            store.deleteAllBut(current);
            throw e;
        }
    }

    /**
     * Applies the next batch of log entries to {@code g}, commits and refreshes. Call holding applyLock.
     *
     * @return how many entries were applied
     */
    private int applyNext(IndexGeneration g) throws IOException {
        List<PublicationEntry> entries = log.readAfter(g.sequence(), LOG_BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        Map<String, PublicationEntry> latest = new LinkedHashMap<>();
        for (PublicationEntry e : entries) {
            latest.remove(e.itemId());
            latest.put(e.itemId(), e);
        }
        List<ContentRef> toLoad = latest.values().stream()
                .filter(e -> e.action() == PublicationAction.PUBLISHED)
                .map(PublicationEntry::ref)
                .toList();
        Map<String, PublishedItem> loaded = new LinkedHashMap<>();
        for (PublishedItem item : published.findAll(toLoad)) {
            loaded.put(item.id(), item);
        }
        for (PublicationEntry e : latest.values()) {
            PublishedItem item = e.action() == PublicationAction.PUBLISHED ? loaded.get(e.itemId()) : null;
            if (item != null && item.content() != null) {
                g.put(item.content());
            } else {
                g.remove(e.itemId());
            }
        }
        g.applied(entries.get(entries.size() - 1).sequence());
        g.commit();
        g.refresh();
        return entries.size();
    }

    /** One round of following: apply what is new; true when more may be waiting. */
    boolean followOnce() throws IOException {
        boolean logWentBack = false;
        synchronized (applyLock) {
            IndexGeneration g = current;
            if (g == null) {
                return false;
            }
            int n = applyNext(g);
            if (n > 0) {
                progressed(g.sequence());
                return n == LOG_BATCH;
            }
            if (log.lastSequence() < g.sequence()) {
                logWentBack = true;
            }
        }
        if (logWentBack) {
            LOG.warn("The publication log is behind the search index (a restored or emptied database?); rebuilding");
            rebuild();
        }
        return false;
    }

    private void follow() {
        long backoff = 0;
        while (running) {
            try {
                if (current == null) {
                    initialize();
                }
                boolean more = followOnce();
                backoff = 0;
                trouble = null;
                if (!more) {
                    pause(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (VirtualMachineError fatal) {
                noteTrouble(fatal, true);
                throw fatal;
            } catch (Exception | LinkageError e) {
                if (!running) {
                    return;
                }
                // a LinkageError (NoClassDefFoundError...) usually means the jar changed under the process:
                // keep retrying, but health reports it as fatal
                noteTrouble(e, e instanceof LinkageError);
                backoff = Math.min(10_000, backoff == 0 ? 500 : backoff * 2);
                LOG.warn("Following the publication log failed; retrying in {} ms", backoff, e);
                try {
                    pause(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void noteTrouble(Throwable e, boolean fatal) {
        FollowerTrouble before = trouble;
        trouble = new FollowerTrouble(e.getClass().getSimpleName() + ": " + e.getMessage(),
                before == null ? java.time.Instant.now() : before.since(), fatal || before != null && before.fatal());
    }

    /**
     * Whether the publication log follower is alive and keeping up; empty when it is. A follower
     * that died, or keeps failing, is reported here so that health can say so.
     */
    public java.util.Optional<FollowerTrouble> followerTrouble() {
        Thread t = follower;
        if (running && t != null && !t.isAlive()) {
            FollowerTrouble last = trouble;
            return java.util.Optional.of(new FollowerTrouble("the follower thread has stopped"
                    + (last == null ? "" : " after " + last.lastError()), last == null ? null : last.since(), true));
        }
        return java.util.Optional.ofNullable(trouble);
    }

    private void pause(long millis) throws InterruptedException {
        synchronized (wakeup) {
            wakeup.wait(Math.max(1, millis));
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
        Thread t = new Thread(this::follow, "knead-search-follower");
        t.setDaemon(true);
        follower = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        // no interrupt: an interrupted write could break the IndexWriter; the follower sees the flag
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        Thread t = follower;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        follower = null;
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
