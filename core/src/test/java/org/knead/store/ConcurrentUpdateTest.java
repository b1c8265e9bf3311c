package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates on several connections at once, each committed and synced before its answer: an update never
 * changes a document that another connection's commit is writing. mongo-java-server changes the document an
 * update matches in place; on the stored object, a commit writing that page on another thread failed
 * ("the store cannot write: ConcurrentModificationException", seen during a 100,000-item import) and the store
 * refused writes until it reopened. Every update is answered, and every acknowledged value is there after a
 * restart.
 */
class ConcurrentUpdateTest {

    private static final int THREADS = 4;
    private static final int UPDATES = 300;
    private static final int DOCUMENTS = 3;

    @TempDir
    Path dir;

    @Test
    void updatesOnSeveralConnectionsAreAllAnsweredAndKept() throws Exception {
        EmbeddedStore store = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
        List<Integer> last = new ArrayList<>();
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("knead").getCollection("items");
            for (int d = 0; d < DOCUMENTS; d++) {
                Document item = new Document("_id", "item-" + d).append("counter", 0).append("flag", "x");
                for (int f = 0; f < 300; f++) { // many fields: writing one takes a while
                    item.append("field" + f, "value " + f);
                }
                items.insertOne(item);
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < UPDATES; i++) {
                            String id = "item-" + (i % DOCUMENTS);
                            if (thread % 2 == 0) { // adds and removes fields: the map's keys change
                                items.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("counter", 1),
                                        i % 2 == 0 ? Updates.unset("flag") : Updates.set("flag", "t" + thread + "-" + i),
                                        Updates.set("by" + thread, i)));
                            } else {
                                items.findOneAndUpdate(Filters.eq("_id", id), Updates.combine(Updates.inc("counter", 1),
                                        Updates.set("note" + (i % 3), "n" + i), Updates.unset("note" + ((i + 1) % 3))),
                                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get(120, TimeUnit.SECONDS); // an update the store refused fails here
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.writeFailure()).as("the store never stopped writing").isNull();
            for (int d = 0; d < DOCUMENTS; d++) {
                last.add(items.find(Filters.eq("_id", "item-" + d)).first().getInteger("counter"));
            }
        } finally {
            store.close();
        }
        assertThat(last.stream().mapToInt(Integer::intValue).sum()).isEqualTo(THREADS * UPDATES);

        EmbeddedStore reopened = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("knead").getCollection("items");
            for (int d = 0; d < DOCUMENTS; d++) {
                assertThat(items.find(Filters.eq("_id", "item-" + d)).first().getInteger("counter")).isEqualTo(last.get(d));
            }
        } finally {
            reopened.close();
        }
    }
}
