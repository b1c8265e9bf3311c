package org.knead.search;

/**
 * A published medical warning that the query describes; severity is {@code Severity.key()}, action
 * the one thing to do now.
 */
public record RedFlag(String slug, String title, String severity, String action, String advice) {
}
