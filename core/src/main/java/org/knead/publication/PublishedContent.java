package org.knead.publication;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.knead.content.BodyArea;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads what is published: the only content the public API and the search index ever see. */
@Service
public class PublishedContent {

    private final MongoTemplate mongo;

    public PublishedContent(MongoTemplate mongo) {
        this.mongo = mongo;
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

    /** A page of published items of one type, by slug, optionally filtered by body area and pressure. */
    public PublishedPage list(ContentType type, BodyArea bodyArea, Pressure pressure, int page, int size) {
        Criteria c = Criteria.where("type").is(type);
        if (bodyArea != null) {
            c.and("bodyAreas").is(bodyArea);
        }
        if (pressure != null) {
            c.and("pressure").is(pressure);
        }
        long total = mongo.count(new Query(c), PublishedItem.class);
        Query q = new Query(c).with(Sort.by("slug")).skip((long) page * size).limit(size);
        return new PublishedPage(mongo.find(q, PublishedItem.class), page, size, total);
    }

    /** Published items that link to {@code target} through the given relation field of their content. */
    public List<PublishedItem> linkingTo(ContentType fromType, String contentField, String targetSlug) {
        Query q = new Query(Criteria.where("type").is(fromType).and("content." + contentField).is(targetSlug))
                .with(Sort.by("slug"));
        return mongo.find(q, PublishedItem.class);
    }

    /**
     * Every published item, in batches, for building an index. Reads through one cursor, so the
     * cost stays linear however large the store grows.
     */
    public void forEach(int batchSize, Consumer<List<PublishedItem>> batch) {
        int size = Math.max(1, batchSize);
        Query all = new Query().cursorBatchSize(Math.min(size, 1000));
        try (java.util.stream.Stream<PublishedItem> items = mongo.stream(all, PublishedItem.class)) {
            List<PublishedItem> buffer = new java.util.ArrayList<>(size);
            items.forEach(item -> {
                buffer.add(item);
                if (buffer.size() >= size) {
                    batch.accept(List.copyOf(buffer));
                    buffer.clear();
                }
            });
            if (!buffer.isEmpty()) {
                batch.accept(List.copyOf(buffer));
            }
        }
    }

    public long count() {
        return mongo.count(new Query(), PublishedItem.class);
    }

    void put(PublishedItem item) {
        mongo.save(item);
    }

    void remove(ContentRef ref) {
        mongo.remove(new Query(Criteria.where("_id").is(ref.id())), PublishedItem.class);
    }
}
