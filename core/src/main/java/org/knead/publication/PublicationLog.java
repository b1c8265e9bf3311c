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
import org.springframework.data.mongodb.core.query.Update;
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
    /** The head document (collection {@value #HEAD_COLLECTION}) is moved on every so many entries. */
    static final int HEAD_EVERY = 32;
    static final String HEAD_COLLECTION = "publication_log_head";
    private static final String SEQUENCE = "sequence";
    private static final Query HEAD = new Query(Criteria.where("_id").is("head"));
    /** Entries read per look-ahead when finding the last one. */
    private static final int PROBE = 64;
    /**
     * The first look-ahead from a hint: a process that appends is usually at most a few entries behind (what
     * other processes appended since), so a short first window spares the store most of the look-ups.
     */
    private static final int FIRST_PROBE = 4;
    /** The last sequence number this process appended or found: where the next look-up starts. */
    private final java.util.concurrent.atomic.AtomicLong known = new java.util.concurrent.atomic.AtomicLong();

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
                PublicationEntry appended = mongo.insert(entry);
                known.accumulateAndGet(next, Math::max);
                if (next % HEAD_EVERY == 0) {
                    mongo.upsert(HEAD, new Update().max(SEQUENCE, next), HEAD_COLLECTION);
                }
                return appended;
            } catch (DuplicateKeyException raced) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("Could not append to the publication log after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * The sequence number of the last entry, or 0 when the log is empty. Found by {@code _id} from a hint
     * (the last number this process saw, else the head document, written every {@value #HEAD_EVERY}
     * entries): the entry at the hint must exist, then the numbers after it are read in windows until one
     * is missing. A hint whose entry is gone (a truncated log) falls back to sorting the whole log once.
     */
    public long lastSequence() {
        long hint = known.get();
        boolean headRead = hint == 0;
        long last = headRead ? storedHead() : hint;
        int probe = FIRST_PROBE;
        while (true) {
            boolean check = last > 0;
            List<PublicationEntry> window = readRange(check ? last : 1, probe + (check ? 1 : 0));
            int i = 0;
            if (check) {
                if (window.isEmpty() || window.get(0).sequence() != last) {
                    last = scanLast(); // the hint's entry is gone: the log was truncated
                    mongo.upsert(HEAD, new Update().set(SEQUENCE, last), HEAD_COLLECTION);
                    break;
                }
                i = 1;
            }
            int found = 0;
            for (; i < window.size() && window.get(i).sequence() == last + 1; i++) {
                last++;
                found++;
            }
            if (found < probe) {
                break;
            }
            if (probe == PROBE && !headRead) { // far behind (another process appended many): to the head document
                headRead = true;
                last = Math.max(last, storedHead());
            }
            probe = PROBE;
        }
        known.set(last);
        return last;
    }

    /** The head document's number; a log written before there was one is sorted once to make it. */
    private long storedHead() {
        org.bson.Document head = mongo.findOne(HEAD, org.bson.Document.class, HEAD_COLLECTION);
        if (head != null && head.get(SEQUENCE) instanceof Number n) {
            return n.longValue();
        }
        long last = scanLast();
        mongo.upsert(HEAD, new Update().max(SEQUENCE, last), HEAD_COLLECTION);
        return last;
    }

    private long scanLast() {
        Query q = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        PublicationEntry e = mongo.findOne(q, PublicationEntry.class);
        return e == null ? 0 : e.sequence();
    }

    public Optional<PublicationEntry> last() {
        long last = lastSequence();
        return last == 0 ? Optional.empty() : Optional.ofNullable(mongo.findById(last, PublicationEntry.class));
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
