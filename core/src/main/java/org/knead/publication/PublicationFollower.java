package org.knead.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The one reader of the publication log in a process. A background thread reads the entries after
 * the last applied one (by {@code _id}: when nothing is new, one cheap lookup per poll), reads the
 * current public copy of every item they name, and hands the batch to each subscribed
 * {@link PublicationListener} in {@linkplain PublicationListener#order() order}.
 *
 * <p>It never trusts that the log only grows: every read starts at the last applied entry and checks
 * that it is still the same one (number and fingerprint). When it is not, the log was truncated or
 * rewritten, and every listener rebuilds its state from what is published now.
 *
 * <p>An item a listener cannot take is reported ({@link #skipped()}), not retried forever: later
 * entries keep flowing. A thread that dies is restarted; one that cannot be is reported by
 * {@link #trouble()}.
 */
@Service
public class PublicationFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationFollower.class);
    /** Entries read per round while entries keep coming (a backlog, a busy log). */
    static final int WINDOW = 200;
    /**
     * Entries read in a round after one that found the log's end: each is a look-up by {@code _id}, so a
     * follower of a quiet log asks for 1 + {@value} entries every round instead of 1 + {@value #WINDOW}.
     */
    static final int QUIET_WINDOW = 8;
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** How many times a dead thread is started again before the follower is left for dead. */
    static final int MAX_RESTARTS = 10;
    /** How many skipped items are kept for health. */
    static final int MAX_SKIPPED = 100;

    /** Why the follower is not keeping up: the last failure, since when, and whether a retry cannot fix it. */
    public record Trouble(String lastError, Instant since, boolean fatal) {
    }

    /** An item a listener could not take, with the entry that named it. */
    public record Skipped(String listener, String itemId, long sequence, String reason, Instant at) {
    }

    private final PublicationLog log;
    private final PublishedContent published;
    private final Clock clock;

    /** Held while a round is applied, while listeners rebuild and while they join or leave. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Object wakeup = new Object();
    private final List<PublicationListener> active = new CopyOnWriteArrayList<>();
    private final List<PublicationListener> pending = new CopyOnWriteArrayList<>();
    private final Map<PublicationListener, Duration> intervals = new ConcurrentHashMap<>();
    private final Map<PublicationListener, java.util.concurrent.CompletableFuture<Opened>> opening =
            new ConcurrentHashMap<>();
    private final Map<String, Skipped> skipped = new ConcurrentHashMap<>();
    private final AtomicLong skippedTotal = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();

    private volatile LogPosition position;
    /** How many entries the next round asks for (guarded by {@link #lock}). */
    private int window = QUIET_WINDOW;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Trouble trouble;
    /** Why a listener could not be opened, while it cannot. */
    private volatile Trouble openTrouble;
    private volatile int restarts;

    @Autowired
    public PublicationFollower(PublicationLog log, PublishedContent published, Clock clock) {
        this.log = log;
        this.published = published;
        this.clock = clock;
    }

    // ---- listeners ----

    /**
     * Subscribes {@code listener}; the follower opens it on its thread and feeds it from the position
     * it reports. The log is polled at least every {@code interval}.
     */
    public void subscribe(PublicationListener listener, Duration interval) {
        intervals.put(listener, interval == null || interval.isZero() || interval.isNegative() ? DEFAULT_INTERVAL
                : interval);
        if (!pending.contains(listener) && !active.contains(listener)) {
            pending.add(listener);
        }
        if (running && thread == null) {
            startThread(0);
        }
        wake();
    }

    /** Unsubscribes {@code listener}; once this returns it is not called again. */
    public void unsubscribe(PublicationListener listener) {
        pending.remove(listener);
        opening.remove(listener);
        lock.lock();
        try {
            active.remove(listener);
            intervals.remove(listener);
            skipped.values().removeIf(s -> s.listener().equals(listener.name()));
        } finally {
            lock.unlock();
        }
    }

    private record Opened(LogPosition at, List<Skipped> problems) {
    }

    /**
     * Opens the listeners subscribed since the last round, each on a thread of its own (an index build
     * may take long: the listeners already following keep being fed meanwhile), and lets in those whose
     * opening is done.
     */
    void openPending() {
        openPending(false);
    }

    private void openPending(boolean wait) {
        List<PublicationListener> waiting = new ArrayList<>(pending);
        waiting.sort(Comparator.comparingInt(PublicationListener::order));
        for (PublicationListener l : waiting) {
            java.util.concurrent.CompletableFuture<Opened> f = opening.computeIfAbsent(l, this::startOpening);
            if (!wait && !f.isDone()) {
                continue;
            }
            Opened opened;
            try {
                opened = f.join();
            } catch (RuntimeException e) {
                opening.remove(l, f);
                Throwable cause = e.getCause() == null ? e : e.getCause();
                Trouble before = openTrouble;
                openTrouble = new Trouble(l.name() + " could not be opened: " + cause,
                        before == null ? clock.instant() : before.since(), cause instanceof Error);
                LOG.warn("{} could not be opened; trying again", l.name(), cause);
                continue;
            }
            openTrouble = null;
            lock.lock();
            try {
                opening.remove(l, f);
                if (!pending.remove(l)) {
                    continue; // unsubscribed meanwhile
                }
                note(l, opened.problems(), true);
                active.add(l);
                active.sort(Comparator.comparingInt(PublicationListener::order));
                LogPosition at = opened.at();
                if (at != null && (position == null || at.sequence() < position.sequence())) {
                    position = at; // the others are handed again what they have: applying is idempotent
                }
                LOG.info("{} follows the publication log from {}", l.name(), at == null ? position : at);
            } finally {
                lock.unlock();
            }
        }
    }

    private java.util.concurrent.CompletableFuture<Opened> startOpening(PublicationListener l) {
        java.util.concurrent.CompletableFuture<Opened> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                List<Skipped> problems = java.util.Collections.synchronizedList(new ArrayList<>());
                LogPosition at = l.open((id, seq, reason) -> problems.add(skip(l, id, seq, reason)));
                f.complete(new Opened(at, List.copyOf(problems)));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
            wake();
        }, "knead-open-" + l.name().replace(' ', '-'));
        t.setDaemon(true);
        t.start();
        return f;
    }

    // ---- following ----

    /**
     * One round: checks that the last applied entry is unchanged, then applies what follows it.
     *
     * @return true when more entries may be waiting
     */
    public boolean followOnce() {
        lock.lock();
        try {
            LogPosition at = position;
            if (at == null || active.isEmpty()) {
                return false;
            }
            boolean check = at.sequence() > 0;
            int want = window;
            List<PublicationEntry> read = log.readRange(check ? at.sequence() : 1, want + (check ? 1 : 0));
            int from = 0;
            if (check) {
                if (read.isEmpty() || !at.isAt(read.get(0))) {
                    resetAll(read.isEmpty() || read.get(0).sequence() != at.sequence()
                            ? "the entry " + at.sequence() + " it had applied is gone (the log was truncated)"
                            : "the entry " + at.sequence() + " it had applied was replaced (the log was rewritten)");
                    return true;
                }
                from = 1;
            }
            List<PublicationEntry> fresh = new ArrayList<>();
            long expected = at.sequence() + 1;
            for (int i = from; i < read.size(); i++) {
                if (read.get(i).sequence() != expected) {
                    resetAll("the entry " + expected + " is missing before " + read.get(i).sequence()
                            + " (the log was rewritten)");
                    return true;
                }
                fresh.add(read.get(i));
                expected++;
            }
            boolean full = fresh.size() >= want;
            window = full ? WINDOW : QUIET_WINDOW;
            if (fresh.isEmpty()) {
                return false;
            }
            deliver(fresh);
            return full;
        } finally {
            lock.unlock();
        }
    }

    private void deliver(List<PublicationEntry> entries) {
        Map<String, PublicationEntry> latest = new LinkedHashMap<>();
        for (PublicationEntry e : entries) {
            latest.remove(e.itemId());
            latest.put(e.itemId(), e);
        }
        // what the public sees now, whatever the entries said: the public copy decides
        Map<String, PublishedItem> current = new LinkedHashMap<>();
        for (PublishedItem item : published.findAll(latest.values().stream().map(PublicationEntry::ref).toList())) {
            current.put(item.id(), item);
        }
        List<PublicationBatch.Change> changes = latest.values().stream()
                .map(e -> new PublicationBatch.Change(e, e.itemId(), current.get(e.itemId()))).toList();
        for (PublicationListener l : active) {
            PublicationBatch batch = new PublicationBatch(entries, changes);
            List<PublicationBatch.Rejection> rejected = new ArrayList<>();
            try {
                l.apply(batch);
                rejected.addAll(batch.rejections());
            } catch (RuntimeException e) {
                if (isTransient(e) || changes.size() == 1 && isTransient(e.getCause())) {
                    throw e;
                }
                // something in the batch this listener cannot take: find it, item by item
                LOG.warn("{} failed to apply publications {} to {}; applying them one by one", l.name(),
                        entries.get(0).sequence(), batch.lastSequence(), e);
                for (PublicationBatch.Change c : changes) {
                    PublicationBatch one = batch.only(c);
                    try {
                        l.apply(one);
                        rejected.addAll(one.rejections());
                    } catch (RuntimeException again) {
                        if (isTransient(again)) {
                            throw again;
                        }
                        rejected.add(new PublicationBatch.Rejection(c.itemId(), c.entry().sequence(),
                                again.getClass().getSimpleName() + ": " + again.getMessage()));
                    }
                }
            }
            for (PublicationBatch.Change c : changes) {
                skipped.remove(key(l.name(), c.itemId()));
            }
            note(l, rejected.stream().map(r -> skip(l, r.itemId(), r.sequence(), r.reason())).toList(), false);
        }
        position = LogPosition.of(entries.get(entries.size() - 1));
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof java.io.UncheckedIOException || e instanceof DataAccessException
                || e instanceof java.io.IOException;
    }

    /** Every listener rebuilds from what is published now; call holding the lock. */
    private void resetAll(String why) {
        LOG.warn("The publication log is not what was followed: {}; rebuilding {}", why,
                active.stream().map(PublicationListener::name).toList());
        rebuildAll();
    }

    private void rebuildAll() {
        LogPosition at = log.last().map(LogPosition::of).orElse(LogPosition.START);
        for (PublicationListener l : active) {
            List<Skipped> problems = new ArrayList<>();
            l.rebuild(at, (id, seq, reason) -> problems.add(skip(l, id, seq, reason)));
            note(l, problems, true);
        }
        position = at;
        resets.incrementAndGet();
    }

    /**
     * Rebuilds every listener from what is published now, then applies what was appended meanwhile.
     * Returns once done.
     */
    public void rebuild() {
        openPending(true);
        lock.lock();
        try {
            if (active.isEmpty()) {
                return;
            }
            rebuildAll();
            while (followOnce()) {
                // up to the head of the log
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies, on the caller's thread, what the log holds now (at most {@code timeout} waiting for a
     * round in progress): for a reader that must not be behind another listener.
     */
    public void catchUp(Duration timeout) {
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            for (int i = 0; i < 100 && followOnce(); i++) {
                // a bounded number of rounds
            }
        } finally {
            lock.unlock();
        }
    }

    private Skipped skip(PublicationListener l, String itemId, long sequence, String reason) {
        return new Skipped(l.name(), itemId, sequence, reason, clock.instant());
    }

    private void note(PublicationListener l, List<Skipped> problems, boolean replaceAll) {
        if (replaceAll) {
            skipped.values().removeIf(s -> s.listener().equals(l.name()));
        }
        for (Skipped s : problems) {
            skippedTotal.incrementAndGet();
            LOG.error("{} skipped publication {} of {}: {}", s.listener(), s.sequence(), abbreviate(s.itemId()),
                    s.reason());
            if (skipped.size() < MAX_SKIPPED) {
                skipped.put(key(s.listener(), s.itemId()), s);
            }
        }
    }

    private static String key(String listener, String itemId) {
        return listener + "|" + itemId;
    }

    static String abbreviate(String s) {
        return s == null || s.length() <= 120 ? s : s.substring(0, 120) + "... (" + s.length() + " characters)";
    }

    // ---- state ----

    /** The last log position handed to every listener. */
    public long appliedSequence() {
        LogPosition p = position;
        return p == null ? 0 : p.sequence();
    }

    /** How many times the listeners were rebuilt: changes whenever their state starts over. */
    public long epoch() {
        return resets.get();
    }

    /** Items some listener could not take and has not taken since, oldest entry first. */
    public List<Skipped> skipped() {
        return skipped.values().stream().sorted(Comparator.comparingLong(Skipped::sequence)).toList();
    }

    /** How many items were skipped since the process started. */
    public long skippedTotal() {
        return skippedTotal.get();
    }

    /** How many times the follower thread died and was started again. */
    public int restarts() {
        return restarts;
    }

    /** Empty while the follower is alive and keeping up; otherwise why not. */
    public Optional<Trouble> trouble() {
        Thread t = thread;
        Trouble last = trouble != null ? trouble : openTrouble;
        if (running && t != null && !t.isAlive()) {
            return Optional.of(new Trouble("the follower thread has stopped"
                    + (last == null ? "" : " after " + last.lastError()), last == null ? null : last.since(), true));
        }
        return Optional.ofNullable(last);
    }

    /** Makes the thread poll now. */
    public void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    // ---- the thread ----

    private void follow() {
        long backoff = 0;
        while (running) {
            try {
                openPending();
                boolean more = followOnce();
                backoff = 0;
                trouble = null;
                if (!more) {
                    pause(interval().toMillis());
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

    private Duration interval() {
        return intervals.values().stream().min(Comparator.naturalOrder()).orElse(DEFAULT_INTERVAL);
    }

    private void noteTrouble(Throwable e, boolean fatal) {
        Trouble before = trouble;
        trouble = new Trouble(e.getClass().getSimpleName() + ": " + e.getMessage(),
                before == null ? clock.instant() : before.since(), fatal || before != null && before.fatal());
    }

    private void pause(long millis) throws InterruptedException {
        synchronized (wakeup) {
            wakeup.wait(Math.max(1, millis));
        }
    }

    private synchronized void startThread(long delayMillis) {
        Thread t = new Thread(() -> {
            try {
                if (delayMillis > 0) {
                    pause(delayMillis);
                }
                follow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                LOG.error("The publication log follower thread died", e);
                noteTrouble(e, true);
            } finally {
                restartIfDead(Thread.currentThread());
            }
        }, "knead-publication-follower");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private synchronized void restartIfDead(Thread dead) {
        if (!running || thread != dead) {
            return;
        }
        if (restarts >= MAX_RESTARTS) {
            LOG.error("The publication log follower died {} times; not starting it again", restarts);
            return;
        }
        restarts++;
        LOG.warn("Starting the publication log follower again (restart {})", restarts);
        try {
            startThread(Math.min(10_000, 250L * restarts));
        } catch (Throwable e) {
            LOG.error("Could not start the publication log follower again", e);
        }
    }

    // ---- lifecycle ----

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (!pending.isEmpty() || !active.isEmpty()) {
            startThread(0);
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        // no interrupt: an interrupted index write could break the index; the thread sees the flag
        wake();
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the read models (phase 0), before the apps' other beans. */
    @Override
    public int getPhase() {
        return 1;
    }
}
