package org.knead.store;

import java.util.HashMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

/**
 * The durable store's data file: MVStore's own file store, whose upkeep (rewriting the live pages of
 * mostly dead chunks so that their space can be reused, moving chunks so that the file can shrink) runs
 * when {@link DurableBackend} asks, between two commits, instead of on MVStore's background writer. The
 * durable store runs without that writer so that each commit runs on the thread that waits for it; the
 * upkeep is MVStore's own, with its own limits (a quarter of the auto-commit buffer rewritten per step).
 */
class HousekeptFileStore extends SingleFileStore {

    HousekeptFileStore() {
        super(new HashMap<>());
    }

    /** One step of MVStore's upkeep of this file; what it rewrites is committed by the next commit. */
    void keepHouse(MVStore store) throws InterruptedException {
        doHousekeeping(store);
    }
}
