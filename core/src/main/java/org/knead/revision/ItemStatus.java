package org.knead.revision;

/** Whether an item is in use or archived (kept with all its history, never deleted). */
public enum ItemStatus { ACTIVE, ARCHIVED }
