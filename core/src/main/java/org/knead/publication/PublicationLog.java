package org.knead.publication;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.knead.content.ContentRef;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The publication log: every publish and unpublish, in order. Appending takes the next sequence
 * number after the current last one and inserts it under that id; a concurrent append that took
 * the same number fails on the unique id and retries. So the sequence is strictly increasing and
 * gap-free, and entry N+1 can only exist once entry N does: a follower never skips one.
 */
@Service
public class PublicationLog {

    private static final int MAX_ATTEMPTS = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;

    public PublicationLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public PublicationEntry append(PublicationAction action, ContentRef ref, Integer revision, String actor) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long next = lastSequence() + 1;
            PublicationEntry entry = new PublicationEntry(next, action, ref.id(), ref.type(), ref.slug(), revision,
                    clock.instant(), actor);
            try {
                return mongo.insert(entry);
            } catch (DuplicateKeyException raced) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("Could not append to the publication log after " + MAX_ATTEMPTS + " attempts");
    }

    /** The sequence number of the last entry, or 0 when the log is empty. */
    public long lastSequence() {
        return last().map(PublicationEntry::sequence).orElse(0L);
    }

    public Optional<PublicationEntry> last() {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        return Optional.ofNullable(mongo.findOne(q, PublicationEntry.class));
    }

    /** Entries after {@code sequence}, oldest first, at most {@code limit}. */
    public List<PublicationEntry> readAfter(long sequence, int limit) {
        Query q = new Query(Criteria.where("_id").gt(sequence)).with(Sort.by(Sort.Direction.ASC, "_id"))
                .limit(Math.max(1, limit));
        return mongo.find(q, PublicationEntry.class);
    }

    /**
     * The entries numbered {@code first} to {@code first + count - 1} that exist, oldest first. Looked
     * up by {@code _id}: the one path every store answers from its id index (a range query scans the
     * whole log on the embedded store), so a follower with nothing new to read pays a few lookups.
     */
    public List<PublicationEntry> readRange(long first, int count) {
        int n = Math.max(1, count);
        List<Long> ids = new java.util.ArrayList<>(n);
        for (long s = Math.max(1, first); ids.size() < n; s++) {
            ids.add(s);
        }
        Query q = new Query(Criteria.where("_id").in(ids)).with(Sort.by(Sort.Direction.ASC, "_id"));
        return mongo.find(q, PublicationEntry.class);
    }
}
