package org.knead.api.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps how many requests wait on the store at once. When the store is slow or down, each read waits
 * up to the client's timeouts (about 2 s); without a cap, enough such reads would hold every request
 * thread and even searches, which need no store, would queue behind them. Past the cap a read waits
 * a moment for a permit ({@code knead.api.store-read-wait}, 200 ms: a healthy store answers a read in a
 * few milliseconds, so a burst of reads queues briefly instead of failing), then is answered with a 503
 * problem and {@code Retry-After}.
 */
@Component
public class StoreBulkhead {

    static final java.time.Duration WAIT = java.time.Duration.ofMillis(200);

    private final Semaphore permits;
    private final long waitNanos;

    public StoreBulkhead(int concurrency) {
        this(concurrency, WAIT);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public StoreBulkhead(@Value("${knead.api.store-read-concurrency:16}") int concurrency,
            @Value("${knead.api.store-read-wait:200ms}") java.time.Duration wait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("knead.api.store-read-concurrency must be at least 1");
        }
        this.permits = new Semaphore(concurrency);
        this.waitNanos = Math.max(0, wait.toNanos());
    }

    /** Runs a store read within the cap, or answers 503 when the cap is reached. */
    public <T> T read(Supplier<T> storeRead) {
        if (!acquire()) {
            throw ApiProblem.unavailable("The content store is slow to answer right now; try again in a few seconds."
                    + " Search still answers.");
        }
        try {
            return storeRead.get();
        } finally {
            permits.release();
        }
    }

    private boolean acquire() {
        if (permits.tryAcquire()) {
            return true;
        }
        try {
            return permits.tryAcquire(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
