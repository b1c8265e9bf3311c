package org.knead.publication;

/**
 * Something kept in step with what is published (a search index, a read model, a cache), fed by the
 * process's one {@link PublicationFollower}. All methods are called by the follower, one at a time.
 */
public interface PublicationListener {

    /** A short name for logs and health. */
    String name();

    /**
     * Loads or builds the listener's state and says which log position it reflects; entries after it
     * are handed to {@link #apply}. Null for a listener without state of its own. May take long (an
     * index build): the follower keeps feeding the other listeners meanwhile.
     */
    LogPosition open(Rejections rejections);

    /**
     * Applies new entries. Entries already reflected may be handed again (after a restart or when
     * another listener joins behind): applying is idempotent, as every change carries the current
     * public copy. An item that cannot be taken is reported with {@link PublicationBatch#reject};
     * throwing makes the follower retry the batch later.
     */
    void apply(PublicationBatch batch);

    /**
     * Throws the state away and builds it again from what is published now, as of {@code at} (the
     * log was truncated or rewritten, or a rebuild was asked for). Later entries follow through
     * {@link #apply}.
     */
    void rebuild(LogPosition at, Rejections rejections);

    /** Listeners are fed in this order, lowest first: read models before the index, caches last. */
    default int order() {
        return 0;
    }

    /** Where a listener reports items it could not take while opening or rebuilding. */
    @FunctionalInterface
    interface Rejections {
        void reject(String itemId, long sequence, String reason);
    }
}
