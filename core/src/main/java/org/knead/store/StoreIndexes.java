package org.knead.store;

import java.util.List;
import org.knead.audit.AuditEntry;
import org.knead.publication.PublishedItem;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.user.User;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.stereotype.Component;

/** Creates the indexes the documents declare, at start-up, on MongoDB and the embedded store alike. */
@Component
public class StoreIndexes {

    public StoreIndexes(MongoTemplate mongo) {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        for (Class<?> type : List.of(Item.class, Revision.class, AuditEntry.class, PublishedItem.class, User.class)) {
            IndexOperations ops = mongo.indexOps(type);
            resolver.resolveIndexFor(type).forEach(ops::ensureIndex);
        }
    }
}
