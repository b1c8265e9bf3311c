package org.knead.revision;

/** What a person can do with an item in the console; {@link ItemOverview} says which are allowed for whom. */
public enum ItemAction {
    SAVE, SUBMIT, APPROVE, REQUEST_CHANGES, PUBLISH, SCHEDULE, CANCEL_SCHEDULE, UNPUBLISH, ARCHIVE, UNARCHIVE,
    REQUEST_UNPUBLISH, REQUEST_ARCHIVE, CANCEL_WITHDRAWAL, CONFIRM_WITHDRAWAL, DECLINE_WITHDRAWAL, CONFIRM_REVIEW
}
