package org.knead.revision;

import java.time.Instant;
import org.knead.content.ContentRef;

/**
 * A save based on a revision that is no longer the latest: someone saved in between. Nothing was
 * written; the message names who saved and when.
 */
public class StaleRevisionException extends RuntimeException {

    private final ContentRef ref;
    private final int basedOn;
    private final int latest;
    private final String savedBy;
    private final Instant savedAt;

    public StaleRevisionException(ContentRef ref, int basedOn, int latest, String savedBy, Instant savedAt) {
        super("Not saved: your change is based on revision " + basedOn + " of " + ref.id() + ", but " + savedBy
                + " saved revision " + (basedOn + 1) + " at " + savedAt + (latest > basedOn + 1
                        ? " (the latest is now revision " + latest + ")" : "")
                + ". Open the latest revision, then reapply your change.");
        this.ref = ref;
        this.basedOn = basedOn;
        this.latest = latest;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public ContentRef ref() { return ref; }
    public int basedOn() { return basedOn; }
    public int latest() { return latest; }
    public String savedBy() { return savedBy; }
    public Instant savedAt() { return savedAt; }
}
