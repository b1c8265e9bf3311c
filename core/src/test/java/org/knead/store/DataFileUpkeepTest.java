package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data file's upkeep keeps pace with writes, and once none come it takes next to no time: an operator
 * sees a store that was busy an hour ago at rest, not tidying its file at a core's tenth for minutes.
 */
class DataFileUpkeepTest {

    private static final StoreProperties PROPS = new StoreProperties(null, Path.of("data"), "127.0.0.1", 0, "knead",
            "h2", Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** Each upkeep step takes 40 ms more than MVStore's own work, as a step that rewrites a large file does. */
    static final class SlowUpkeep extends HousekeptFileStore {
        private final AtomicInteger steps;

        SlowUpkeep(AtomicInteger steps) {
            this.steps = steps;
        }

        @Override
        void keepHouse(MVStore store) throws InterruptedException {
            steps.incrementAndGet();
            Thread.sleep(40);
            super.keepHouse(store);
        }
    }

    /** Once armed, the next upkeep step holds until released, as a long rewrite of live pages does. */
    static final class HeldUpkeep extends HousekeptFileStore {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch inStep = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        void keepHouse(MVStore store) throws InterruptedException {
            if (armed.compareAndSet(true, false)) {
                inStep.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            super.keepHouse(store);
        }
    }

    @TempDir
    Path dataDir;

    /**
     * MVStore's rewriting of live pages races with readers (a read could fail with "Position 0" under load):
     * while an upkeep step runs, no command reads; a read waits for the step and then answers.
     */
    @Test
    void noCommandReadsWhileAnUpkeepStepRewritesTheFile() throws Exception {
        HeldUpkeep upkeep = new HeldUpkeep();
        DurableBackend backend = DurableBackend.open(dataDir.resolve(EmbeddedStore.DATA_FILE), true,
                DurableBackend.syncedOpener(() -> upkeep));
        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                MongoClient client = MongoClients.create(
                        StoreConfiguration.clientSettings(store.connectionString(), PROPS))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            notes.insertOne(new Document("_id", "note-1").append("text", "kept"));
            upkeep.armed.set(true);
            assertThat(upkeep.inStep.await(5, TimeUnit.SECONDS)).as("an upkeep step started").isTrue();

            CompletableFuture<Document> read = CompletableFuture.supplyAsync(
                    () -> notes.find(new Document("_id", "note-1")).first());
            Thread.sleep(300);
            assertThat(read).as("a read while the step runs").isNotDone();

            upkeep.release.countDown();
            assertThat(read.get(5, TimeUnit.SECONDS).getString("text")).isEqualTo("kept");
        }
    }

    @Test
    void upkeepRunsEveryHalfSecondWhileClientsWriteAndRarelyOnceTheyStop() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        DurableBackend backend = DurableBackend.open(dataDir.resolve(EmbeddedStore.DATA_FILE), true,
                DurableBackend.syncedOpener(() -> new SlowUpkeep(steps)));
        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                MongoClient client = MongoClients.create(
                        StoreConfiguration.clientSettings(store.connectionString(), PROPS))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            int before = steps.get();
            long writingUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            for (int i = 0; System.nanoTime() < writingUntil; i++) {
                notes.insertOne(new Document("_id", "note-" + i).append("text", "x".repeat(500)));
            }
            int whileWriting = steps.get() - before;

            int atRest = steps.get();
            Thread.sleep(5_000);
            int idle = steps.get() - atRest;

            // while writing: a step every 540 ms or so (about 5 in 3 s)
            assertThat(whileWriting).as("upkeep steps in 3 s of writes").isGreaterThanOrEqualTo(3);
            // at rest: the step that finds the last writes, the one that finds none, then one after 8 s
            // (40 ms x 199: 8 s); at the busy pace there would be about 9
            assertThat(idle).as("upkeep steps in the 5 s after the last write").isLessThanOrEqualTo(3);
            assertThat(notes.countDocuments()).isPositive();
        }
    }
}
