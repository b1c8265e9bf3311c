package org.knead.revision;

import java.time.Instant;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item's head: which revision is the latest, which one is published, its review standing.
 * A summary of its revisions kept for listing; the revisions themselves are the record.
 *
 * @param id                     {@code type:slug}
 * @param awaitingClinicalReview published without a clinician's sign-off yet (imported warnings)
 * @param withdrawalRequest      a pending request to unpublish or archive a red-flag item, waiting for a
 *                               clinician; null when there is none
 * @param pending                a publish or withdrawal under way (or cut short by a crash, until repaired);
 *                               null when there is none
 * @param openRevisions          numbers of revisions that may be in review, approved or sent back (added
 *                               before a revision enters such a state, taken out once a newer save has
 *                               superseded it): what a save supersedes, without reading every revision;
 *                               null for an item written before Knead kept it (a save then reads them all)
 */
@Document("items")
public record Item(
        @Id String id,
        @Indexed ContentType type,
        String slug,
        String title,
        int headRevision,
        String headAuthor,
        Instant headAt,
        @Indexed RevisionState headState,
        Integer publishedRevision,
        Instant publishedAt,
        @Indexed ItemStatus status,
        ScheduledPublication scheduled,
        ClinicalReview review,
        boolean awaitingClinicalReview,
        boolean medical,
        Instant createdAt,
        String createdBy,
        WithdrawalRequest withdrawalRequest,
        PublicationIntent pending,
        java.util.List<Integer> openRevisions) {

    public ContentRef ref() {
        return new ContentRef(type, slug);
    }

    public boolean isPublished() {
        return publishedRevision != null;
    }

    public boolean hasWithdrawalRequest() {
        return withdrawalRequest != null;
    }

    public boolean isOverdue(Instant now) {
        return review != null && review.isOverdue(now);
    }
}
