package org.knead.api.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.knead.api.web.JsonAnswer;

/**
 * One published item. The common fields are always present; the fields of other types are left
 * out (a technique has {@code pressure}, a warning {@code severity}, and so on). Related items are
 * summaries, linked both ways: a technique lists the symptoms it relieves, and a symptom lists the
 * techniques that relieve it.
 */
@Schema(name = "Detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentDetail(
        String type,
        String slug,
        String title,
        String summary,
        @Schema(description = "Markdown source") String body,
        @Schema(description = "the body rendered to sanitized HTML") String bodyHtml,
        List<String> aliases,
        @Schema(description = "the number of the published revision") int revision,
        Instant publishedAt,
        @Schema(description = "medically reviewed items (warnings, techniques with cautions): the last clinical"
                + " sign-off, or null when the item still awaits its first", nullable = true)
        Optional<Review> review,
        @Schema(description = "medically reviewed items: true while the item awaits a clinician's first review")
        Boolean awaitingClinicalReview,
        @Schema(description = "technique", allowableValues = {"gentle", "moderate", "firm", "intense"}) String pressure,
        @Schema(description = "technique, article", example = "[\"neck\", \"shoulders\"]") List<String> bodyAreas,
        @Schema(description = "technique") List<String> benefits,
        @Schema(description = "technique, self-care: the symptoms it relieves") List<ContentSummary> relievesSymptoms,
        @Schema(description = "technique: the warnings that apply to it") List<ContentSummary> cautions,
        @Schema(description = "cause: the symptoms it leads to") List<ContentSummary> leadsToSymptoms,
        @Schema(description = "warning: the symptoms that raise it") List<ContentSummary> triggerSymptoms,
        @Schema(description = "warning: the words people use for its symptoms") List<String> triggerPhrases,
        @Schema(description = "warning, most severe first", allowableValues = {"emergency", "urgent", "see-a-doctor",
                "caution"}) String severity,
        @Schema(description = "warning: the one thing to do now") String action,
        @Schema(description = "warning: what to do, and when to act faster") String advice,
        @Schema(description = "warning: where its facts come from") List<SourceAnswer> sources,
        @Schema(description = "article: the items it links to") List<ContentSummary> related,
        @Schema(description = "symptom: techniques that relieve it; warning: techniques it cautions")
        List<ContentSummary> techniques,
        @Schema(description = "symptom: self-care tips that relieve it") List<ContentSummary> selfCare,
        @Schema(description = "symptom: causes that lead to it") List<ContentSummary> causes,
        @Schema(description = "symptom: warnings it can trigger") List<ContentSummary> warnings,
        @Schema(description = "articles that link to this item") List<ContentSummary> articles)
        implements JsonAnswer.TimeBound {

    /** A source of a warning's facts. */
    @Schema(name = "Source")
    public record SourceAnswer(String title, String url, String publisher,
            @Schema(example = "2026-11-01") java.time.LocalDate checkedOn) {
    }

    /** A review falling due turns {@code overdue} true: until then this detail holds. */
    @Override
    public java.time.Instant staleAfter() {
        return review != null && review.isPresent() && !review.get().overdue() ? review.get().nextReviewDue() : null;
    }

    @Override
    public boolean showsNames() {
        return review != null && review.isPresent();
    }
}
