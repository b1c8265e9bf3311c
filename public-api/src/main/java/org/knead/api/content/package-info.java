/**
 * The content endpoints of the public API: lists and items per type, answered from published content and
 * an in-memory graph of what is published.
 */
package org.knead.api.content;
