package org.knead.api.content;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The clinical sign-off of a medically reviewed item. */
@Schema(name = "Review")
public record Review(
        @Schema(description = "the display name of the clinician who signed it off (never a login name)")
        String reviewedBy, Instant reviewedAt, Instant nextReviewDue,
        @Schema(description = "true when the next review date has passed") boolean overdue) {
}
