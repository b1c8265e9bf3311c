package org.knead.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class StoreBulkheadTest {

    @Test
    void readsBeyondTheCapAreAnswered503WithinAMomentWhileTheStoreHangs() throws Exception {
        StoreBulkhead bulkhead = new StoreBulkhead(2);
        CountDownLatch storeHangs = new CountDownLatch(1);
        CountDownLatch bothWaiting = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> bulkhead.read(() -> hang(storeHangs, bothWaiting)));
            Future<String> second = threads.submit(() -> bulkhead.read(() -> hang(storeHangs, bothWaiting)));
            assertThat(bothWaiting.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> bulkhead.read(() -> "never read"))
                    .isInstanceOfSatisfying(ApiProblem.class,
                            p -> assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(StoreBulkhead.WAIT.toMillis() + 500);

            storeHangs.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("read");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("read");
            assertThat(bulkhead.read(() -> "again")).isEqualTo("again");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aReadBeyondTheCapWaitsForAPermitFreedWithinTheWait() throws Exception {
        StoreBulkhead bulkhead = new StoreBulkhead(1, java.time.Duration.ofSeconds(5));
        CountDownLatch storeAnswers = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = threads.submit(() -> bulkhead.read(() -> hang(storeAnswers, reading)));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> second = threads.submit(() -> bulkhead.read(() -> "second"));
            Thread.sleep(100);
            assertThat(second.isDone()).isFalse(); // waiting for the permit, not refused
            storeAnswers.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("read");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingReadGivesItsPermitBack() {
        StoreBulkhead bulkhead = new StoreBulkhead(1);
        assertThatThrownBy(() -> bulkhead.read(() -> {
            throw new IllegalStateException("store gone");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(bulkhead.read(() -> "read")).isEqualTo("read");
    }

    private static String hang(CountDownLatch release, CountDownLatch waiting) {
        waiting.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "read";
    }
}
