package org.knead.api.content;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.knead.api.web.AnswerCache;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.Params;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.MarkdownRenderer;
import org.knead.content.Pressure;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.publication.PublishedPage;
import org.knead.revision.ClinicalReview;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Turns published items into the answers of the content endpoints. Reads only published content. */
@Service
class ContentReader {

    private final PublishedContent published;
    private final MongoTemplate mongo;
    private final AnswerCache cache;
    private final Clock clock;

    ContentReader(PublishedContent published, MongoTemplate mongo, AnswerCache cache, Clock clock) {
        this.published = published;
        this.mongo = mongo;
        this.cache = cache;
        this.clock = clock;
    }

    ContentPage page(ContentType type, String bodyArea, String pressure, int page, int size) {
        BodyArea area = Params.bodyArea(bodyArea);
        Pressure p = Params.pressure(pressure);
        Params.page(page);
        Params.size(size);
        String key = "list|" + type.key() + "|" + area + "|" + p + "|" + page + "|" + size;
        return cache.get(key, () -> {
            PublishedPage result = published.list(type, area, p, page, size);
            return new ContentPage(result.items().stream().map(ContentSummary::of).toList(), result.page(),
                    result.size(), result.total());
        });
    }

    ContentDetail detail(ContentType type, String slug) {
        if (!Params.isSlug(slug)) {
            throw notFound(type, slug);
        }
        ContentDetail detail = cache.get("item|" + type.key() + "|" + slug,
                () -> published.find(ContentRef.of(type, slug)).map(this::toDetail).orElse(null));
        if (detail == null) {
            throw notFound(type, slug);
        }
        return detail.asOf(clock.instant());
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
        boolean technique = type == ContentType.TECHNIQUE;
        boolean warning = type == ContentType.WARNING;
        boolean symptom = type == ContentType.SYMPTOM;
        return new ContentDetail(
                type.key(), slug, c.title(), c.summary(), c.body(), MarkdownRenderer.toSafeHtml(c.body()),
                c.aliases(), item.revision(), item.publishedAt(),
                medical ? java.util.Optional.ofNullable(review(item.review())) : null,
                medical ? item.awaitingClinicalReview() : null,
                technique && c.pressure() != null ? c.pressure().key() : null,
                technique || type == ContentType.ARTICLE || !c.bodyAreas().isEmpty()
                        ? c.bodyAreas().stream().map(BodyArea::key).toList() : null,
                technique ? c.benefits() : null,
                technique || type == ContentType.SELF_CARE ? forward(ContentType.SYMPTOM, c.relievesSymptoms()) : null,
                technique ? forward(ContentType.WARNING, c.cautions()) : null,
                type == ContentType.CAUSE ? forward(ContentType.SYMPTOM, c.leadsToSymptoms()) : null,
                warning ? forward(ContentType.SYMPTOM, c.triggerSymptoms()) : null,
                warning ? c.triggerPhrases() : null,
                warning && c.severity() != null ? c.severity().key() : null,
                warning ? c.advice() : null,
                type == ContentType.ARTICLE ? resolve(c.related()) : null,
                symptom ? backward(ContentType.TECHNIQUE, "relievesSymptoms", slug)
                        : warning ? backward(ContentType.TECHNIQUE, "cautions", slug) : null,
                symptom ? backward(ContentType.SELF_CARE, "relievesSymptoms", slug) : null,
                symptom ? backward(ContentType.CAUSE, "leadsToSymptoms", slug) : null,
                symptom ? backward(ContentType.WARNING, "triggerSymptoms", slug) : null,
                type == ContentType.ARTICLE ? null : articlesLinkingTo(item.ref()));
    }

    private Review review(ClinicalReview review) {
        if (review == null) {
            return null;
        }
        return new Review(review.reviewedBy(), review.reviewedAt(), review.nextReviewDue(),
                review.isOverdue(clock.instant()));
    }

    private List<ContentSummary> forward(ContentType type, List<String> slugs) {
        return resolve(slugs.stream().map(s -> ContentRef.of(type, s)).toList());
    }

    /** The published items among {@code refs}, in their order; links to unpublished items are left out. */
    private List<ContentSummary> resolve(Collection<ContentRef> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Map<String, PublishedItem> byId = published.findAll(refs).stream()
                .collect(Collectors.toMap(PublishedItem::id, Function.identity(), (a, b) -> a));
        return refs.stream().map(r -> byId.get(r.id())).filter(Objects::nonNull).distinct()
                .map(ContentSummary::of).toList();
    }

    private List<ContentSummary> backward(ContentType fromType, String field, String slug) {
        return published.linkingTo(fromType, field, slug).stream().map(ContentSummary::of).toList();
    }

    private List<ContentSummary> articlesLinkingTo(ContentRef ref) {
        Query q = new Query(Criteria.where("type").is(ContentType.ARTICLE).and("content.related")
                .elemMatch(Criteria.where("type").is(ref.type().name()).and("slug").is(ref.slug())))
                .with(Sort.by("slug"));
        return mongo.find(q, PublishedItem.class).stream().map(ContentSummary::of).toList();
    }
}
