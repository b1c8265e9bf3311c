package org.knead.content;

import static org.knead.content.ContentField.field;
import static org.knead.content.ContentType.ARTICLE;
import static org.knead.content.ContentType.CAUSE;
import static org.knead.content.ContentType.SELF_CARE;
import static org.knead.content.ContentType.TECHNIQUE;
import static org.knead.content.ContentType.WARNING;

import java.util.List;
import java.util.Optional;
import org.knead.content.ContentField.Kind;
import org.knead.content.ContentField.Search;

/**
 * The catalogue of content fields: which fields each type has, their labels, limits, whether they are
 * medical, lists, links or Markdown, and how search uses them. Validation, comparison, the reapply-my-change
 * merge, the console's editor, the search index and the public API's detail all read it, so "which fields
 * does a technique have?" has one answer. The item's identity ({@code type}, {@code slug}) is not a field
 * here: it never changes within an item (see {@link Slug} for the slug rule).
 */
public final class ContentFields {

    /** The most entries of a list of texts, and the most characters of each. */
    static final int MAX_LIST = 100;
    static final int MAX_ENTRY = 120;

    public static final ContentField<String> TITLE = field("title", "Title", Kind.TEXT, Content::title,
            Content.Builder::title).max(160).search(Search.TITLE).done();
    public static final ContentField<String> SUMMARY = field("summary", "Summary", Kind.LONG_TEXT,
            Content::summary, Content.Builder::summary).max(600).search(Search.SUMMARY).done();
    public static final ContentField<String> BODY = field("body", "Body", Kind.MARKDOWN, Content::body,
            Content.Builder::body).max(100_000).search(Search.BODY).done();
    public static final ContentField<List<String>> ALIASES = field("aliases", "Aliases", Kind.LINES,
            Content::aliases, Content.Builder::aliases).max(MAX_ENTRY).maxItems(MAX_LIST).search(Search.ALIAS)
            .done();
    public static final ContentField<Pressure> PRESSURE = field("pressure", "Pressure", Kind.CHOICE,
            Content::pressure, Content.Builder::pressure).of(TECHNIQUE).choices(Pressure.values(), Pressure::key).done();
    public static final ContentField<List<BodyArea>> BODY_AREAS = field("bodyAreas", "Body areas", Kind.CHOICES,
            Content::bodyAreas, Content.Builder::bodyAreas).of(TECHNIQUE, ARTICLE).optionalElsewhere()
            .choices(BodyArea.values(), BodyArea::key).done();
    public static final ContentField<List<String>> BENEFITS = field("benefits", "Benefits", Kind.LINES,
            Content::benefits, Content.Builder::benefits).of(TECHNIQUE).max(MAX_ENTRY).maxItems(MAX_LIST)
            .search(Search.KEYWORD).done();
    public static final ContentField<List<String>> RELIEVES_SYMPTOMS = field("relievesSymptoms",
            "Symptoms it relieves", Kind.LINKS, Content::relievesSymptoms, Content.Builder::relievesSymptoms)
            .of(TECHNIQUE, SELF_CARE).linksTo(ContentType.SYMPTOM).done();
    public static final ContentField<List<String>> CAUTIONS = field("cautions", "Cautions", Kind.LINKS,
            Content::cautions, Content.Builder::cautions).of(TECHNIQUE).linksTo(WARNING).medical().done();
    public static final ContentField<List<String>> LEADS_TO_SYMPTOMS = field("leadsToSymptoms",
            "Symptoms it leads to", Kind.LINKS, Content::leadsToSymptoms, Content.Builder::leadsToSymptoms)
            .of(CAUSE).linksTo(ContentType.SYMPTOM).done();
    public static final ContentField<List<String>> TRIGGER_SYMPTOMS = field("triggerSymptoms", "Trigger symptoms",
            Kind.LINKS, Content::triggerSymptoms, Content.Builder::triggerSymptoms).of(WARNING)
            .linksTo(ContentType.SYMPTOM).medical().done();
    public static final ContentField<List<String>> TRIGGER_PHRASES = field("triggerPhrases", "Trigger phrases",
            Kind.LINES, Content::triggerPhrases, Content.Builder::triggerPhrases).of(WARNING).max(MAX_ENTRY)
            .maxItems(MAX_LIST).medical().search(Search.KEYWORD).done();
    public static final ContentField<Severity> SEVERITY = field("severity", "Severity", Kind.CHOICE,
            Content::severity, Content.Builder::severity).of(WARNING).choices(Severity.values(), Severity::label)
            .medical().done();
    public static final ContentField<String> ACTION = field("action", "Action", Kind.TEXT, Content::action,
            Content.Builder::action).of(WARNING).max(200).medical().hashedOnlyWhenSet().done();
    public static final ContentField<String> ADVICE = field("advice", "Advice", Kind.LONG_TEXT, Content::advice,
            Content.Builder::advice).of(WARNING).max(2_000).medical().done();
    public static final ContentField<List<Source>> SOURCES = field("sources", "Sources", Kind.SOURCES,
            Content::sources, Content.Builder::sources).of(WARNING).maxItems(20).medical().hashedOnlyWhenSet()
            .done();
    public static final ContentField<List<ContentRef>> RELATED = field("related", "Related items", Kind.REFS,
            Content::related, Content.Builder::related).of(ARTICLE).done();

    /** Every field, in the order editors and comparisons show them. */
    private static final List<ContentField<?>> ALL = List.of(TITLE, SUMMARY, BODY, ALIASES, PRESSURE, BODY_AREAS,
            BENEFITS, RELIEVES_SYMPTOMS, CAUTIONS, LEADS_TO_SYMPTOMS, TRIGGER_SYMPTOMS, TRIGGER_PHRASES, SEVERITY,
            ACTION, ADVICE, SOURCES, RELATED);

    /** The record components of {@link Content} that name the item rather than hold its content. */
    public static final List<String> IDENTITY = List.of("type", "slug");

    private ContentFields() {
    }

    public static List<ContentField<?>> all() {
        return ALL;
    }

    /** The fields items of {@code type} have (what the editor shows, what the API answers). */
    public static List<ContentField<?>> of(ContentType type) {
        return ALL.stream().filter(f -> f.usedBy(type)).toList();
    }

    public static Optional<ContentField<?>> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The label of a field by name (the name itself for one the catalogue does not hold). */
    public static String label(String name) {
        return named(name).map(ContentField::label).orElse(name);
    }

    /** The fields whose values differ between {@code a} and {@code b}, in catalogue order (none if either is null). */
    public static List<ContentField<?>> changed(Content a, Content b) {
        if (a == null || b == null) {
            return List.of();
        }
        return ALL.stream().filter(f -> !java.util.Objects.equals(f.get(a), f.get(b))).toList();
    }

    /** The fields search reads in the given way, in catalogue order. */
    public static List<ContentField<?>> searched(Search how) {
        return ALL.stream().filter(f -> f.search() == how).toList();
    }

    /** The link fields (to items of one type, or of any type), in catalogue order. */
    public static List<ContentField<?>> links() {
        return ALL.stream().filter(ContentField::isLink).toList();
    }
}
