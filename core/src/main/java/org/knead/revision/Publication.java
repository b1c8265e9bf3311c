package org.knead.revision;

import java.time.Instant;

/**
 * What an item records when one of its revisions goes public, decided by {@link ItemHistory}: which
 * revision, since when, the clinical review the public is told about (only one given for exactly that
 * content), and whether it is public without a clinician's review yet.
 *
 * @param replaces the revision that was public until now, or null
 */
public record Publication(int revision, Instant publishedAt, ClinicalReview review, boolean awaitingClinicalReview,
        Integer replaces) {
}
