package org.knead.store.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.knead.store.EmbeddedStore;

/**
 * An embedded store in its own JVM for {@link StoreWriteBenchmark}, as {@code ./knead store} runs it, with
 * or without the commit and sync before every answer: {@code DATA_DIR PORT SYNC}. Prints "ready" once it
 * listens; stops when its standard input closes (when the benchmark ends or dies).
 */
public final class BenchStoreMain {

    private BenchStoreMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedStore store = EmbeddedStore.startPersistent(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]),
                Boolean.parseBoolean(args[2]));
        System.out.println("ready " + store.port());
        System.out.flush();
        CountDownLatch closed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing: waits for the end of the input
                }
            } catch (java.io.IOException ignored) {
                // the benchmark is gone
            }
            closed.countDown();
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        closed.await();
        store.close();
    }
}
