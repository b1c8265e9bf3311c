package org.knead.publication;

import org.knead.content.ContentRef;
import org.springframework.stereotype.Service;

/**
 * Makes a revision public or withdraws it: updates what the public reads, then appends to the
 * publication log so that every search index follows. Both steps are idempotent; the log entry is
 * written last, so a follower that sees it can read the new state.
 */
@Service
public class Publisher {

    private final PublishedContent published;
    private final PublicationLog log;

    public Publisher(PublishedContent published, PublicationLog log) {
        this.published = published;
        this.log = log;
    }

    public PublicationEntry publish(PublishedItem item, String actor) {
        published.put(item);
        return log.append(PublicationAction.PUBLISHED, item.ref(), item.revision(), actor);
    }

    public PublicationEntry withdraw(ContentRef ref, String actor) {
        published.remove(ref);
        return log.append(PublicationAction.UNPUBLISHED, ref, null, actor);
    }
}
