/**
 * The search module's API: {@link org.knead.search.SearchService}, which follows the publication log into a
 * Lucene index, and {@link org.knead.search.EditorSearch}, the console's in-memory index of every item's latest
 * revision (drafts included), with their requests, answers and settings as plain types.
 */
package org.knead.search;
