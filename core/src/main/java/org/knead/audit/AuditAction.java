package org.knead.audit;

/** Everything that is written to the audit log. */
public enum AuditAction {
    CREATE, SAVE, RESTORE, SUBMIT, APPROVE, REQUEST_CHANGES, SIGN_OFF, PUBLISH, SCHEDULE, CANCEL_SCHEDULE,
    UNPUBLISH, ARCHIVE, UNARCHIVE, IMPORT, EXPORT,
    /** An older revision was made public again in place of a newer one: an explicit, confirmed revert. */
    REVERT,
    /** A publish or withdrawal cut short (a crash) was completed, or items, public copies and the log were reconciled. */
    REPAIR,
    /** Someone asked to take a red flag off the public site; it waits for a clinician. */
    REQUEST_WITHDRAWAL,
    /** A clinician (not the requester) confirmed a withdrawal request; the withdrawal happened. */
    CONFIRM_WITHDRAWAL,
    /** A clinician declined a withdrawal request; the item stays public. */
    DECLINE_WITHDRAWAL,
    /** The requester took back their withdrawal request. */
    CANCEL_WITHDRAWAL,
    LOGIN, LOGIN_FAILED, LOGOUT, USER_CREATED, USER_ROLES_CHANGED, USER_DISABLED, USER_ENABLED, PASSWORD_RESET
}
