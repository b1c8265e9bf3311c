package org.knead.publication;

/**
 * A place in the publication log: a sequence number and what the entry there said (its fingerprint).
 * A follower that remembers both can tell, on its next read, whether the entry is still the same one
 * or the log was truncated or rewritten (a store restored from a backup, a store that lost its last
 * writes and handed the same numbers out again).
 *
 * @param entry the fingerprint of the entry at {@code sequence}; empty at the start of the log; null
 *              when unknown (an index written before fingerprints were kept), which any entry matches
 */
public record LogPosition(long sequence, String entry) {

    /** Before the first entry. */
    public static final LogPosition START = new LogPosition(0, "");

    public static LogPosition of(PublicationEntry e) {
        return new LogPosition(e.sequence(), fingerprint(e));
    }

    /** A position whose entry is not known. */
    public static LogPosition unverified(long sequence) {
        return sequence <= 0 ? START : new LogPosition(sequence, null);
    }

    /** What identifies an entry beyond its number: the item, the revision, the action, when and by whom. */
    public static String fingerprint(PublicationEntry e) {
        return e.action() + "|" + e.itemId() + "|" + e.revision() + "|"
                + (e.at() == null ? "" : Long.toString(e.at().toEpochMilli())) + "|" + e.actor();
    }

    /** Whether {@code e} is the entry this position was taken at. */
    public boolean isAt(PublicationEntry e) {
        return e != null && e.sequence() == sequence && (entry == null || entry.equals(fingerprint(e)));
    }

    @Override
    public String toString() {
        return Long.toString(sequence);
    }
}
