package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Searches in turns: never more at once than the limit, every one answered, none held by a stuck one for long. */
class TurnsTest {

    @Test
    void neverMoreAtOnceThanTheLimitAndEveryOneAnswered() throws Exception {
        Turns turns = new Turns(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                answers.add(pool.submit(() -> turns.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return n * 2;
                })));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i * 2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    @Test
    void aSearchWaitsAtMostTheLongestWaitThenRunsAnyway() throws Exception {
        Turns turns = new Turns(1, Duration.ofMillis(100));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = new Thread(() -> turns.run(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        stuck.start();
        try {
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            // the only turn is held: the next search still gets its answer
            assertThat(turns.run(() -> "answered")).isEqualTo("answered");
        } finally {
            release.countDown();
            stuck.join();
        }
    }

    @Test
    void noLimitRunsAtOnce() throws Exception {
        Turns turns = new Turns(0, Duration.ofMillis(1));
        CountDownLatch both = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> turns.run(() -> {
                    both.countDown();
                    try {
                        return both.await(10, TimeUnit.SECONDS); // true only if both ran at the same time
                    } catch (InterruptedException e) {
                        return false;
                    }
                })));
            }
            for (Future<Boolean> a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
