package org.knead.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded store on its own, so that the admin console and the public API share it:
 * {@code java -cp ... org.knead.store.EmbeddedStoreMain [dataDir] [port] [host]}. Stops on Ctrl-C.
 */
public final class EmbeddedStoreMain {

    private EmbeddedStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : env("KNEAD_DATA_DIR", "data"));
        int port = Integer.parseInt(args.length > 1 ? args[1] : env("KNEAD_STORE_PORT", "27018"));
        String host = args.length > 2 ? args[2] : env("KNEAD_STORE_HOST", "127.0.0.1");
        EmbeddedStore store;
        try {
            store = EmbeddedStore.startPersistent(dataDir, host, port);
        } catch (IllegalStateException e) {
            System.err.println("knead store: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "knead-store-shutdown"));
        System.out.println("Knead store ready at " + store.connectionString() + " (data in "
                + dataDir.toAbsolutePath() + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
