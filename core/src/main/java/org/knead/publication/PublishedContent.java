package org.knead.publication;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.knead.config.PrecedingWrites;
import org.knead.content.ContentRef;
import org.knead.paging.IdPages;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads what is published: the only content the public API and the search index ever see. */
@Service
public class PublishedContent {

    private final MongoTemplate mongo;
    private final MongoTemplate preceding;

    public PublishedContent(MongoTemplate mongo) {
        this.mongo = mongo;
        this.preceding = PrecedingWrites.template(mongo);
    }

    public Optional<PublishedItem> find(ContentRef ref) {
        return Optional.ofNullable(mongo.findById(ref.id(), PublishedItem.class));
    }

    public List<PublishedItem> findAll(Collection<ContentRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<String> ids = refs.stream().map(ContentRef::id).toList();
        return mongo.find(new Query(Criteria.where("_id").in(ids)), PublishedItem.class);
    }

    /**
     * Every published item, in batches in id order, for building an index: read in pages by {@code _id}
     * ({@link IdPages}), so the store answers each page from its id index and the cost stays linear however
     * large the store grows.
     */
    public void forEach(int batchSize, Consumer<List<PublishedItem>> batch) {
        IdPages.forEach(mongo, PublishedItem.class, null, PublishedItem::id, batchSize, batch);
    }

    public long count() {
        return mongo.count(new Query(), PublishedItem.class);
    }

    /**
     * Writes the public copy as a preceding write ({@link PrecedingWrites}): every caller appends a log entry
     * next, whose synced write makes the copy durable before any follower is told of it.
     */
    void put(PublishedItem item) {
        preceding.save(item);
    }

    /** Removes the public copy only if it is still exactly this one (so a publish meanwhile is not undone). */
    boolean removeIf(PublishedItem expected) {
        return mongo.remove(new Query(Criteria.where("_id").is(expected.id()).and("revision").is(expected.revision())
                .and("contentHash").is(expected.contentHash())), PublishedItem.class).getDeletedCount() > 0;
    }

    /** Removes the public copy as a preceding write, as {@link #put}: a synced log entry follows. */
    void remove(ContentRef ref) {
        preceding.remove(new Query(Criteria.where("_id").is(ref.id())), PublishedItem.class);
    }
}
