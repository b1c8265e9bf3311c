package org.knead.store;

import java.util.List;
import org.knead.audit.AuditEntry;
import org.knead.publication.PublishedItem;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.user.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the documents declare, at start-up, on MongoDB and the embedded store alike. When the
 * store cannot be reached at start-up, the process starts anyway (its health says the store is DOWN) and the
 * indexes are created from a background thread once the store answers.
 */
@Component
public class StoreIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(StoreIndexes.class);
    private static final long RETRY_MILLIS = 2_000;

    private final MongoTemplate mongo;

    public StoreIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
        try {
            create();
        } catch (DataAccessResourceFailureException unreachable) {
            LOG.warn("The store cannot be reached ({}); its indexes are created once it answers", unreachable.getMessage());
            Thread retry = new Thread(this::retry, "knead-store-indexes");
            retry.setDaemon(true);
            retry.start();
        }
    }

    private void create() {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        for (Class<?> type : List.of(Item.class, Revision.class, AuditEntry.class, PublishedItem.class, User.class)) {
            IndexOperations ops = mongo.indexOps(type);
            resolver.resolveIndexFor(type).forEach(ops::ensureIndex);
        }
    }

    private void retry() {
        while (true) {
            try {
                Thread.sleep(RETRY_MILLIS);
                create();
                LOG.info("The store answers again: its indexes are in place");
                return;
            } catch (InterruptedException e) {
                return;
            } catch (DataAccessResourceFailureException stillDown) {
                // try again
            } catch (RuntimeException e) {
                LOG.error("Creating the store's indexes failed", e);
                return;
            }
        }
    }
}
