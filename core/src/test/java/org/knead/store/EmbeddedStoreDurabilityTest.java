package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The embedded store's durability guarantee: a write is answered only once it is committed and
 * synced, so a kill -9 right after the answer loses nothing; and a store that cannot write refuses
 * writes with a clear error, reports it through health, and resumes by itself.
 */
class EmbeddedStoreDurabilityTest {

    private static final StoreProperties PROPS = new StoreProperties(null, Path.of("data"), "127.0.0.1", 0, "knead",
            "h2", Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10));

    @TempDir
    Path dataDir;

    private static MongoClient client(String connectionString) {
        // the apps' own settings: majority write concern with journaling, majority reads
        return MongoClients.create(StoreConfiguration.clientSettings(connectionString, PROPS));
    }

    /**
     * The store runs in a child JVM, killed (SIGKILL) right after the last answer. Without a commit
     * before each answer the MVStore commits about once a second, and the last writes are lost.
     */
    @Test
    void aKilledStoreKeepsEveryAcknowledgedWrite() throws Exception {
        int n = 200;
        ChildStore store = startChildStore();
        try (MongoClient client = client(waitForReady(store))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            for (int i = 0; i < n; i++) {
                notes.insertOne(new Document("_id", "note-" + i).append("i", i));
            }
            // an update and a findAndModify, acknowledged just before the kill
            notes.updateOne(new Document("_id", "note-0"), new Document("$set", new Document("changed", true)));
            // a write without journal (answered unsynced), held by the acknowledged write after it
            notes.withWriteConcern(org.knead.config.PrecedingWrites.CONCERN).insertOne(new Document("_id", "preceding"));
            notes.findOneAndUpdate(new Document("_id", "counter"), new Document("$inc", new Document("v", 1)),
                    new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
            store.kill(); // SIGKILL, right after the last answer
        } finally {
            store.kill();
        }
        ChildStore again = startChildStore();
        try (MongoClient client = client(waitForReady(again))) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            assertThat(notes.countDocuments(new Document("i", new Document("$exists", true)))).isEqualTo(n);
            assertThat(notes.find(new Document("_id", "note-" + (n - 1))).first()).isNotNull();
            assertThat(notes.find(new Document("_id", "note-0")).first().getBoolean("changed")).isTrue();
            assertThat(notes.find(new Document("_id", "counter")).first().getInteger("v")).isEqualTo(1);
            assertThat(notes.find(new Document("_id", "preceding")).first()).isNotNull();
        } finally {
            again.kill();
        }
    }

    /**
     * Kill -9 only loses what the process had not written to the file: the operating system still
     * writes its cache out. What a power cut would lose is what was written but not synced, so here
     * the file store counts its writes and syncs, and every answer must find nothing written since
     * the last sync (background commits are off, so every write to the file comes from a command).
     */
    @Test
    void everyAnsweredWriteIsSyncedToTheDisk() throws Exception {
        List<CountingFileStore> fileStores = new ArrayList<>();
        DurableBackend backend = countingBackend(fileStores);
        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                MongoClient client = client(store.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            CountingFileStore fs = fileStores.get(0);
            long writesBefore = fs.getWriteCount();
            for (int i = 0; i < 50; i++) {
                notes.insertOne(new Document("_id", "one-" + i));
                assertThat(fs.syncedWrites).as("writes synced when insert %d was answered", i)
                        .isEqualTo(fs.getWriteCount());
                notes.updateOne(new Document("_id", "one-" + i), new Document("$set", new Document("v", i)));
                assertThat(fs.syncedWrites).as("writes synced when update %d was answered", i)
                        .isEqualTo(fs.getWriteCount());
            }
            assertThat(fs.getWriteCount()).isGreaterThan(writesBefore + 50);

            // eight writers at once share syncs (group commit), and still every answer waited for one
            int syncsBefore = fs.syncs;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        notes.insertOne(new Document("_id", thread + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(fs.syncedWrites).isEqualTo(fs.getWriteCount());
            assertThat(fs.syncs - syncsBefore).isPositive().isLessThanOrEqualTo(320);
            assertThat(notes.countDocuments()).isEqualTo(50 + 320);
        }
    }

    /**
     * The path of a save through the apps' client and services: its revision, audit entry and superseded
     * revisions precede the item's head and are written without a sync of their own ({@code j: false}); the
     * head's commit and sync holds them all. So every save is answered after exactly one sync, and when it
     * is answered nothing it wrote is left uncommitted or unsynced.
     */
    @Test
    void aSaveIsAnsweredAfterOneSyncThatHoldsEverythingItWrote() throws Exception {
        List<CountingFileStore> fileStores = new ArrayList<>();
        List<MVStore> mvStores = new ArrayList<>();
        DurableBackend backend = DurableBackend.open(dataDir.resolve(EmbeddedStore.DATA_FILE), true,
                (file, onFailure) -> {
                    CountingFileStore fs = new CountingFileStore();
                    fs.open(file.toString(), false, null);
                    fileStores.add(fs);
                    MVStore mv = new MVStore.Builder().adoptFileStore(fs).autoCommitDisabled()
                            .backgroundExceptionHandler(onFailure).open();
                    mvStores.add(mv);
                    return mv;
                });
        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                var ctx = new org.springframework.boot.builder.SpringApplicationBuilder(
                        org.knead.testing.CoreTestApplication.class)
                        .properties("knead.store.uri=" + store.connectionString() + "/knead",
                                "knead.core.import-reference=false", "spring.main.banner-mode=off")
                        .run()) {
            CountingFileStore fs = fileStores.get(0);
            MVStore mv = mvStores.get(0);
            var content = ctx.getBean(org.knead.revision.ContentService.class);
            var workflow = ctx.getBean(org.knead.review.WorkflowService.class);
            var editor = org.knead.actor.Actor.of("anna", org.knead.actor.Role.EDITOR);
            var ref = org.knead.content.ContentRef.of(org.knead.content.ContentType.SYMPTOM, "stiff-neck");
            java.util.function.IntFunction<org.knead.content.Content> version = v -> org.knead.content.Content
                    .builder(org.knead.content.ContentType.SYMPTOM, "stiff-neck").title("Stiff neck")
                    .summary("Version " + v + ".").build();

            int syncs = fs.syncs;
            int head = content.create(version.apply(1), "first", editor).number();
            assertThat(fs.syncs - syncs).as("syncs of a create").isEqualTo(1);
            assertEverythingSynced(fs, mv, "the create");
            for (int i = 2; i <= 12; i++) {
                if (i % 4 == 0) { // a revision in review, which the next save supersedes (more preceding writes)
                    workflow.submit(ref, head, editor);
                }
                syncs = fs.syncs;
                head = content.save(ref, head, version.apply(i), "save " + i, editor).number();
                assertThat(fs.syncs - syncs).as("syncs of save %d", i).isEqualTo(1);
                assertEverythingSynced(fs, mv, "save " + i);
            }
            assertThat(content.history(ref)).hasSize(12).first().satisfies(r -> assertThat(r.number()).isEqualTo(12));
            assertThat(content.history(ref)).filteredOn(r -> r.state() == org.knead.revision.RevisionState.SUPERSEDED)
                    .extracting(org.knead.revision.Revision::number).containsExactly(11, 7, 3);

            // a publish (its intent, revision states, public copy and audit entry are preceding writes too) is
            // answered with all of it synced
            var review = ctx.getBean(org.knead.review.ReviewService.class);
            var publishing = ctx.getBean(org.knead.review.PublishingService.class);
            var ben = org.knead.actor.Actor.of("ben", org.knead.actor.Role.EDITOR);
            for (int p = 1; p <= 2; p++) { // the first entry of the log also writes the log's head document
                if (p == 2) {
                    head = content.save(ref, head, version.apply(13), "save 13", editor).number();
                }
                review.submit(ref, head, editor);
                review.approve(ref, head, "ok", ben);
                syncs = fs.syncs;
                publishing.publish(ref, head, ben);
                assertEverythingSynced(fs, mv, "publish " + p);
            }
            assertThat(fs.syncs - syncs).as("syncs of a publish: the log entry (holding the intent, revision states "
                    + "and public copy) and the outcome (holding the audit entry)").isEqualTo(2);
            assertThat(ctx.getBean(org.knead.publication.PublishedContent.class).find(ref)).isPresent();
        }
    }

    /**
     * A durable backend on the test's data folder whose file stores count their writes and syncs (each
     * opened one is added to {@code fileStores}); background commits are off, so every write comes from a command.
     */
    private DurableBackend countingBackend(List<CountingFileStore> fileStores) {
        return DurableBackend.open(dataDir.resolve(EmbeddedStore.DATA_FILE), true, (file, onFailure) -> {
            CountingFileStore fs = new CountingFileStore();
            fs.open(file.toString(), false, null);
            fileStores.add(fs);
            return new MVStore.Builder().adoptFileStore(fs).autoCommitDisabled()
                    .backgroundExceptionHandler(onFailure).open();
        });
    }

    private static void assertEverythingSynced(CountingFileStore fs, MVStore mv, String what) {
        assertThat(mv.hasUnsavedChanges()).as("changes left uncommitted when %s was answered", what).isFalse();
        assertThat(fs.syncedWrites).as("writes synced when %s was answered", what).isEqualTo(fs.getWriteCount());
    }

    /** A write that says {@code j: false} is answered without a sync; the next synced write holds it. */
    @Test
    void aWriteWithoutJournalIsHeldByTheNextSyncedOne() throws Exception {
        List<CountingFileStore> fileStores = new ArrayList<>();
        DurableBackend backend = countingBackend(fileStores);
        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                MongoClient client = client(store.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            notes.insertOne(new Document("_id", "first"));
            CountingFileStore fs = fileStores.get(0);
            int syncs = fs.syncs;
            long written = fs.getWriteCount();
            notes.withWriteConcern(org.knead.config.PrecedingWrites.CONCERN).insertOne(new Document("_id", "preceding"));
            assertThat(fs.syncs).isEqualTo(syncs);
            assertThat(fs.getWriteCount()).as("nothing committed for it").isEqualTo(written);
            notes.insertOne(new Document("_id", "acknowledging"));
            assertThat(fs.syncs).isEqualTo(syncs + 1);
            assertThat(fs.syncedWrites).isEqualTo(fs.getWriteCount());
        }
        // reopened from the file: both are there
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dataDir, "127.0.0.1", 0);
                MongoClient client = client(store.connectionString())) {
            assertThat(ids(client.getDatabase("knead").getCollection("notes")))
                    .containsExactlyInAnyOrder("first", "preceding", "acknowledging");
        }
        assertThat(DurableBackend.journalNotRequired(new de.bwaldvogel.mongo.bson.Document("writeConcern",
                new de.bwaldvogel.mongo.bson.Document("w", "majority").append("j", false)))).isTrue();
        assertThat(DurableBackend.journalNotRequired(new de.bwaldvogel.mongo.bson.Document("writeConcern",
                new de.bwaldvogel.mongo.bson.Document("w", "majority").append("j", true)))).isFalse();
        assertThat(DurableBackend.journalNotRequired(new de.bwaldvogel.mongo.bson.Document())).isFalse();
    }

    /** A file store that remembers how many writes the last sync covered. */
    static final class CountingFileStore extends SingleFileStore {
        volatile long syncedWrites;
        volatile int syncs;

        CountingFileStore() {
            super(new HashMap<>());
        }

        @Override
        public synchronized void sync() {
            long writes = getWriteCount();
            super.sync();
            syncedWrites = writes;
            syncs++;
        }
    }

    @Test
    void aStoreThatCannotWriteRefusesWritesReportsItAndResumes() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dataDir, "127.0.0.1", 0);
                MongoClient client = client(store.connectionString())) {
            MongoCollection<Document> notes = client.getDatabase("knead").getCollection("notes");
            notes.insertOne(new Document("_id", "before"));
            StoreHealthIndicator health = new StoreHealthIndicator(new MongoTemplate(client, "knead"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            store.injectCommitFailure(new IOException("No space left on device"));
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "refused-1")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("the store cannot write: disk full")
                    .satisfies(e -> assertThat(StoreErrors.cannotWrite(
                            new RuntimeException("wrapped", e))).isEqualTo("the store cannot write: disk full"));
            assertThat(store.writeFailure()).isEqualTo("disk full");
            // refused at once from now on, without being applied
            assertThatThrownBy(() -> notes.insertOne(new Document("_id", "refused-2")))
                    .hasMessageContaining("the store cannot write: disk full");
            var down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().toString()).contains("the store cannot write: disk full");
            // reads go on (the file is reopened at its last commit)
            awaitUntil(() -> notes.find(new Document("_id", "before")).first() != null);

            store.injectCommitFailure(null); // space is back
            awaitUntil(() -> store.writeFailure() == null);
            notes.insertOne(new Document("_id", "after"));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            // a write answered with an error was not acknowledged: it may or may not be kept (as with
            // MongoDB); one refused at once was never applied
            assertThat(ids(notes)).contains("before", "after").doesNotContain("refused-2");
        }
        // and all of it is in the file
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dataDir, "127.0.0.1", 0);
                MongoClient client = client(store.connectionString())) {
            assertThat(ids(client.getDatabase("knead").getCollection("notes")))
                    .contains("before", "after").doesNotContain("refused-2");
        }
    }

    @Test
    void writeCommandsAreToldFromReads() {
        assertThat(DurableBackend.isWrite("insert", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableBackend.isWrite("findandmodify", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableBackend.isWrite("createindexes", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableBackend.isWrite("somethingnew", new de.bwaldvogel.mongo.bson.Document())).isTrue();
        assertThat(DurableBackend.isWrite("find", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        assertThat(DurableBackend.isWrite("ping", new de.bwaldvogel.mongo.bson.Document())).isFalse();
        assertThat(DurableBackend.isWrite("aggregate", new de.bwaldvogel.mongo.bson.Document("pipeline", List.of(new de.bwaldvogel.mongo.bson.Document("$match",
                new de.bwaldvogel.mongo.bson.Document()))))).isFalse();
        assertThat(DurableBackend.isWrite("aggregate", new de.bwaldvogel.mongo.bson.Document("pipeline", List.of(new de.bwaldvogel.mongo.bson.Document("$out", "x")))))
                .isTrue();
        assertThat(DurableBackend.reason(new IOException("x", new IOException("No space left on device"))))
                .isEqualTo("disk full");
    }

    private static List<String> ids(MongoCollection<Document> notes) {
        List<String> ids = new ArrayList<>();
        notes.find().forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // retry
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------ the child store

    private record ChildStore(Process process, Path output) {
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private ChildStore startChildStore() throws IOException {
        Path out = Files.createTempFile(dataDir, "store", ".log");
        List<String> command = new ArrayList<>();
        command.add(org.knead.testing.StoreProcess.java());
        command.addAll(org.knead.testing.StoreProcess.arguments(dataDir, dataDir.resolve("store"), 0));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        return new ChildStore(process, out);
    }

    private static String waitForReady(ChildStore store) throws Exception {
        Pattern ready = Pattern.compile("Knead store ready at (mongodb://\\S+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(store.output(), StandardCharsets.UTF_8);
            Matcher m = ready.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            if (!store.process().isAlive()) {
                throw new AssertionError("the store stopped: " + text);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the store did not start: " + Files.readString(store.output()));
    }
}
