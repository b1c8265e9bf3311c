package org.knead.admin.health;

import org.knead.store.StoreErrors;

/**
 * The store's state as the console tells people about it: the one place outside health checks where
 * the console looks at store errors (a write the store refused because it cannot keep it).
 */
public final class StoreTrouble {

    private StoreTrouble() {
    }

    /** "the store cannot write: disk full" (or another reason) when the store refused a write; null otherwise. */
    public static String cannotWrite(Throwable e) {
        return StoreErrors.cannotWrite(e);
    }
}
