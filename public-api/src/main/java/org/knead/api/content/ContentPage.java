package org.knead.api.content;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of summaries, with the total over all pages. */
@Schema(name = "Page")
public record ContentPage(List<ContentSummary> items, int page, int size, long total) {
}
