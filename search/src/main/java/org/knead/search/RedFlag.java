package org.knead.search;

/** A published medical warning that the query describes; severity is {@code Severity.key()}. */
public record RedFlag(String slug, String title, String severity, String advice) {
}
