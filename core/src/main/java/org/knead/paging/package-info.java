/**
 * Reading a whole collection in pages by {@code _id}, the one way start-ups and rebuilds read everything, so
 * each answer of the store costs a page however large the collection.
 */
package org.knead.paging;
