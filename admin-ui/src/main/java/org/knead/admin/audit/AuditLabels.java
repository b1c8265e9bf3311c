package org.knead.admin.audit;

import org.knead.audit.AuditAction;

/** The audit log's actions in plain words, as a person reads them in the log and its filter. */
final class AuditLabels {

    private AuditLabels() {
    }

    static String label(AuditAction action) {
        return switch (action) {
            case CREATE -> "Created item";
            case SAVE -> "Saved revision";
            case RESTORE -> "Restored revision";
            case SUBMIT -> "Submitted for review";
            case APPROVE -> "Approved";
            case REQUEST_CHANGES -> "Requested changes";
            case SIGN_OFF -> "Clinical sign-off";
            case PUBLISH -> "Published";
            case SCHEDULE -> "Scheduled publication";
            case CANCEL_SCHEDULE -> "Cancelled schedule";
            case UNPUBLISH -> "Unpublished";
            case ARCHIVE -> "Archived";
            case UNARCHIVE -> "Restored from archive";
            case IMPORT -> "Imported";
            case EXPORT -> "Exported";
            case REVERT -> "Reverted the public text";
            case REPAIR -> "Repaired an interrupted publication";
            case REQUEST_WITHDRAWAL -> "Asked to withdraw a red flag";
            case CONFIRM_WITHDRAWAL -> "Confirmed a withdrawal";
            case DECLINE_WITHDRAWAL -> "Declined a withdrawal";
            case CANCEL_WITHDRAWAL -> "Cancelled a withdrawal request";
            case LOGIN -> "Logged in";
            case LOGIN_FAILED -> "Failed login";
            case LOGOUT -> "Logged out";
            case USER_CREATED -> "Created user";
            case USER_ROLES_CHANGED -> "Changed roles";
            case USER_DISABLED -> "Disabled user";
            case USER_ENABLED -> "Enabled user";
            case PASSWORD_RESET -> "Reset password";
        };
    }
}
