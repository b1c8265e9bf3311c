package org.knead.seed;

import java.time.Instant;
import java.util.List;
import org.knead.revision.Item;
import org.knead.revision.Revision;

/**
 * A whole Knead instance's content: every item with every revision, as written by
 * {@link ContentTransfer#export} and read by {@link ContentTransfer#importFrom}.
 */
public record ContentExport(String format, int version, Instant exportedAt, List<ItemExport> items) {

    public static final String FORMAT = "knead-content-export";
    public static final int VERSION = 1;

    /** One item and its revisions, oldest first. */
    public record ItemExport(Item item, List<Revision> revisions) {
    }
}
