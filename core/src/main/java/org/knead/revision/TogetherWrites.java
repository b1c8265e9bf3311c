package org.knead.revision;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs independent writes at the same time and waits for all of them. Each write is acknowledged only
 * once the store has committed and synced it; sent together, they share one commit and sync on the
 * embedded store (its group commit) and one round of replication on MongoDB, so a save waits for two
 * syncs in a row instead of three. Only for writes whose order does not matter for recovery.
 */
public final class TogetherWrites {

    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "knead-together-write");
        t.setDaemon(true);
        return t;
    });

    private TogetherWrites() {
    }

    /** Runs {@code first} here and {@code second} beside it; rethrows the first failure after both ended. */
    public static void run(Runnable first, Runnable second) {
        CompletableFuture<Void> other = CompletableFuture.runAsync(second, POOL);
        RuntimeException failed = null;
        try {
            first.run();
        } catch (RuntimeException e) {
            failed = e;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            if (failed == null) {
                failed = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
