package org.knead.revision;

import org.knead.actor.AccessDeniedException;

/**
 * What the rules say about one action: allowed, or refused with a reason a person can act on. A
 * refusal is either {@link Refusal#NOT_PERMITTED} (this person may not) or {@link Refusal#NOT_POSSIBLE}
 * (nobody may, in the item's current state).
 */
public record Decision(boolean allowed, Refusal refusal, String reason) {

    public enum Refusal { NOT_PERMITTED, NOT_POSSIBLE }

    private static final Decision ALLOWED = new Decision(true, null, null);

    public static Decision allow() {
        return ALLOWED;
    }

    /** This person may not do it (roles, four eyes). */
    public static Decision notPermitted(String reason) {
        return new Decision(false, Refusal.NOT_PERMITTED, reason);
    }

    /** It cannot be done in the item's current state. */
    public static Decision notPossible(String reason) {
        return new Decision(false, Refusal.NOT_POSSIBLE, reason);
    }

    public boolean refused() {
        return !allowed;
    }

    /** The first refusal of the two, or allowed when both allow. */
    public Decision and(java.util.function.Supplier<Decision> next) {
        return allowed ? next.get() : this;
    }

    /**
     * @throws AccessDeniedException when this person may not
     * @throws WorkflowException     when it cannot be done now
     */
    public void orThrow() {
        if (allowed) {
            return;
        }
        if (refusal == Refusal.NOT_PERMITTED) {
            throw new AccessDeniedException(reason);
        }
        throw new WorkflowException(reason);
    }
}
