package org.knead.publication;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * New entries of the publication log, handed by the {@link PublicationFollower} to a
 * {@link PublicationListener}, with what each changed item looks like to the public now. A listener
 * applies {@link #changes()} (one per item, whatever the entries' actions said: an interleaved or
 * half-done publish is resolved to what the public copy says) and reports an item it cannot take
 * with {@link #reject}, instead of failing the batch.
 */
public final class PublicationBatch {

    /**
     * An item named by the batch and its public copy now.
     *
     * @param entry   the item's last entry in the batch
     * @param current the public copy read after the entries, or null when the item is not public
     */
    public record Change(PublicationEntry entry, String itemId, PublishedItem current) {

        public boolean isPublic() {
            return current != null && current.content() != null;
        }
    }

    /** An item a listener could not take. */
    public record Rejection(String itemId, long sequence, String reason) {
    }

    private final List<PublicationEntry> entries;
    private final List<Change> changes;
    private final List<Rejection> rejections = new ArrayList<>();

    PublicationBatch(List<PublicationEntry> entries, List<Change> changes) {
        this.entries = List.copyOf(entries);
        this.changes = List.copyOf(changes);
    }

    /** The entries, oldest first, without gaps. */
    public List<PublicationEntry> entries() {
        return entries;
    }

    /** One change per item, in the order of each item's last entry. */
    public List<Change> changes() {
        return changes;
    }

    /** Where the log is once this batch is applied. */
    public LogPosition position() {
        return LogPosition.of(entries.get(entries.size() - 1));
    }

    public long lastSequence() {
        return entries.get(entries.size() - 1).sequence();
    }

    /** Reports that {@code change} could not be applied; the follower goes on and reports it in health. */
    public void reject(Change change, String reason) {
        rejections.add(new Rejection(change.itemId(), change.entry().sequence(), reason));
    }

    List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    PublicationBatch only(Change change) {
        return new PublicationBatch(entries, List.of(change));
    }
}
