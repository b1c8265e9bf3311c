package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written by mongo-java-server's own H2 backend (the form of every Knead data file before documents
 * were written as BSON) opens in the embedded store with every document, id and unique index as it was; saves
 * change it, and after a restart the old and the new documents read back together.
 */
class StoreFormatUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aDataFileOfThePreviousFormatReadsUpdatesAndReopens() {
        List<Document> written = new ArrayList<>();
        MongoServer plain = new MongoServer(new H2Backend(dir.resolve(EmbeddedStore.DATA_FILE).toString()));
        plain.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://" + hostAndPort(plain.getLocalAddress()))) {
            MongoCollection<Document> revisions = client.getDatabase("knead").getCollection("revisions");
            for (int i = 0; i < 120; i++) {
                Document d = new Document("_id", i % 3 == 0 ? new ObjectId() : "item-" + i + ":1")
                        .append("number", i).append("title", "Neck stretch " + i)
                        .append("createdAt", new Date(1_790_000_000_000L + i))
                        .append("links", List.of(new Document("slug", "neck-pain"), new Document("slug", "posture")));
                revisions.insertOne(d);
                written.add(d);
            }
        } finally {
            plain.shutdown();
        }

        EmbeddedStore store = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> revisions = client.getDatabase("knead").getCollection("revisions");
            assertThat(revisions.find().sort(Sorts.ascending("number")).into(new ArrayList<>())).isEqualTo(written);
            revisions.updateOne(Filters.eq("_id", "item-5:1"), Updates.set("title", "Changed after the upgrade"));
            revisions.insertOne(new Document("_id", "item-new:1").append("number", 1000).append("title", "New"));
            assertThat(revisions.countDocuments(Filters.eq("_id", written.get(0).get("_id")))).isEqualTo(1);
        } finally {
            store.close();
        }

        EmbeddedStore reopened = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> revisions = client.getDatabase("knead").getCollection("revisions");
            assertThat(revisions.countDocuments()).isEqualTo(121);
            assertThat(revisions.find(Filters.eq("_id", "item-5:1")).first().getString("title")).isEqualTo("Changed after the upgrade");
            assertThat(revisions.find(Filters.eq("_id", "item-new:1")).first().getInteger("number")).isEqualTo(1000);
            for (Document d : written) {
                if (!"item-5:1".equals(d.get("_id"))) {
                    assertThat(revisions.find(Filters.eq("_id", d.get("_id"))).first()).isEqualTo(d);
                }
            }
            // the unique _id index still refuses a duplicate, for an old id and a new one
            for (Object id : List.of(written.get(0).get("_id"), "item-new:1")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> revisions.insertOne(new Document("_id", id)))
                        .hasMessageContaining("duplicate key");
            }
        } finally {
            reopened.close();
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
