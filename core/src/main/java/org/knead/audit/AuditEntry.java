package org.knead.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One line of the append-only audit log: who did what, to which item and revision, when, from where. */
@Document("audit")
public record AuditEntry(
        @Id String id,
        @Indexed Instant at,
        @Indexed String actor,
        @Indexed AuditAction action,
        @Indexed String itemId,
        Integer revision,
        String detail,
        String origin) {
}
