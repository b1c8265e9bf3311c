package org.knead.revision;

/** Where a revision stands in the editorial workflow. */
public enum RevisionState {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED,
    /**
     * Replaced by a later revision: a newer revision was published, or a newer save took it out of review
     * or approval. Out of every queue; visible in the history.
     */
    SUPERSEDED;

    public String label() {
        return name().replace('_', ' ').toLowerCase();
    }
}
