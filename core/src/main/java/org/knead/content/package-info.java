/**
 * The content itself: the one shape of every item's content, its types and vocabularies (body areas,
 * pressure, severity, sources), links between items, validation, hashing and safe Markdown rendering.
 */
package org.knead.content;
