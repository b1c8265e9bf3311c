package org.knead.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded store on disk (H2, with Knead's fast paths) beside the in-memory store (which matches every
 * document, with no shortcut) as the reference, each with a client: for tests that compare the two answers.
 */
final class H2AgainstMemory implements AutoCloseable {

    final EmbeddedStore h2;
    final EmbeddedStore memory;
    final MongoClient h2Client;
    final MongoClient memoryClient;

    H2AgainstMemory(Path dir) {
        h2 = EmbeddedStore.startPersistent(dir, "127.0.0.1", 0);
        memory = EmbeddedStore.startInMemory("127.0.0.1", 0);
        h2Client = MongoClients.create(h2.connectionString());
        memoryClient = MongoClients.create(memory.connectionString());
    }

    /** Both clients, the embedded store's first. */
    List<MongoClient> clients() {
        return List.of(h2Client, memoryClient);
    }

    @Override
    public void close() {
        h2Client.close();
        memoryClient.close();
        h2.close();
        memory.close();
    }
}
