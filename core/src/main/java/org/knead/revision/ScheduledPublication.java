package org.knead.revision;

import java.time.Instant;

/** A publish that is due at a future time. */
public record ScheduledPublication(int revision, Instant at, String scheduledBy) {
}
