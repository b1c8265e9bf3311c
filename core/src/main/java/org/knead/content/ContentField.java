package org.knead.content;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of {@link Content}, as {@link ContentFields} describes it: its name (the record component and
 * JSON property), the label people see, what kind of value it holds, which types have it, its limits,
 * whether a change to it is medical, and how search uses it.
 *
 * @param <V> the value's Java type
 */
public final class ContentField<V> {

    /** What a field holds; it decides how it is edited, compared and checked. */
    public enum Kind {
        /** One line of plain text. */
        TEXT(false),
        /** Plain text over several lines. */
        LONG_TEXT(false),
        /** Markdown source, rendered and sanitized for the public. */
        MARKDOWN(false),
        /** One of a vocabulary (pressure, severity). */
        CHOICE(false),
        /** Some of a vocabulary (body areas). */
        CHOICES(true),
        /** Short plain texts, one per line (aliases, benefits, trigger phrases). */
        LINES(true),
        /** Slugs of items of one type ({@link ContentField#linksTo()}). */
        LINKS(true),
        /** Items of any type ({@code type:slug}). */
        REFS(true),
        /** Sources of a warning's facts. */
        SOURCES(true);

        private final boolean list;

        Kind(boolean list) {
            this.list = list;
        }

        public boolean isList() {
            return list;
        }
    }

    /** How search uses a field. */
    public enum Search {
        /** Not searched as text (links, vocabularies that are filters). */
        NONE,
        /** The item's name. */
        TITLE,
        /** Its short description. */
        SUMMARY,
        /** Its Markdown body, as plain text. */
        BODY,
        /** Other names people use for it. */
        ALIAS,
        /** Words that describe what it does or what raises it. */
        KEYWORD
    }

    private final String name;
    private final String label;
    private final Kind kind;
    private final Set<ContentType> types;
    private final Set<ContentType> optionalFor;
    private final int maxLength;
    private final int maxItems;
    private final boolean medical;
    private final ContentType linksTo;
    private final Search search;
    private final boolean hashedOnlyWhenSet;
    private final List<Object> choices;
    private final Function<Object, String> choiceLabel;
    private final Function<Content, V> getter;
    private final BiConsumer<Content.Builder, V> setter;

    private ContentField(Spec<V> s) {
        this.name = s.name;
        this.label = s.label;
        this.kind = s.kind;
        this.types = s.types;
        this.optionalFor = s.optionalFor;
        this.maxLength = s.maxLength;
        this.maxItems = s.maxItems;
        this.medical = s.medical;
        this.linksTo = s.linksTo;
        this.search = s.search;
        this.hashedOnlyWhenSet = s.hashedOnlyWhenSet;
        this.choices = s.choices;
        this.choiceLabel = s.choiceLabel;
        this.getter = s.getter;
        this.setter = s.setter;
    }

    static <V> Spec<V> field(String name, String label, Kind kind, Function<Content, V> getter,
            BiConsumer<Content.Builder, V> setter) {
        return new Spec<>(name, label, kind, getter, setter);
    }

    /** The record component and JSON property: {@code relievesSymptoms}. */
    public String name() {
        return name;
    }

    /** What people see: {@code Symptoms it relieves}. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isList() {
        return kind.isList();
    }

    public boolean isLink() {
        return kind == Kind.LINKS || kind == Kind.REFS;
    }

    public boolean isMarkdown() {
        return kind == Kind.MARKDOWN;
    }

    /** The types this field is part of: editors see it, the public API always answers it. */
    public Set<ContentType> types() {
        return types;
    }

    /** Whether items of {@code type} have this field. */
    public boolean partOf(ContentType type) {
        return types.contains(type);
    }

    /** Whether items of {@code type} may carry a value (a part of the type, or optional for it). */
    public boolean usedBy(ContentType type) {
        return types.contains(type) || optionalFor.contains(type);
    }

    /** The most characters of the value (for a list: of each entry); 0 for no text limit. */
    public int maxLength() {
        return maxLength;
    }

    /** The most entries of a list field; 0 for a field that is not a list. */
    public int maxItems() {
        return maxItems;
    }

    /** A change to it changes what a clinician signs off. */
    public boolean isMedical() {
        return medical;
    }

    /** For {@link Kind#LINKS}: the type of the items linked to; otherwise null. */
    public ContentType linksTo() {
        return linksTo;
    }

    public Search search() {
        return search;
    }

    /**
     * It joined the content after revisions were first hashed: {@link ContentHash} leaves it out while it is
     * empty, so the hashes of older revisions (and the clinical approvals bound to them) stay valid.
     */
    public boolean hashedOnlyWhenSet() {
        return hashedOnlyWhenSet;
    }

    /** For {@link Kind#CHOICE} and {@link Kind#CHOICES}: the vocabulary, in its order; otherwise empty. */
    public List<Object> choices() {
        return choices;
    }

    /** How one of {@link #choices()} is shown to editors. */
    public String choiceLabel(Object choice) {
        return choiceLabel.apply(choice);
    }

    public V get(Content content) {
        return getter.apply(content);
    }

    /** Whether the content holds no value for this field (null, empty text, empty list). */
    public boolean isEmpty(Content content) {
        Object v = get(content);
        return v == null || v instanceof String s && s.isEmpty() || v instanceof List<?> l && l.isEmpty();
    }

    /** Sets this field on the builder to its value in {@code from}. */
    public void copy(Content from, Content.Builder to) {
        setter.accept(to, get(from));
    }

    public void set(Content.Builder to, V value) {
        setter.accept(to, value);
    }

    /** The values of a list of texts, or the one text, as strings (empty when unset). */
    public List<String> texts(Content content) {
        Object v = get(content);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String s = String.valueOf(v);
        return s.isEmpty() ? List.of() : List.of(s);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The description of a field being declared. */
    static final class Spec<V> {
        private final String name;
        private final String label;
        private final Kind kind;
        private final Function<Content, V> getter;
        private final BiConsumer<Content.Builder, V> setter;
        private Set<ContentType> types = EnumSet.allOf(ContentType.class);
        private Set<ContentType> optionalFor = EnumSet.noneOf(ContentType.class);
        private int maxLength;
        private int maxItems;
        private boolean medical;
        private ContentType linksTo;
        private Search search = Search.NONE;
        private boolean hashedOnlyWhenSet;
        private List<Object> choices = List.of();
        private Function<Object, String> choiceLabel = String::valueOf;

        private Spec(String name, String label, Kind kind, Function<Content, V> getter,
                BiConsumer<Content.Builder, V> setter) {
            this.name = Objects.requireNonNull(name);
            this.label = Objects.requireNonNull(label);
            this.kind = Objects.requireNonNull(kind);
            this.getter = Objects.requireNonNull(getter);
            this.setter = Objects.requireNonNull(setter);
        }

        Spec<V> of(ContentType first, ContentType... more) {
            types = EnumSet.of(first, more);
            return this;
        }

        /** Allowed, not expected, on every other type. */
        Spec<V> optionalElsewhere() {
            optionalFor = EnumSet.complementOf(EnumSet.copyOf(types));
            return this;
        }

        Spec<V> max(int length) {
            maxLength = length;
            return this;
        }

        Spec<V> maxItems(int items) {
            maxItems = items;
            return this;
        }

        Spec<V> medical() {
            medical = true;
            return this;
        }

        Spec<V> linksTo(ContentType type) {
            linksTo = type;
            return this;
        }

        Spec<V> search(Search how) {
            search = how;
            return this;
        }

        @SuppressWarnings("unchecked")
        <E> Spec<V> choices(E[] values, Function<E, String> label) {
            choices = List.of(values);
            choiceLabel = v -> label.apply((E) v);
            return this;
        }

        Spec<V> hashedOnlyWhenSet() {
            hashedOnlyWhenSet = true;
            return this;
        }

        ContentField<V> done() {
            return new ContentField<>(this);
        }
    }
}
