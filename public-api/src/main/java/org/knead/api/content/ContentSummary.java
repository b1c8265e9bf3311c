package org.knead.api.content;

import io.swagger.v3.oas.annotations.media.Schema;
import org.knead.publication.PublishedItem;

/** An item in a list or a link: enough to show it and to fetch it. */
@Schema(name = "Summary")
public record ContentSummary(
        @Schema(example = "technique", allowableValues = {"technique", "symptom", "cause", "self-care", "warning",
                "article"}) String type,
        @Schema(example = "trigger-point-massage") String slug,
        @Schema(example = "Trigger Point Massage") String title,
        String summary) {

    static ContentSummary of(PublishedItem item) {
        return new ContentSummary(item.type().key(), item.slug(), item.title(), item.summary());
    }
}
