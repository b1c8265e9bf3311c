package org.knead.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full content of one revision of an item. One shape for every type; the fields that a type
 * does not use stay empty ({@link ContentFields} says which type uses which).
 *
 * @param type             what kind of item this is
 * @param slug             lowercase-kebab, stable for the life of the item
 * @param title            the name people see
 * @param summary          one or two sentences
 * @param body             Markdown source
 * @param aliases          other names, lay and clinical ("knots", "myofascial trigger points")
 * @param pressure         technique: how firm
 * @param bodyAreas        technique (and optionally others): where it helps
 * @param benefits         technique: what it does for you
 * @param relievesSymptoms technique and self-care tip: symptom slugs it relieves
 * @param cautions         technique: warning slugs that apply to it
 * @param leadsToSymptoms  cause: symptom slugs it leads to
 * @param triggerSymptoms  warning: symptom slugs that raise this red flag
 * @param triggerPhrases   warning: the words people use for those red-flag symptoms
 * @param severity         warning: how urgent
 * @param advice           warning: what to do, and when to act faster
 * @param related          article: the items it links to
 * @param action           warning: the one thing to do now ("Call your local emergency number now")
 * @param sources          warning: where its facts come from
 */
public record Content(
        ContentType type,
        String slug,
        String title,
        String summary,
        String body,
        List<String> aliases,
        Pressure pressure,
        List<BodyArea> bodyAreas,
        List<String> benefits,
        List<String> relievesSymptoms,
        List<String> cautions,
        List<String> leadsToSymptoms,
        List<String> triggerSymptoms,
        List<String> triggerPhrases,
        Severity severity,
        String advice,
        List<ContentRef> related,
        String action,
        List<Source> sources) {

    public Content {
        title = trim(title);
        summary = trim(summary);
        body = body == null ? "" : body.strip();
        advice = trim(advice);
        action = trim(action);
        sources = copy(sources);
        slug = slug == null ? null : slug.strip();
        aliases = copy(aliases);
        bodyAreas = copy(bodyAreas);
        benefits = copy(benefits);
        relievesSymptoms = copy(relievesSymptoms);
        cautions = copy(cautions);
        leadsToSymptoms = copy(leadsToSymptoms);
        triggerSymptoms = copy(triggerSymptoms);
        triggerPhrases = copy(triggerPhrases);
        related = copy(related);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (T t : list) {
            if (t instanceof String s) {
                if (!s.isBlank()) {
                    @SuppressWarnings("unchecked")
                    T stripped = (T) s.strip();
                    out.add(stripped);
                }
            } else if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    public ContentRef ref() {
        return new ContentRef(type, slug);
    }

    /** Every outgoing link of this content, by relation name (the link fields of {@link ContentFields}). */
    public Map<String, List<ContentRef>> links() {
        Map<String, List<ContentRef>> links = new LinkedHashMap<>();
        for (ContentField<?> field : ContentFields.links()) {
            List<ContentRef> refs = field.kind() == ContentField.Kind.REFS
                    ? ((List<?>) field.get(this)).stream().map(ContentRef.class::cast).toList()
                    : field.texts(this).stream().map(s -> new ContentRef(field.linksTo(), s)).toList();
            if (!refs.isEmpty()) {
                links.put(field.name(), refs);
            }
        }
        return links;
    }

    public static Builder builder(ContentType type, String slug) {
        return new Builder(type, slug);
    }

    public Builder toBuilder() {
        Builder b = new Builder(type, slug);
        b.title = title;
        b.summary = summary;
        b.body = body;
        b.aliases = aliases;
        b.pressure = pressure;
        b.bodyAreas = bodyAreas;
        b.benefits = benefits;
        b.relievesSymptoms = relievesSymptoms;
        b.cautions = cautions;
        b.leadsToSymptoms = leadsToSymptoms;
        b.triggerSymptoms = triggerSymptoms;
        b.triggerPhrases = triggerPhrases;
        b.severity = severity;
        b.advice = advice;
        b.related = related;
        b.action = action;
        b.sources = sources;
        return b;
    }

    /** Builds content step by step; unset lists stay empty. */
    public static final class Builder {
        private final ContentType type;
        private final String slug;
        private String title;
        private String summary;
        private String body;
        private List<String> aliases;
        private Pressure pressure;
        private List<BodyArea> bodyAreas;
        private List<String> benefits;
        private List<String> relievesSymptoms;
        private List<String> cautions;
        private List<String> leadsToSymptoms;
        private List<String> triggerSymptoms;
        private List<String> triggerPhrases;
        private Severity severity;
        private String advice;
        private List<ContentRef> related;
        private String action;
        private List<Source> sources;

        private Builder(ContentType type, String slug) {
            this.type = type;
            this.slug = slug;
        }

        public Builder title(String v) { this.title = v; return this; }
        public Builder summary(String v) { this.summary = v; return this; }
        public Builder body(String v) { this.body = v; return this; }
        public Builder aliases(List<String> v) { this.aliases = v; return this; }
        public Builder pressure(Pressure v) { this.pressure = v; return this; }
        public Builder bodyAreas(List<BodyArea> v) { this.bodyAreas = v; return this; }
        public Builder benefits(List<String> v) { this.benefits = v; return this; }
        public Builder relievesSymptoms(List<String> v) { this.relievesSymptoms = v; return this; }
        public Builder cautions(List<String> v) { this.cautions = v; return this; }
        public Builder leadsToSymptoms(List<String> v) { this.leadsToSymptoms = v; return this; }
        public Builder triggerSymptoms(List<String> v) { this.triggerSymptoms = v; return this; }
        public Builder triggerPhrases(List<String> v) { this.triggerPhrases = v; return this; }
        public Builder severity(Severity v) { this.severity = v; return this; }
        public Builder advice(String v) { this.advice = v; return this; }
        public Builder related(List<ContentRef> v) { this.related = v; return this; }
        public Builder action(String v) { this.action = v; return this; }
        public Builder sources(List<Source> v) { this.sources = v; return this; }

        public Content build() {
            return new Content(type, slug, title, summary, body, aliases, pressure, bodyAreas, benefits,
                    relievesSymptoms, cautions, leadsToSymptoms, triggerSymptoms, triggerPhrases, severity,
                    advice, related, action, sources);
        }
    }
}
