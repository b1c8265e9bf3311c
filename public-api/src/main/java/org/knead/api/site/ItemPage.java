package org.knead.api.site;

import java.util.ArrayList;
import java.util.List;
import org.knead.api.content.ContentDetail;
import org.knead.api.content.ContentSummary;
import org.knead.api.content.Review;
import org.knead.content.ContentType;

/**
 * What an item's page shows, in reading order: for a technique its cautions come before its
 * benefits; for a warning its severity and the one action come first and its sources last; every
 * link of API.md is a link; a medically reviewed item says who reviewed it, when, and when the next
 * review is due (or that it is overdue).
 */
record ItemPage(ContentDetail item, ContentType type, String typeLabel, String collectionTitle, String collectionUrl,
        String severityLabel, List<String> facts, List<Link> cautions, List<String> benefits, List<LinkGroup> groups,
        List<SourceLink> sources, ReviewNote review, boolean unreviewed, boolean awaitingReview, String updated,
        String jsonLd) {

    /** A link to another item. */
    record Link(String url, String title, String summary, String typeLabel) {
        static Link of(ContentSummary s) {
            return new Link(SitePaths.item(s.type(), s.slug()), s.title(), s.summary(), Labels.type(s.type()));
        }
    }

    /** A titled list of links. */
    record LinkGroup(String id, String heading, List<Link> links) {
    }

    /** A source of a warning's facts; {@code url} is null unless it is an http(s) address. */
    record SourceLink(String title, String url, String publisher, String checkedOn) {
    }

    /** "Page last reviewed: ... Next review due: ...", with whether the review is overdue. */
    record ReviewNote(String reviewedBy, String reviewedAt, String nextReviewDue, boolean overdue) {
        static ReviewNote of(Review r) {
            return new ReviewNote(r.reviewedBy(), Labels.date(r.reviewedAt()), Labels.date(r.nextReviewDue()),
                    r.overdue());
        }
    }

    static ItemPage of(ContentDetail d, String jsonLd) {
        ContentType type = ContentType.fromKey(d.type()).orElseThrow();
        Review review = d.review() == null ? null : d.review().orElse(null);
        return new ItemPage(d, type, Labels.type(type), Labels.collection(type), SitePaths.collection(type),
                d.severity() == null ? null : Labels.severity(d.severity()), facts(d),
                links(d.cautions()), d.benefits() == null ? List.of() : d.benefits(), groups(d, type),
                sources(d), review == null ? null : ReviewNote.of(review),
                // awaitingClinicalReview is there (true or false) exactly for medically reviewed items
                d.awaitingClinicalReview() != null && review == null, Boolean.TRUE.equals(d.awaitingClinicalReview()),
                Labels.date(d.publishedAt()), jsonLd);
    }

    private static List<String> facts(ContentDetail d) {
        List<String> facts = new ArrayList<>();
        if (d.pressure() != null) {
            facts.add("Pressure: " + d.pressure());
        }
        if (d.bodyAreas() != null && !d.bodyAreas().isEmpty()) {
            facts.add("Body areas: " + String.join(", ", d.bodyAreas().stream().map(Labels::words).toList()));
        }
        return facts;
    }

    private static List<LinkGroup> groups(ContentDetail d, ContentType type) {
        List<LinkGroup> groups = new ArrayList<>();
        add(groups, "relieves", "Relieves", d.relievesSymptoms());
        add(groups, "leads-to", "Can lead to", d.leadsToSymptoms());
        add(groups, "raised-by", "Symptoms that raise this warning", d.triggerSymptoms());
        add(groups, "techniques", type == ContentType.WARNING ? "Techniques this warning applies to"
                : "Techniques that can relieve it", d.techniques());
        add(groups, "self-care", "Self-care that can relieve it", d.selfCare());
        add(groups, "causes", "Possible causes", d.causes());
        add(groups, "warnings", "When to see a doctor", d.warnings());
        add(groups, "related", "Related", d.related());
        add(groups, "articles", "Articles about it", d.articles());
        return groups;
    }

    private static void add(List<LinkGroup> groups, String id, String heading, List<ContentSummary> items) {
        if (items != null && !items.isEmpty()) {
            groups.add(new LinkGroup(id, heading, links(items)));
        }
    }

    private static List<Link> links(List<ContentSummary> items) {
        return items == null ? List.of() : items.stream().map(Link::of).toList();
    }

    private static List<SourceLink> sources(ContentDetail d) {
        if (d.sources() == null) {
            return List.of();
        }
        return d.sources().stream().map(s -> new SourceLink(s.title(), isWebAddress(s.url()) ? s.url() : null,
                s.publisher(), s.checkedOn() == null ? null : Labels.date(s.checkedOn()
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))).toList();
    }

    static boolean isWebAddress(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
