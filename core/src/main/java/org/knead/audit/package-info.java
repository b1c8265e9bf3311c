/**
 * The append-only audit log: what is recorded ({@link org.knead.audit.AuditAction}), its entries, and
 * filters over it. Entries are only ever inserted.
 */
package org.knead.audit;
