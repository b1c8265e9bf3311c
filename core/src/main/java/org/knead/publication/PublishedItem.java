package org.knead.publication;

import java.time.Instant;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.revision.ClinicalReview;
import org.knead.revision.Item;
import org.knead.revision.Publication;
import org.knead.revision.Revision;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the public sees of an item: the content of its published revision, with the facts the
 * public needs (which revision, when, and its clinical review). Written only by publishing and
 * removed by unpublishing or archiving; a copy of the published revision kept ready to read.
 */
@Document("published")
public record PublishedItem(
        @Id String id,
        ContentType type,
        String slug,
        int revision,
        Instant publishedAt,
        Content content,
        String contentHash,
        ClinicalReview review,
        boolean awaitingClinicalReview) {

    public static PublishedItem of(Content content, int revision, Instant publishedAt, String contentHash,
            ClinicalReview review, boolean awaitingClinicalReview) {
        return new PublishedItem(content.ref().id(), content.type(), content.slug(), revision, publishedAt, content,
                contentHash, review, awaitingClinicalReview);
    }

    /**
     * What the public sees of revision {@code r} once it is public as {@code p}: the one place that turns a
     * revision into its public copy (publish, revert, the reference import, a confirmed re-review, repair).
     */
    public static PublishedItem from(Revision r, Publication p) {
        return of(r.content(), r.number(), p.publishedAt(), r.contentHash(), p.review(), p.awaitingClinicalReview());
    }

    /** The public copy of the item's published revision {@code r}, as the item records it. */
    public static PublishedItem current(Item item, Revision r) {
        ClinicalReview review = item.review() != null && item.review().covers(r.number(), r.contentHash())
                ? item.review() : null;
        return from(r, new Publication(r.number(), item.publishedAt(), review, item.awaitingClinicalReview(), null));
    }

    public ContentRef ref() {
        return new ContentRef(type, slug);
    }

    public String title() {
        return content.title();
    }

    public String summary() {
        return content.summary();
    }

    /** Overdue for clinical re-review at {@code now}, or never reviewed at all although medical. */
    public boolean isReviewOverdue(Instant now) {
        return review != null && review.isOverdue(now);
    }
}
