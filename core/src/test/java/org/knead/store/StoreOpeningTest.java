package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a data file reads what it needs to find its collections and indexes, not every document: the store
 * declares secondary indexes it does not keep (as Knead's documents do on every collection), and mongo-java-server
 * read each such collection in full, twice per index, at every opening. What the reopened store answers is
 * unchanged, queries on the fields of those indexes included.
 */
class StoreOpeningTest {

    @TempDir
    Path dir;

    @Test
    void openingReadsASmallPartOfTheFileAndAnswersAsBefore() throws Exception {
        int count = 3_000;
        String filler = "x".repeat(1_000);
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> revisions = client.getDatabase("knead").getCollection("revisions");
            revisions.createIndex(Indexes.ascending("itemId"));
            revisions.createIndex(Indexes.ascending("state"));
            revisions.createIndex(Indexes.ascending("author"));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new Document("_id", "item:" + i + "#1").append("itemId", "item:" + i)
                        .append("state", i % 10 == 0 ? "IN_REVIEW" : "DRAFT").append("author", "anna").append("body",
                                filler + i));
            }
            revisions.insertMany(batch);
        }
        long fileSize = Files.size(dir.resolve(EmbeddedStore.DATA_FILE));

        AtomicReference<MVStore> opened = new AtomicReference<>();
        DurableBackend backend = DurableBackend.open(dir.resolve(EmbeddedStore.DATA_FILE), true, (file, onFailure) -> {
            MVStore s = DurableBackend.SYNCED_OPENER.open(file, onFailure);
            opened.set(s);
            return s;
        });
        long readAtOpening = opened.get().getFileStore().getReadBytes();
        assertThat(readAtOpening).as("bytes read to open a %d-byte file of %d documents", fileSize, count)
                .isLessThan(fileSize / 10);

        try (EmbeddedStore store = EmbeddedStore.start(backend, "127.0.0.1", 0, "test");
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> revisions = client.getDatabase("knead").getCollection("revisions");
            assertThat(revisions.countDocuments()).isEqualTo(count);
            assertThat(revisions.countDocuments(Filters.eq("state", "IN_REVIEW"))).isEqualTo(count / 10);
            assertThat(revisions.find(Filters.eq("itemId", "item:1234")).first().getString("body"))
                    .isEqualTo(filler + 1234);
            assertThat(revisions.listIndexes().into(new ArrayList<>())).extracting(d -> d.getString("name"))
                    .contains("_id_", "itemId_1", "state_1", "author_1");
            // an index declared again, on the reopened store, is taken as before
            revisions.createIndex(Indexes.ascending("state"));
            revisions.insertOne(new Document("_id", "item:new#1").append("itemId", "item:new").append("state",
                    "IN_REVIEW"));
            assertThat(revisions.countDocuments(Filters.eq("state", "IN_REVIEW"))).isEqualTo(count / 10 + 1);
        }
    }
}
