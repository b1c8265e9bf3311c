package org.knead.revision;

import java.time.Instant;
import java.util.List;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One immutable revision of an item: the full content, who saved it, when and why. Its id is
 * {@code itemId#number}, so two saves can never both become the same revision number: the store's
 * unique id is the compare-and-set. Only the workflow {@link #state} and {@link #reviews} change
 * after it is written, each through a conditional update, and {@link #lastPublishedAt} records
 * that it was made public (it stays set after it is unpublished or superseded).
 */
@Document("revisions")
public record Revision(
        @Id String id,
        @Indexed String itemId,
        ContentType type,
        String slug,
        int number,
        Content content,
        String contentHash,
        @Indexed String author,
        Instant createdAt,
        String changeNote,
        Integer basedOn,
        Integer restoredFrom,
        @Indexed RevisionState state,
        List<ReviewDecision> reviews,
        Instant lastPublishedAt) {

    public Revision {
        reviews = reviews == null ? List.of() : List.copyOf(reviews);
    }

    public static String idOf(String itemId, int number) {
        return itemId + "#" + number;
    }

    /**
     * This revision as a publish at {@code at} leaves it in the store (what {@code RevisionStore.markRevisionPublished}
     * writes; the store keeps times to the millisecond).
     */
    public Revision published(Instant at) {
        return new Revision(id, itemId, type, slug, number, content, contentHash, author, createdAt, changeNote, basedOn,
                restoredFrom, RevisionState.PUBLISHED, reviews, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    public ContentRef ref() {
        return new ContentRef(type, slug);
    }

    public String title() {
        return content.title();
    }

    /** The latest clinical approval given for exactly this content, if any. */
    public java.util.Optional<ReviewDecision> clinicalApproval() {
        return reviews.stream()
                .filter(r -> r.clinical() && r.approves(contentHash))
                .reduce((a, b) -> b);
    }

    /**
     * Whether this revision was ever public: it is published now, or carries the time it was last
     * published. (SUPERSEDED alone says nothing: a newer save supersedes revisions that were only in
     * review or approved.)
     */
    public boolean wasPublished() {
        return lastPublishedAt != null || state == RevisionState.PUBLISHED;
    }

    public java.util.Optional<ReviewDecision> lastDecision() {
        return reviews.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(reviews.get(reviews.size() - 1));
    }

    /**
     * Whether restoring this revision on top of {@code latest} would change anything: restoring a
     * revision with the latest's content (the latest itself, or an equal older one) is refused, as it
     * would only append an identical revision.
     */
    public Decision mayBeRestoredOver(Revision latest) {
        boolean same = contentHash != null && latest.contentHash() != null
                ? contentHash.equals(latest.contentHash()) : content.equals(latest.content());
        if (!same) {
            return Decision.allow();
        }
        return Decision.notPossible(number == latest.number()
                ? "Revision " + number + " is the latest revision; restoring it would change nothing."
                : "Revision " + number + " has the same content as the latest revision " + latest.number()
                        + "; restoring it would change nothing.");
    }
}
