package org.knead.store;

import org.knead.testing.CoreTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The persistence contract on a real MongoDB replica set (a pinned image), through Testcontainers.
 * Skipped, and reported as skipped, where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = CoreTestApplication.class)
class MongoDbPersistenceIT extends PersistenceContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0.14");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("knead.store.uri", () -> MONGO.getReplicaSetUrl("knead"));
    }
}
