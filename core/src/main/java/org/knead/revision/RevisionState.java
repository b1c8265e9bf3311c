package org.knead.revision;

/** Where a revision stands in the editorial workflow. */
public enum RevisionState {
    DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED,
    /** Was published; a later revision replaced it, or the item was unpublished. */
    SUPERSEDED;

    public String label() {
        return name().replace('_', ' ').toLowerCase();
    }
}
