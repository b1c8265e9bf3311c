package org.knead.audit;

import java.time.Clock;
import java.util.List;
import org.knead.actor.Actor;
import org.knead.config.PrecedingWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The append-only audit log. Entries are only ever inserted; nothing updates or deletes them. */
@Service
public class AuditLog {

    private final MongoTemplate mongo;
    private final MongoTemplate preceding;
    private final Clock clock;

    public AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.preceding = PrecedingWrites.template(mongo);
        this.clock = clock;
    }

    public AuditEntry record(Actor actor, AuditAction action, String itemId, Integer revision, String detail) {
        return mongo.insert(entry(actor, action, itemId, revision, detail));
    }

    /**
     * Records an entry just before the write that acknowledges the operation it describes, without
     * waiting for the disk: that write, synced, makes this entry durable too ({@link PrecedingWrites}).
     */
    public AuditEntry recordPreceding(Actor actor, AuditAction action, String itemId, Integer revision,
            String detail) {
        return preceding.insert(entry(actor, action, itemId, revision, detail));
    }

    private AuditEntry entry(Actor actor, AuditAction action, String itemId, Integer revision, String detail) {
        return new AuditEntry(null, clock.instant(), actor.username(), action, itemId, revision, detail,
                actor.origin());
    }

    /** Newest first. */
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        Query q = toQuery(query).with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "_id")))
                .skip(Math.max(0, offset)).limit(Math.max(1, Math.min(limit, 1000)));
        return mongo.find(q, AuditEntry.class);
    }

    public long count(AuditQuery query) {
        return mongo.count(toQuery(query), AuditEntry.class);
    }

    private static Query toQuery(AuditQuery query) {
        Criteria c = new Criteria();
        if (query.actor() != null && !query.actor().isBlank()) {
            c.and("actor").is(query.actor());
        }
        if (query.itemId() != null && !query.itemId().isBlank()) {
            c.and("itemId").is(query.itemId());
        }
        if (query.action() != null) {
            c.and("action").is(query.action());
        }
        if (query.from() != null || query.to() != null) {
            Criteria at = c.and("at");
            if (query.from() != null) {
                at.gte(query.from());
            }
            if (query.to() != null) {
                at.lt(query.to());
            }
        }
        return new Query(c);
    }
}
