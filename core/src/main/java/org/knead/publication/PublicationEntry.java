package org.knead.publication;

import java.time.Instant;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the publication log. {@link #sequence()} is the document id: strictly increasing,
 * without gaps, so a follower that has applied entry N reads from N+1 and never misses or repeats one.
 */
@Document("publication_log")
public record PublicationEntry(
        @Id long sequence,
        PublicationAction action,
        String itemId,
        ContentType type,
        String slug,
        Integer revision,
        Instant at,
        String actor) {

    public ContentRef ref() {
        return new ContentRef(type, slug);
    }
}
