package org.knead.api.content;

import java.time.Instant;

/** A published item and when its public copy last changed (published, or signed off again). */
public record PublishedEntry(ContentSummary summary, Instant lastModified) {
}
