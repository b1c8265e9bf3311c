package org.knead.store;

/**
 * When the data file's next upkeep step runs ({@link DurableBackend#keepHouse}). While clients write, a step
 * every {@value #BUSY_MILLIS} ms, as MVStore's own background writer paced it, so that the file's dead space
 * is reused as fast as writes make it. Once a step finds that no client wrote since the one before, the
 * steps are spaced so that upkeep takes at most one part in {@value #IDLE_SHARE} of a core (a step that
 * rewrote for 20 ms is followed by the next 4 s later): an idle store finishes tidying a large file
 * slowly instead of keeping a core busy for minutes after the last write, and a step that finds nothing to
 * do costs next to nothing at the busy pace.
 */
final class UpkeepPace {

    static final long BUSY_MILLIS = 500;
    /** While idle, the time between the starts of two steps is at least this many times a step's length. */
    static final int IDLE_SHARE = 200;
    static final long MAX_IDLE_MILLIS = 60_000;

    private UpkeepPace() {
    }

    /**
     * @param clientsWrote whether any client's write reached the store since the previous step
     * @param stepNanos how long this step took
     * @return how long to wait before the next step
     */
    static long nextDelayMillis(boolean clientsWrote, long stepNanos) {
        if (clientsWrote) {
            return BUSY_MILLIS;
        }
        long paced = Math.max(0, stepNanos) / 1_000_000 * (IDLE_SHARE - 1);
        return Math.min(MAX_IDLE_MILLIS, Math.max(BUSY_MILLIS, paced));
    }
}
