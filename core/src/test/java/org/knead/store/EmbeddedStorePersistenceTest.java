package org.knead.store;

import org.knead.testing.CoreTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The persistence contract on the embedded store (mongo-java-server), on every build. */
@SpringBootTest(classes = CoreTestApplication.class)
class EmbeddedStorePersistenceTest extends PersistenceContract {
}
