package org.knead.revision;

import java.time.Instant;

/**
 * The last clinical sign-off of an item: who, when, which revision (number and content hash), and
 * when it is due again.
 *
 * @param sourcesConfirmedAt when the reviewing clinician confirmed that the sources still say what the
 *                           content says (at a re-review); null when that was not confirmed
 */
public record ClinicalReview(String reviewedBy, Instant reviewedAt, Instant nextReviewDue, int revision,
        String contentHash, Instant sourcesConfirmedAt) {

    /** Whether this review was given for exactly this revision and content. */
    public boolean covers(int number, String hash) {
        return revision == number && java.util.Objects.equals(contentHash, hash);
    }

    public boolean isOverdue(Instant now) {
        return nextReviewDue != null && now.isAfter(nextReviewDue);
    }
}
