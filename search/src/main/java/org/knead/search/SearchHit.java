package org.knead.search;

/**
 * One hit. {@code title} is plain text; {@code snippet} is HTML-escaped text in which only
 * {@code <mark>} tags are markup.
 */
public record SearchHit(String type, String slug, String title, String snippet, float score) {
}
