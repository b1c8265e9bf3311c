package org.knead.publication;

/** What a publication log entry tells a follower to do with an item. */
public enum PublicationAction {
    /** The item's published revision is new or changed: add or replace it. */
    PUBLISHED,
    /** The item is no longer public (unpublished or archived): remove it. */
    UNPUBLISHED
}
