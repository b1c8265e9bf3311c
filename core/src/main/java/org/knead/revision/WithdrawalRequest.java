package org.knead.revision;

import java.time.Instant;

/**
 * A request to take a red-flag item (a medical warning, or a symptom that triggers one) off the
 * public site. Kept on the item until a clinician other than the requester confirms or declines it,
 * or the requester cancels it; until then the item stays public.
 *
 * @param action      what was asked for: unpublish, or archive
 * @param requestedBy who asked
 * @param requestedAt when
 * @param reason      why (required)
 * @param revision    the revision the public saw when it was asked
 */
public record WithdrawalRequest(Action action, String requestedBy, Instant requestedAt, String reason,
        Integer revision) {

    public enum Action {
        UNPUBLISH, ARCHIVE;

        public String label() {
            return name().toLowerCase();
        }
    }
}
