package org.knead.revision;

import java.time.Instant;

/** The last clinical sign-off of an item: who, when, which revision, and when it is due again. */
public record ClinicalReview(String reviewedBy, Instant reviewedAt, Instant nextReviewDue, int revision,
        String contentHash) {

    public boolean isOverdue(Instant now) {
        return nextReviewDue != null && now.isAfter(nextReviewDue);
    }
}
