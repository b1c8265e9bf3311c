package org.knead.store;

import com.mongodb.MongoServerException;

/** Explains store failures to people: the apps show these instead of a generic error. */
public final class StoreErrors {

    /** MongoDB's code for a full disk, which the embedded store also answers when it cannot write. */
    private static final int OUT_OF_DISK_SPACE = 14031;
    private static final String CANNOT_WRITE = DurableBackend.CANNOT_WRITE;

    private StoreErrors() {
    }

    /**
     * "the store cannot write: disk full" (or another reason) when {@code e} is, or was caused by, the
     * store refusing a write it could not keep; null otherwise.
     */
    public static String cannotWrite(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = String.valueOf(c.getMessage());
            int at = message.indexOf(CANNOT_WRITE);
            if (at >= 0) {
                int end = at + CANNOT_WRITE.length();
                while (end < message.length() && "'\"\n".indexOf(message.charAt(end)) < 0) {
                    end++;
                }
                return message.substring(at, end);
            }
            if (c instanceof MongoServerException m && m.getCode() == OUT_OF_DISK_SPACE) {
                return CANNOT_WRITE + "disk full";
            }
        }
        return null;
    }
}
