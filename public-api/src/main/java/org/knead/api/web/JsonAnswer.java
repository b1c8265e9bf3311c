package org.knead.api.web;

import java.time.Instant;

/**
 * An answer serialized once: its JSON bytes and their strong ETag, kept in the {@link AnswerCache}
 * so that a repeated request costs neither serialization nor hashing.
 *
 * @param staleAfter when the answer must be computed again although nothing was published (a review
 *                   falling due), or null
 */
public record JsonAnswer(byte[] body, String etag, Instant staleAfter) {

    /** Answers that change with time alone say until when they hold. */
    public interface TimeBound {
        Instant staleAfter();

        /**
         * Whether the answer shows a person's name (a reviewer's display name), which can change outside the
         * publication log: such an answer is computed again after the cache's time to live.
         */
        default boolean showsNames() {
            return false;
        }
    }
}
