package org.knead.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's backend: mongo-java-server's {@link H2Backend}, made durable.
 *
 * <ul>
 * <li>A write command (anything that is not known to only read) is answered only after the MVStore
 * has committed it and the data file has been synced to the disk ({@code fsync}): what a client
 * saw acknowledged survives a kill -9 or a power cut. Concurrent writers share one commit and sync
 * (group commit): a writer that finds a commit already under way waits for it and then, if its own
 * change came too late for that one, the next writer in line commits for everyone waiting. The commit
 * runs on that writer's thread (MVStore's background writer is off, see {@link #SYNCED_OPENER}); the data
 * file's upkeep runs between commits, from the store's own task, and is synced before the next answer.</li>
 * <li>When a commit or sync fails (disk full, data folder read-only or gone), the write is answered
 * with an error, never acknowledged; the MVStore is closed without writing anything more (the data
 * file keeps the last committed state, which holds every acknowledged write) and the store enters a
 * failed state: writes are refused at once with "the store cannot write: REASON", {@code ping} (the
 * apps' health check) answers the same error, reads go on from the reopened file. A background task
 * retries every second: it reopens the file and commits a small probe; once that succeeds, writes
 * are accepted again, without a restart.</li>
 * <li>A write that says it need not be journaled (write concern {@code j: false}, as
 * {@code org.knead.config.PrecedingWrites} sends the writes that precede an operation's acknowledged
 * one) is answered once applied, without a commit: the next synced write commits it with everything
 * else, since MVStore commits are sequential and a commit holds every change applied before it
 * started. A client that gets such a write answered has been told nothing is durable yet; it makes it
 * so by a synced write of its own, which is answered only after that commit and sync. Readers can see
 * such a write before it is synced (as they see any write while its commit runs); anything acknowledged
 * that builds on it is a later synced write, which makes it durable first.</li>
 * </ul>
 * With {@code syncWrites} off it behaves as the plain H2 backend (commits about once a second): the
 * benchmark's reference.
 */
final class DurableBackend implements MongoBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DurableBackend.class);

    /** MongoDB's own code for this situation ({@code OutOfDiskSpace}); used for every write failure. */
    static final int CANNOT_WRITE_CODE = 14031;
    static final String CANNOT_WRITE = "the store cannot write: ";

    /** Commands that never change data (lower case). Anything else is treated as a write. */
    private static final Set<String> READ_ONLY = Set.of(
            "find", "getmore", "count", "distinct", "listcollections", "listindexes", "listdatabases",
            "hello", "ismaster", "buildinfo", "whatsmyuri", "serverstatus", "dbstats", "collstats",
            "killcursors", "endsessions", "startsession", "refreshsessions", "getlasterror", "getlog",
            "hostinfo", "connectionstatus", "getparameter", "getcmdlineopts", "explain", "currentop",
            "getfreemonitoringstatus", "features", "datasize", "validate", "saslstart", "saslcontinue",
            "authenticate", "logout", "getnonce");

    private static final String PROBE_MAP = "knead.durability.probe";
    /** The free space (in 64 KB blocks) a failed store wants before it tries to write again: 1 MB. */
    private static final int PROBE_BLOCKS = 16;

    private final Path file;
    private final boolean syncWrites;
    private final Clock clock;
    private volatile H2Backend delegate;
    private volatile MVStore mvStore;
    private boolean oplogEnabled;
    private MongoVersion version;

    /** Commands run under the read lock; swapping in a reopened store takes the write lock. */
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();

    // group commit: a writer takes a ticket once its change is applied; a commit started after
    // ticket t was taken makes t durable.
    private final AtomicLong lastTicket = new AtomicLong();
    private final ReentrantLock commitLock = new ReentrantLock();
    private long durableTicket;

    /** Why the store cannot write, or null while it can. */
    private volatile String failure;
    private volatile boolean needsReopen;
    private final ScheduledExecutorService recovery;

    /** Test hook: when set, every commit fails with this as the cause, as a full disk would make it. */
    private volatile IOException injectedFailure;

    /** Opens the MVStore of a file; tests give one with an instrumented file store. */
    interface StoreOpener {
        MVStore open(Path file, Thread.UncaughtExceptionHandler onBackgroundFailure);
    }

    static final int KEYS_PER_PAGE = 16;
    /**
     * MVStore commits on its own (without a sync) once this much is changed and not committed; an upkeep step
     * rewrites at most a quarter of it and moves at most twice it: 1 MB (MVStore's default here: 19 MB).
     */
    static final int AUTO_COMMIT_BUFFER_KB = 1024;

    /**
     * The durable store's MVStore: no background writer, so a commit runs on the thread that asks for it
     * (with the background writer, each commit was handed to MVStore's serialization thread and then to its
     * save thread, and waited for both, and for the writer's own upkeep of the file, which rewrote chunks
     * under the store's lock); the upkeep runs from the store's own task ({@link #keepHouse}). Leaves hold
     * at most {@value #KEYS_PER_PAGE} entries (MVStore's default: 48): a commit rewrites every leaf that
     * changed, with all its documents, so smaller leaves mean less to serialize and write per commit.
     */
    static final StoreOpener SYNCED_OPENER = syncedOpener(HousekeptFileStore::new);

    /** {@link #SYNCED_OPENER} on file stores from {@code fileStores} (a test's, which watches the upkeep). */
    static StoreOpener syncedOpener(java.util.function.Supplier<? extends HousekeptFileStore> fileStores) {
        return (file, onBackgroundFailure) -> openSynced(fileStores.get(), file, onBackgroundFailure);
    }

    private static MVStore openSynced(HousekeptFileStore fileStore, Path file,
            Thread.UncaughtExceptionHandler onBackgroundFailure) {
        fileStore.open(file.toString(), false, null);
        try {
            return new MVStore.Builder()
                    .adoptFileStore(fileStore)
                    .autoCommitDisabled()
                    .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB)
                    .keysPerPage(KEYS_PER_PAGE)
                    .backgroundExceptionHandler(onBackgroundFailure)
                    .open();
        } catch (RuntimeException e) {
            fileStore.close();
            throw e;
        }
    }

    /** The plain H2 backend's MVStore (its background writer commits about once a second): the reference. */
    static final StoreOpener REFERENCE_OPENER = (file, onBackgroundFailure) -> new MVStore.Builder()
            .fileName(file.toString())
            .backgroundExceptionHandler(onBackgroundFailure)
            .open();

    private final StoreOpener opener;

    private DurableBackend(Path file, boolean syncWrites, StoreOpener opener) {
        this.file = file;
        this.syncWrites = syncWrites;
        this.opener = opener;
        this.recovery = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knead-store-recovery");
            t.setDaemon(true);
            return t;
        });
        this.delegate = new IdLookupH2Backend(openMvStore());
        this.mvStore = delegate.getMvStore();
        this.clock = delegate.getClock();
        recovery.scheduleWithFixedDelay(this::recoverIfFailed, 1, 1, TimeUnit.SECONDS);
        if (syncWrites && mvStore.getFileStore() instanceof HousekeptFileStore) {
            scheduleUpkeep(UpkeepPace.BUSY_MILLIS);
        }
    }

    private void scheduleUpkeep(long delayMillis) {
        try {
            recovery.schedule(this::upkeepStep, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the store is being closed
        }
    }

    private void upkeepStep() {
        long next = UpkeepPace.BUSY_MILLIS;
        try {
            UpkeepStep step = keepHouse();
            next = UpkeepPace.nextDelayMillis(step.clientsWrote(), step.nanos());
        } finally {
            scheduleUpkeep(next);
        }
    }

    static DurableBackend open(Path file, boolean syncWrites) {
        return open(file, syncWrites, syncWrites ? SYNCED_OPENER : REFERENCE_OPENER);
    }

    static DurableBackend open(Path file, boolean syncWrites, StoreOpener opener) {
        return new DurableBackend(file, syncWrites, opener);
    }

    private MVStore openMvStore() {
        MVStore store = opener.open(file, (thread, e) -> markFailed(e));
        if (syncWrites) {
            // MVStore keeps the chunks of the last 45 s by default, in case the disk had not written them
            // yet; here every commit is synced before the next, so a dead chunk may be reused at once. With
            // a commit per write the default let the file grow to about 100 KB per write (982 MB for
            // 10,000 published items) and kept the background writer compacting it.
            store.setRetentionTime(0);
        }
        return store;
    }

    // ------------------------------------------------------------------ commands

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        return run(command, message.getDocument(), () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return run(command, query, () -> delegate.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        swapLock.readLock().lock();
        try {
            return delegate.handleQuery(query);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    @Override
    public void dropDatabase(String database) {
        Document answer = run("dropDatabase", new Document(), () -> {
            delegate.dropDatabase(database);
            return new Document("ok", 1);
        });
        if (!isOk(answer)) {
            throw new MongoServerError(CANNOT_WRITE_CODE, "OutOfDiskSpace",
                    String.valueOf(answer.get("errmsg")));
        }
    }

    private interface Command {
        Document run();
    }

    private Document run(String command, Document body, Command action) {
        String name = command.toLowerCase(Locale.ROOT);
        boolean write = isWrite(name, body);
        boolean deferred = write && journalNotRequired(body);
        String failed = failure;
        if (failed != null && (write || name.equals("ping"))) {
            return cannotWrite(failed);
        }
        if (needsReopen) {
            try {
                reopen();
            } catch (RuntimeException e) {
                return cannotWrite(failure != null ? failure : reason(e));
            }
        }
        swapLock.readLock().lock();
        try {
            Document answer;
            try {
                answer = action.run();
            } catch (RuntimeException e) {
                if (write && !deferred) {
                    String f = makeDurable(); // a failed write can still have changed something (a partial batch)
                    if (f != null) {
                        return cannotWrite(f);
                    }
                } else if (needsReopen) {
                    // the store was closed by a failed write under this read: read again from the reopened file
                    swapLock.readLock().unlock();
                    try {
                        reopen();
                    } catch (RuntimeException reopenFailed) {
                        return cannotWrite(failure != null ? failure : reason(reopenFailed));
                    } finally {
                        swapLock.readLock().lock();
                    }
                    return action.run();
                }
                throw e;
            }
            if (write && !deferred) {
                String f = makeDurable();
                if (f != null) {
                    return cannotWrite(f);
                }
            }
            return answer;
        } finally {
            swapLock.readLock().unlock();
        }
    }

    static boolean isWrite(String command, Document body) {
        if (command.equals("ping")) {
            return false;
        }
        if (command.equals("aggregate")) {
            // only $out and $merge stages write
            Object pipeline = body.get("pipeline");
            if (pipeline instanceof List<?> stages) {
                for (Object stage : stages) {
                    if (stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge"))) {
                        return true;
                    }
                }
            }
            return false;
        }
        return !READ_ONLY.contains(command);
    }

    /**
     * Whether the command's write concern says explicitly that it need not be journaled ({@code j: false}):
     * such a write is answered without its own commit and sync (see the class comment).
     */
    static boolean journalNotRequired(Document body) {
        if (body.get("writeConcern") instanceof Document concern) {
            Object j = concern.get("j");
            return Boolean.FALSE.equals(j) || j instanceof Number n && n.intValue() == 0;
        }
        return false;
    }

    /** Commits and syncs everything applied so far; null when durable, else why not. */
    private String makeDurable() {
        if (!syncWrites) {
            return null;
        }
        long ticket = lastTicket.incrementAndGet();
        commitLock.lock();
        try {
            if (durableTicket >= ticket) {
                return null; // a commit that started after our change covered it
            }
            if (failure != null) {
                return failure;
            }
            long covered = lastTicket.get();
            try {
                commitAndSync();
            } catch (RuntimeException | IOException e) {
                markFailed(e);
                // drop what was applied but not acknowledged before a background commit can keep it
                // (safe here, on a command thread; a panicked store is closed already)
                closeQuietly(mvStore);
                return failure;
            }
            durableTicket = covered;
            return null;
        } finally {
            commitLock.unlock();
        }
    }

    private void commitAndSync() throws IOException {
        IOException injected = injectedFailure;
        if (injected != null) {
            throw injected;
        }
        MVStore store = mvStore;
        store.commit();
        store.sync();
    }

    /**
     * What one upkeep step found and cost.
     *
     * @param clientsWrote whether a client's write reached the store since the previous step (a commit
     *        written to the file, or a write applied and not yet committed)
     * @param nanos how long the step took
     */
    record UpkeepStep(boolean clientsWrote, long nanos) {
        /** A step not run (the store failed or closed): the next one comes at the busy pace. */
        static final UpkeepStep SKIPPED = new UpkeepStep(true, 0);
    }

    /** The file's write count just after the last upkeep step: a different count means clients wrote. */
    private long fileWritesAfterUpkeep = -1;

    /**
     * One step of the data file's upkeep ({@link HousekeptFileStore}), between two commits, with no command
     * running: every command (reads too) waits for it as writers wait for a commit. MVStore's rewriting of live
     * pages races with readers of the same maps (a reader can meet a child page not yet written and fail with
     * "Position 0": H2 pull request #4374; seen here under load on H2 2.3.232), so no command reads while it runs.
     * What it wrote is committed and synced before commands go on, so that a write answered later never finds
     * anything written but not synced. How soon the next step runs is {@link UpkeepPace}'s.
     * (MVStore's own idle detection counts the file operations since its background writer's last step, a
     * count this store, running without that writer, cannot reset: to MVStore the file is never idle.)
     */
    UpkeepStep keepHouse() {
        if (failure != null || needsReopen) {
            return UpkeepStep.SKIPPED;
        }
        swapLock.writeLock().lock();
        try {
            commitLock.lock();
            try {
                MVStore store = mvStore;
                if (failure != null || needsReopen || store.isClosed()
                        || !(store.getFileStore() instanceof HousekeptFileStore fileStore)) {
                    return UpkeepStep.SKIPPED;
                }
                long started = System.nanoTime();
                long writes = fileStore.getWriteCount();
                boolean clientsWrote = writes != fileWritesAfterUpkeep || store.hasUnsavedChanges();
                fileStore.keepHouse(store);
                if (store.hasUnsavedChanges() || fileStore.getWriteCount() != writes) {
                    commitAndSync();
                }
                fileWritesAfterUpkeep = fileStore.getWriteCount();
                long took = System.nanoTime() - started;
                LOG.debug("Upkeep of the data file: {} ms{}", took / 1_000_000, clientsWrote ? "" : " (idle)");
                return new UpkeepStep(clientsWrote, took);
            } catch (RuntimeException | IOException e) {
                markFailed(e);
                closeQuietly(mvStore);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                commitLock.unlock();
            }
        } finally {
            swapLock.writeLock().unlock();
        }
        return UpkeepStep.SKIPPED;
    }

    // ------------------------------------------------------------------ failure and recovery

    private void markFailed(Throwable e) {
        recordFailure(e);
        // Drop what was applied but not acknowledged: the recovery task closes the MVStore without
        // writing (the file keeps the last commit, which holds every acknowledged write) and reopens it.
        // Never here: this can run on the MVStore's own writer thread, while a commit waits for it.
        try {
            recovery.execute(this::recoverIfFailed);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the store is being closed
        }
    }

    private void recordFailure(Throwable e) {
        String reason = reason(e);
        synchronized (this) {
            if (failure == null) {
                LOG.error("The store cannot write ({}): writes are refused until it can again; "
                        + "everything acknowledged so far is kept in {}", reason, file, e);
            }
            failure = reason;
            needsReopen = true;
        }
    }

    private static void closeQuietly(MVStore store) {
        try {
            store.closeImmediately();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }

    static String reason(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return "disk full";
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.nio.file.AccessDeniedException || String.valueOf(c.getMessage()).contains("Permission denied")) {
                return "permission denied on the data folder";
            }
            if (String.valueOf(c.getMessage()).contains("Read-only file system")) {
                return "the data folder is read-only";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Document cannotWrite(String reason) {
        Document d = new Document("ok", 0);
        d.put("errmsg", CANNOT_WRITE + reason);
        d.put("code", CANNOT_WRITE_CODE);
        d.put("codeName", "OutOfDiskSpace");
        return d;
    }

    private static boolean isOk(Document d) {
        return d.get("ok") instanceof Number n && n.doubleValue() == 1.0;
    }

    /** Called every second: reopens the file if needed and, while failed, tries a probe commit. */
    void recoverIfFailed() {
        try {
            if (needsReopen) {
                reopen();
            }
            if (failure == null || needsReopen || !diskTakesWrites()) {
                return;
            }
            commitLock.lock();
            try {
                MVStore store = mvStore;
                store.openMap(PROBE_MAP).put("lastProbe", clock.millis());
                commitAndSync();
                failure = null;
                LOG.info("The store can write again ({}): writes are accepted", file);
            } finally {
                commitLock.unlock();
            }
        } catch (RuntimeException | IOException | Error e) {
            recordFailure(e); // tried again in a second
        }
    }

    /**
     * Whether the data folder takes a small file now, written beside the data file and synced: a full
     * disk or read-only folder fails this without the MVStore trying (and closing on the error).
     */
    private boolean diskTakesWrites() {
        Path probe = file.resolveSibling(file.getFileName() + ".probe");
        try {
            IOException injected = injectedFailure;
            if (injected != null) {
                throw injected;
            }
            try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer block = ByteBuffer.allocate(64 * 1024);
                for (int i = 0; i < PROBE_BLOCKS; i++) {
                    block.clear();
                    while (block.hasRemaining()) {
                        channel.write(block);
                    }
                }
                channel.force(true);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            failure = reason(e);
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // read-only folder: nothing was written either
            }
        }
    }

    private void reopen() {
        swapLock.writeLock().lock();
        try {
            if (!needsReopen) {
                return;
            }
            if (!Files.exists(file)) {
                // never start an empty store in place of a vanished one
                throw new IllegalStateException("the data file " + file + " is missing");
            }
            try {
                mvStore.closeImmediately();
            } catch (RuntimeException ignored) {
                // already closed
            }
            H2Backend reopened = new IdLookupH2Backend(openMvStore());
            if (version != null) {
                reopened.version(version);
            }
            if (oplogEnabled) {
                reopened.enableOplog();
            }
            delegate = reopened;
            mvStore = reopened.getMvStore();
            needsReopen = false;
            LOG.info("Reopened the store's data file {} at its last commit", file);
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = failure != null ? failure : reason(e);
            }
            throw e;
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    /** Test hook: make every commit fail as if the disk were full ({@code null} clears it). */
    void injectCommitFailure(IOException cause) {
        injectedFailure = cause;
    }

    /** Why the store cannot write, or null while it can. */
    String failure() {
        return failure;
    }

    /** Commits and syncs now (a clean stop, or the reference mode's explicit flush). */
    void flush() {
        if (failure != null || needsReopen) {
            return;
        }
        commitLock.lock();
        try {
            mvStore.commit();
            mvStore.sync();
        } catch (RuntimeException e) {
            markFailed(e);
        } finally {
            commitLock.unlock();
        }
    }

    // ------------------------------------------------------------------ plain delegation

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        // never interrupt a running task: an interrupted FileChannel closes, and the MVStore with it
        recovery.shutdown();
        try {
            if (!recovery.awaitTermination(10, TimeUnit.SECONDS)) {
                recovery.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        swapLock.writeLock().lock();
        try {
            if (failure == null && !needsReopen) {
                delegate.close(); // commits what is left
            } else {
                try {
                    mvStore.closeImmediately();
                } catch (RuntimeException ignored) {
                    // already closed
                }
            }
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    @Override
    public synchronized void enableOplog() {
        oplogEnabled = true;
        delegate.enableOplog();
    }

    @Override
    public synchronized void disableOplog() {
        oplogEnabled = false;
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public synchronized MongoBackend version(MongoVersion v) {
        this.version = v;
        delegate.version(v);
        return this;
    }

    @Override
    public String toString() {
        return "DurableBackend[" + file + (syncWrites ? ", commit and sync before every answer" : ", no sync") + "]";
    }
}
