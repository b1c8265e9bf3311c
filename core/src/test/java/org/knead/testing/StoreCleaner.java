package org.knead.testing;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Empties the collections between tests (documents only, so indexes stay). */
public final class StoreCleaner {

    private StoreCleaner() {
    }

    public static void clean(MongoTemplate mongo) {
        for (String name : mongo.getCollectionNames()) {
            if (!name.startsWith("system.")) {
                mongo.remove(new Query(), name);
            }
        }
    }
}
