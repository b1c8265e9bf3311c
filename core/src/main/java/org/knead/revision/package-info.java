/**
 * Items and their immutable revisions: the {@link org.knead.revision.ItemHistory} aggregate that decides the
 * editorial rules, what the console may offer for an item, comparing revisions, and their persistence.
 */
package org.knead.revision;
