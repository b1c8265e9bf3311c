package org.knead.review;

import java.time.Instant;
import org.knead.content.ContentRef;

/**
 * Something waiting for a reviewer.
 *
 * @param revision the revision to look at (for re-reviews, the published one)
 * @param since    when it started waiting (submitted, or due)
 */
public record ReviewTask(Kind kind, ContentRef ref, String title, int revision, String author, Instant since) {

    public enum Kind {
        /** A revision waiting for a second pair of eyes. */
        APPROVAL,
        /** A revision that needs a clinician's sign-off. */
        CLINICAL_SIGN_OFF,
        /** Published medical content that no clinician has reviewed yet (imported). */
        FIRST_REVIEW,
        /** Published medical content past its next-review date. */
        RE_REVIEW,
        /**
         * A request to unpublish or archive a red flag (a warning, or a symptom that triggers one),
         * waiting for a clinician other than the requester; {@code author} is who asked.
         */
        WITHDRAWAL
    }
}
