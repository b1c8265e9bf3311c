package org.knead.search;

/**
 * One hit. {@code title} is plain text; {@code snippet} is HTML-escaped text in which only
 * {@code <mark>} tags are markup; {@code why} is plain text saying why a technique or self-care tip
 * is shown for the symptoms the query describes ("Relieves muscle stiffness, chronic pain"), or null.
 */
public record SearchHit(String type, String slug, String title, String snippet, float score, String why) {

    /** A hit without a reason. */
    public SearchHit(String type, String slug, String title, String snippet, float score) {
        this(type, slug, title, snippet, score, null);
    }

    /** This hit with {@code reason} as its why. */
    public SearchHit withWhy(String reason) {
        return new SearchHit(type, slug, title, snippet, score, reason);
    }
}
