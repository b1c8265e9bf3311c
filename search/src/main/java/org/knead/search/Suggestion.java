package org.knead.search;

/** One suggestion: the item's title, its type key and slug. */
public record Suggestion(String text, String type, String slug) {
}
