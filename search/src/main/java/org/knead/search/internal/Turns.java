package org.knead.search.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most so many searches at once, the others waiting for their turn first come, first served: on a
 * machine with few cores, a crowd of searches sharing the processors makes an expensive one wait as many
 * times its own cost as there are searches, while in turns each waits for the queue ahead of it and then
 * runs alone (the same throughput, a shorter tail). A search that waited {@code maxWait} runs anyway, so
 * a stuck search never holds the others for long.
 */
public final class Turns {

    private final Semaphore turns;
    private final long maxWaitMillis;

    /** {@code limit} searches at once (0: no limit). */
    public Turns(int limit, Duration maxWait) {
        this.turns = limit > 0 ? new Semaphore(limit, true) : null;
        this.maxWaitMillis = maxWait.toMillis();
    }

    /** Runs {@code work} in its turn. */
    public <T> T run(Supplier<T> work) {
        boolean taken = false;
        if (turns != null) {
            try {
                taken = turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return work.get();
        } finally {
            if (taken) {
                turns.release();
            }
        }
    }
}
