/**
 * How search works inside, in Lucene: analysis chains, index documents and generations, query building,
 * facets, highlighting, typo tolerance, the synonym vocabulary and red-flag detection. Only this module uses it.
 */
package org.knead.search.internal;
