/**
 * The search module's API: {@link org.knead.search.SearchService}, which follows the publication log into a
 * Lucene index, with its requests, answers and settings as plain types.
 */
package org.knead.search;
