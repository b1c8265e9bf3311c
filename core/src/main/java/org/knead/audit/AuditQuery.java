package org.knead.audit;

import java.time.Instant;

/** A filter on the audit log; null fields match everything. */
public record AuditQuery(String actor, String itemId, AuditAction action, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public static AuditQuery byItem(String itemId) {
        return new AuditQuery(null, itemId, null, null, null);
    }

    public static AuditQuery byActor(String actor) {
        return new AuditQuery(actor, null, null, null, null);
    }
}
