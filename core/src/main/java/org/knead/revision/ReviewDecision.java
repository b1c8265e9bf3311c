package org.knead.revision;

import java.time.Instant;
import java.util.Set;
import org.knead.actor.Role;

/**
 * One reviewer's decision on a revision, with their comment. A clinical approval is bound to the
 * content hash it was given for.
 */
public record ReviewDecision(
        String reviewer, Set<Role> reviewerRoles, Decision decision, String comment, Instant at,
        String contentHash, boolean clinical) {

    public enum Decision { APPROVED, CHANGES_REQUESTED }

    public boolean approves(String hash) {
        return decision == Decision.APPROVED && hash.equals(contentHash);
    }
}
