package org.knead.api.web;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caps how many requests wait on the store at once. When the store is slow or down, each read waits
 * up to the client's timeouts (about 2 s); without a cap, enough such reads would hold every request
 * thread and even searches, which need no store, would queue behind them. Past the cap a read is
 * answered at once with a 503 problem and {@code Retry-After}.
 */
@Component
public class StoreBulkhead {

    private final Semaphore permits;

    public StoreBulkhead(@Value("${knead.api.store-read-concurrency:16}") int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("knead.api.store-read-concurrency must be at least 1");
        }
        this.permits = new Semaphore(concurrency);
    }

    /** Runs a store read within the cap, or answers 503 when the cap is reached. */
    public <T> T read(Supplier<T> storeRead) {
        if (!permits.tryAcquire()) {
            throw ApiProblem.unavailable("The content store is slow to answer right now; try again in a few seconds."
                    + " Search still answers.");
        }
        try {
            return storeRead.get();
        } finally {
            permits.release();
        }
    }
}
