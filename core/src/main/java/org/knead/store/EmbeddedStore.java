package org.knead.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knead's embedded MongoDB-compatible store: mongo-java-server with its H2 backend, persisted to
 * one file in the data folder and listening on a local port so that every Knead process on the
 * machine can share it. Only one process can hold the data file at a time.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    public static final String DATA_FILE = "knead-store.mv.db";
    private static final int WORKER_THREADS = 16;

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoServer server, MongoBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /**
     * Starts a store persisted under {@code dataDir}, listening on host:port (port 0 picks a free one).
     * Every write is committed and synced to the disk before it is answered (see {@link DurableBackend}).
     */
    public static EmbeddedStore startPersistent(Path dataDir, String host, int port) {
        return startPersistent(dataDir, host, port, true);
    }

    /**
     * As {@link #startPersistent(Path, String, int)}; with {@code syncWrites} false, writes are answered
     * before they reach the disk (the H2 backend commits about once a second): only the benchmark's
     * reference uses that.
     */
    public static EmbeddedStore startPersistent(Path dataDir, String host, int port, boolean syncWrites) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve(DATA_FILE).toAbsolutePath();
        DurableBackend backend;
        try {
            backend = DurableBackend.open(file, syncWrites);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the embedded store's data file " + file
                    + ": is another Knead store already using this data folder? (" + e.getMessage() + ")", e);
        }
        return start(backend, host, port, file.toString());
    }

    /** Starts a store that keeps everything in memory: for tests. */
    public static EmbeddedStore startInMemory(String host, int port) {
        return start(new MemoryBackend(), host, port, "memory");
    }

    static EmbeddedStore start(MongoBackend backend, String host, int port, String where) {
        MongoServer server = new MongoServer(backend);
        try {
            // Netty's default is 2 worker threads per core; a writer waiting for the disk holds its
            // thread, so allow more of them, to let concurrent writers share one sync.
            server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        } catch (Exception e) { // bind() rethrows the checked BindException undeclared
            backend.close();
            if (hasCause(e, BindException.class)) {
                throw new IllegalStateException("Cannot start the embedded store: port " + port + " on " + host
                        + " is already in use. Stop what uses it, or choose another port (KNEAD_STORE_PORT).", e);
            }
            throw new IllegalStateException("Cannot start the embedded store on " + host + ":" + port, e);
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("Embedded store listening on {}:{} ({})", host, address.getPort(), where);
        return new EmbeddedStore(server, backend, address);
    }

    /** Whether something already listens on host:port (another Knead process's store, usually). */
    public static boolean isListening(String host, int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static String connectionString(String host, int port) {
        return "mongodb://" + host + ":" + port;
    }

    public String connectionString() {
        return connectionString(address.getHostString(), address.getPort());
    }

    public int port() {
        return address.getPort();
    }

    /** Commits and syncs everything to the data file (with durable writes, each write already is). */
    public void flush() {
        if (backend instanceof DurableBackend durable) {
            durable.flush();
        }
    }

    /** Why the store cannot write (disk full...), or null while it can; always null in memory. */
    public String writeFailure() {
        return backend instanceof DurableBackend durable ? durable.failure() : null;
    }

    /** Test hook: every commit fails with this cause, as on a full disk; {@code null} clears it. */
    void injectCommitFailure(IOException cause) {
        if (backend instanceof DurableBackend durable) {
            durable.injectCommitFailure(cause);
        }
    }

    @Override
    public void close() {
        flush();
        server.shutdown();
        LOG.info("Embedded store stopped");
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
