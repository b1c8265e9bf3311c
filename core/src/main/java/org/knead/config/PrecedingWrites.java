package org.knead.config;

import com.mongodb.WriteConcern;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Writes that precede the write acknowledging an operation (a save's new revision and audit entry,
 * written before the item's head moves): sent with write concern {@code {w: "majority", j: false}}, so
 * that an operation waits for one commit and sync instead of one per write.
 *
 * <p>Sound only when the operation's last write is a normal (journaled) one from the same client, sent
 * after these were answered, and the operation is acknowledged only after it: on the embedded store a
 * {@code j: false} write is answered without a commit, and the next synced commit holds it (commits are
 * sequential); on MongoDB a write acknowledged by a majority in their journals implies every earlier
 * write of the same primary's oplog. If the operation fails before its last write, it was never
 * acknowledged, and what it wrote may or may not be kept, as with any write answered by an error; every
 * such write is one that a later step or reader already tolerates (a revision above the item's head, an
 * audit entry of a save cut short).
 */
public final class PrecedingWrites {

    /** Majority, as every Knead write, but not waiting for the journal. */
    public static final WriteConcern CONCERN = WriteConcern.MAJORITY.withJournal(false);

    private PrecedingWrites() {
    }

    /** A template on the same database and mapping as {@code synced}, whose writes use {@link #CONCERN}. */
    public static MongoTemplate template(MongoTemplate synced) {
        MongoTemplate preceding = new MongoTemplate(synced.getMongoDatabaseFactory(), synced.getConverter());
        preceding.setWriteConcern(CONCERN);
        return preceding;
    }
}
