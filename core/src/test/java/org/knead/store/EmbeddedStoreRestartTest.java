package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void whatIsSavedSurvivesARestartOfTheStore() {
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("knead").getCollection("notes").insertOne(new Document("_id", "kept").append("v", 1));
        }
        try (EmbeddedStore store = EmbeddedStore.startPersistent(dataDir, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            Document kept = client.getDatabase("knead").getCollection("notes").find(new Document("_id", "kept"))
                    .first();
            assertThat(kept).isNotNull();
            assertThat(kept.getInteger("v")).isEqualTo(1);
        }
    }

    @Test
    void aPortInUseGivesAClearMessage() {
        try (EmbeddedStore first = EmbeddedStore.startInMemory("127.0.0.1", 0)) {
            assertThatThrownBy(() -> EmbeddedStore.startInMemory("127.0.0.1", first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("already in use");
        }
    }
}
