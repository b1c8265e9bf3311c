package org.knead.api.content;

import static org.knead.content.ContentFields.ACTION;
import static org.knead.content.ContentFields.ADVICE;
import static org.knead.content.ContentFields.BENEFITS;
import static org.knead.content.ContentFields.BODY_AREAS;
import static org.knead.content.ContentFields.CAUTIONS;
import static org.knead.content.ContentFields.LEADS_TO_SYMPTOMS;
import static org.knead.content.ContentFields.PRESSURE;
import static org.knead.content.ContentFields.RELATED;
import static org.knead.content.ContentFields.RELIEVES_SYMPTOMS;
import static org.knead.content.ContentFields.SEVERITY;
import static org.knead.content.ContentFields.SOURCES;
import static org.knead.content.ContentFields.TRIGGER_PHRASES;
import static org.knead.content.ContentFields.TRIGGER_SYMPTOMS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.knead.api.web.AnswerCache;
import org.knead.api.web.JsonAnswer;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.Params;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.MarkdownRenderer;
import org.knead.content.Pressure;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.revision.ClinicalReview;
import org.knead.publication.ReviewerNames;
import org.springframework.stereotype.Service;

/**
 * Turns published items into the answers of the content endpoints (cached JSON) and of the public
 * site's pages (the same {@link ContentDetail}). Reads only published content.
 */
@Service
public class ContentReader {

    private final PublishedContent published;
    private final PublishedGraph graph;
    private final AnswerCache cache;
    private final Clock clock;
    private final ReviewerNames reviewers;
    private final org.knead.api.web.StoreBulkhead bulkhead;
    private final ObjectMapper json;

    ContentReader(PublishedContent published, PublishedGraph graph, AnswerCache cache, Clock clock,
            ReviewerNames reviewers, org.knead.api.web.StoreBulkhead bulkhead, ObjectMapper json) {
        this.published = published;
        this.graph = graph;
        this.cache = cache;
        this.clock = clock;
        this.reviewers = reviewers;
        this.bulkhead = bulkhead;
        this.json = json;
    }

    JsonAnswer page(ContentType type, String bodyArea, String pressure, int page, int size) {
        BodyArea area = Params.bodyArea(bodyArea);
        Pressure p = Params.pressure(pressure);
        Params.page(page);
        Params.size(size);
        String key = "list|" + type.key() + "|" + area + "|" + p + "|" + page + "|" + size;
        return cache.get(key, () -> graph.page(type, area, p, page, size)).orElseThrow();
    }

    JsonAnswer detail(ContentType type, String slug) {
        if (!Params.isSlug(slug)) {
            throw notFound(type, slug);
        }
        return cached(type, slug).orElseThrow(() -> notFound(type, slug));
    }

    /** The item's answer; unknown slugs are cached too (as empty), so that probing for them stays cheap. */
    private Optional<JsonAnswer> cached(ContentType type, String slug) {
        ContentRef ref = ContentRef.of(type, slug);
        return cache.get(AnswerCache.Kind.ITEM, itemKey(ref),
                () -> bulkhead.read(() -> published.find(ref).map(this::toDetail).orElse(null)));
    }

    /**
     * The item's answer when it is cached and current, computing nothing (no store read, nothing thrown);
     * null otherwise, and for a cached "no such item".
     */
    JsonAnswer cachedDetail(ContentType type, String slug) {
        if (!Params.isSlug(slug)) {
            return null;
        }
        Optional<JsonAnswer> hit = cache.peek(AnswerCache.Kind.ITEM, itemKey(ContentRef.of(type, slug)));
        return hit == null ? null : hit.orElse(null);
    }

    /** Keyed by what the detail shows: a hit needs no store read until a publish changes this item or its links. */
    private String itemKey(ContentRef ref) {
        graph.sync();
        return graph.stamp(ref) + "|" + ref.id();
    }

    /**
     * The published item of this type and slug, exactly as the item endpoint answers it (read back
     * from the same cached answer, so a page view costs no store read until the next publish); empty
     * when there is none.
     */
    public Optional<ContentDetail> find(ContentType type, String slug) {
        if (!Params.isSlug(slug)) {
            return Optional.empty();
        }
        return cached(type, slug).map(this::read);
    }

    private ContentDetail read(JsonAnswer answer) {
        try {
            return json.readValue(answer.body(), ContentDetail.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read back a cached item answer", e);
        }
    }

    /** A page of the published items of one type, by slug. */
    public ContentPage list(ContentType type, int page, int size) {
        return graph.page(type, null, null, Params.page(page), Params.size(size));
    }

    /** Every published item with when it last changed (for the sitemap). */
    public List<PublishedEntry> everything() {
        return graph.everything();
    }

    private static ApiProblem notFound(ContentType type, String slug) {
        String shown = slug.length() > 100 ? slug.substring(0, 100) + "..." : slug;
        return ApiProblem.notFound("No published " + type.key() + " has the slug '" + shown.replaceAll("\\p{Cntrl}", "?")
                + "'.");
    }

    private ContentDetail toDetail(PublishedItem item) {
        Content c = item.content();
        ContentType type = item.type();
        String slug = item.slug();
        boolean medical = type == ContentType.WARNING || (type == ContentType.TECHNIQUE && !c.cautions().isEmpty())
                || item.review() != null;
        boolean symptom = type == ContentType.SYMPTOM;
        boolean warning = type == ContentType.WARNING;
        return new ContentDetail(
                type.key(), slug, c.title(), c.summary(), c.body(), MarkdownRenderer.toSafeHtml(c.body()),
                c.aliases(), item.revision(), item.publishedAt(),
                medical ? java.util.Optional.ofNullable(review(item.review())) : null,
                medical ? item.awaitingClinicalReview() : null,
                answered(c, PRESSURE) && c.pressure() != null ? c.pressure().key() : null,
                answered(c, BODY_AREAS) ? c.bodyAreas().stream().map(BodyArea::key).toList() : null,
                answered(c, BENEFITS) ? c.benefits() : null,
                links(c, RELIEVES_SYMPTOMS),
                links(c, CAUTIONS),
                links(c, LEADS_TO_SYMPTOMS),
                links(c, TRIGGER_SYMPTOMS),
                answered(c, TRIGGER_PHRASES) ? c.triggerPhrases() : null,
                answered(c, SEVERITY) && c.severity() != null ? c.severity().key() : null,
                answered(c, ACTION) ? c.action() : null,
                answered(c, ADVICE) ? c.advice() : null,
                answered(c, SOURCES) ? c.sources().stream().map(x -> new ContentDetail.SourceAnswer(x.title(), x.url(),
                        x.publisher(), x.checkedOn())).toList() : null,
                answered(c, RELATED) ? resolve(c.related()) : null,
                symptom ? backward(ContentType.TECHNIQUE, RELIEVES_SYMPTOMS, slug, type)
                        : warning ? backward(ContentType.TECHNIQUE, CAUTIONS, slug, type) : null,
                symptom ? backward(ContentType.SELF_CARE, RELIEVES_SYMPTOMS, slug, type) : null,
                symptom ? backward(ContentType.CAUSE, LEADS_TO_SYMPTOMS, slug, type) : null,
                symptom ? backward(ContentType.WARNING, TRIGGER_SYMPTOMS, slug, type) : null,
                type == ContentType.ARTICLE ? null : articlesLinkingTo(item.ref()));
    }

    /**
     * Whether the detail answers this field: always when it is part of the type (the catalogue says which),
     * and when it is optional for the type and set.
     */
    private static boolean answered(Content c, ContentField<?> field) {
        return field.partOf(c.type()) || field.usedBy(c.type()) && !field.isEmpty(c);
    }

    /** A link field as the summaries of the published items it names, or null when the type has no such field. */
    private List<ContentSummary> links(Content c, ContentField<List<String>> field) {
        return answered(c, field) ? forward(field.linksTo(), field.get(c)) : null;
    }

    private Review review(ClinicalReview review) {
        if (review == null) {
            return null;
        }
        // the public sees the reviewer's display name, never the login name (one _id lookup per
        // answer built; answers are cached until the publication log moves on)
        return new Review(reviewers.publicName(review.reviewedBy()), review.reviewedAt(), review.nextReviewDue(),
                review.isOverdue(clock.instant()));
    }

    private List<ContentSummary> forward(ContentType type, List<String> slugs) {
        return graph.resolve(slugs.stream().map(s -> ContentRef.of(type, s)).toList());
    }

    private List<ContentSummary> resolve(List<ContentRef> refs) {
        return graph.resolve(refs);
    }

    private List<ContentSummary> backward(ContentType fromType, ContentField<?> field, String slug,
            ContentType targetType) {
        return graph.linkingTo(ContentRef.of(targetType, slug), field.name(), fromType);
    }

    private List<ContentSummary> articlesLinkingTo(ContentRef ref) {
        return graph.linkingTo(ref, RELATED.name(), ContentType.ARTICLE);
    }
}
