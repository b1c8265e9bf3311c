package org.knead.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Merges the index searched into one segment once it has taken no change for a while. Each batch of
 * publications the follower applies leaves a small segment of its own, and every term a query looks up
 * (five fields per word, spelling, prefixes, relief) is looked up in every segment, however small: an
 * index that is searched far more often than it changes is cheapest to search as one segment. The merge
 * runs on a thread of its own beside the searches ({@link IndexGeneration#compactInBackground}); a change
 * during the quiet period puts it off again. A merge rewrites the whole index (seconds at 10,000 items,
 * more at 100,000), so after one that took T, the next waits at least {@value #SPACING} T: merging takes at
 * most about a twentieth of a core, however often publications come.
 */
public final class QuietMerge {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuietMerge.class);

    private final long quietNanos;
    private final Supplier<IndexGeneration> current;
    private final AtomicLong lastChange = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The earliest System.nanoTime() of the next merge (see {@link #SPACING}). */
    private volatile long nextAllowed = System.nanoTime();

    static final int SPACING = 20;

    /** {@code quiet} zero: never merges. */
    public QuietMerge(Duration quiet, Supplier<IndexGeneration> current) {
        this.quietNanos = quiet.toNanos();
        this.current = current;
    }

    /** The index searched has just taken a change. */
    public void changed() {
        if (quietNanos <= 0) {
            return;
        }
        lastChange.set(System.nanoTime());
        if (scheduled.compareAndSet(false, true)) {
            checkAfter(quietNanos);
        }
    }

    private void checkAfter(long nanos) {
        CompletableFuture.runAsync(this::check, CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS));
    }

    private void check() {
        long since = System.nanoTime() - lastChange.get();
        if (since < quietNanos) {
            checkAfter(quietNanos - since);
            return;
        }
        IndexGeneration g = current.get();
        if (g != null && g.merging()) { // a merge under way took the segments there were when it began
            checkAfter(quietNanos);
            return;
        }
        long spacing = nextAllowed - System.nanoTime();
        if (spacing > 0) {
            checkAfter(spacing);
            return;
        }
        scheduled.set(false);
        if (g == null) {
            return;
        }
        try {
            if (g.segments() > 1) {
                long started = System.nanoTime();
                g.compactInBackground().whenComplete((ok, failed) -> {
                    long now = System.nanoTime();
                    nextAllowed = now + SPACING * (now - started);
                });
            }
        } catch (IOException | RuntimeException e) { // closed meanwhile (a rebuild swapped it out)
            LOG.debug("No quiet merge of the search index: {}", e.toString());
        }
    }
}
