/**
 * The content itself: the one shape of every item's content, the catalogue of its fields per type
 * ({@link org.knead.content.ContentFields}), its types and vocabularies (body areas, pressure, severity,
 * sources), the slug rule, links between items, validation, merging, hashing and safe Markdown rendering.
 */
package org.knead.content;
