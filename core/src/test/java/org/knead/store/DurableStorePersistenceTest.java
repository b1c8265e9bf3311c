package org.knead.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knead.testing.CoreTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence contract on the embedded store as the apps run it: the H2 file backend with a
 * commit and sync before every answer, and the apps' client settings (majority write concern with
 * journaling, majority reads), which the embedded store must accept.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class DurableStorePersistenceTest extends PersistenceContract {

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) throws IOException {
        // under target/, so that a clean build removes it
        var dir = Files.createDirectories(Path.of("target", "durable-store-test")).resolve("run-" + System.nanoTime());
        registry.add("knead.store.backend", () -> "h2");
        registry.add("knead.store.data-dir", dir::toString);
    }
}
