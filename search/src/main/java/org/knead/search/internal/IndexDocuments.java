package org.knead.search.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.io.IOException;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.Slug;
import org.knead.content.ContentField;
import org.knead.content.ContentField.Search;
import org.knead.content.ContentFields;
import org.knead.content.ContentType;

/** Turns published content into index documents; which fields are searched, and how, is the content catalogue's. */
public final class IndexDocuments {

    /** Stored, with offsets in the postings so that highlighting needs no re-analysis. */
    static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);
    static final FieldType TEXT = new FieldType(TextField.TYPE_NOT_STORED);
    static final FieldType DOCS_ONLY = new FieldType(TextField.TYPE_NOT_STORED);
    static final FieldType DOCS_AND_FREQS = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        STORED_TEXT.freeze();
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT.freeze();
        DOCS_ONLY.setIndexOptions(IndexOptions.DOCS);
        DOCS_ONLY.setOmitNorms(true);
        DOCS_ONLY.freeze();
        DOCS_AND_FREQS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        DOCS_AND_FREQS.freeze();
    }

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .build();

    private IndexDocuments() {
    }

    public static String id(Content c) {
        return c.ref().id();
    }

    /** Whether red-flag detection needs this content (warnings and the symptoms they name). */
    public static boolean isMedical(ContentType type) {
        return type == ContentType.WARNING || type == ContentType.SYMPTOM;
    }

    public static Document toDocument(Content c) {
        Document d = new Document();
        String id = id(c);
        d.add(new StringField(Fields.ID, id, Field.Store.YES));
        d.add(new StringField(Fields.TYPE, c.type().key(), Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.TYPE_DV, new BytesRef(c.type().key())));
        d.add(new StoredField(Fields.SLUG, c.slug()));

        String title = value(c, Search.TITLE);
        String summary = value(c, Search.SUMMARY);
        String body = Analysis.markdownToText(value(c, Search.BODY));
        d.add(new Field(Fields.TITLE, title, STORED_TEXT));
        d.add(new Field(Fields.SUMMARY, summary, STORED_TEXT));
        d.add(new Field(Fields.BODY, body, STORED_TEXT));
        BytesRef page = pageValue(c.type().key(), c.slug(), title, summary);
        if (page.length <= MAX_PAGE_VALUE) {
            // a longer one is left out: the hit is then read from the stored fields
            d.add(new BinaryDocValuesField(Fields.PAGE, page));
        }
        // the list fields come from the content catalogue: other names, then keywords (benefits, trigger phrases)
        List<String> aliases = values(c, Search.ALIAS);
        List<String> keywords = values(c, Search.KEYWORD);
        for (String alias : aliases) {
            d.add(new Field(Fields.ALIASES, alias, TEXT));
        }
        for (String k : keywords) {
            d.add(new Field(Fields.KEYWORDS, k, TEXT));
        }
        // every document has each searched field, if empty: its norms are then dense, read at a hit by
        // position instead of through a sparse document list (a tenth of a query's scoring); an empty
        // value adds no term, so neither matching nor BM25's field statistics change
        d.add(ShortFields.field(title, aliases, summary, keywords));
        if (aliases.isEmpty()) {
            d.add(new Field(Fields.ALIASES, "", TEXT));
        }
        if (keywords.isEmpty()) {
            d.add(new Field(Fields.KEYWORDS, "", TEXT));
        }

        if (c.type() == ContentType.SYMPTOM) {
            // the symptoms a query describes are searched here, without the titles of every other item
            d.add(new Field(Fields.SYMPTOM_TITLE, title, TEXT));
            d.add(ShortFields.symptomField(title, aliases));
            for (String alias : aliases) {
                d.add(new Field(Fields.SYMPTOM_ALIASES, alias, TEXT));
            }
            if (aliases.isEmpty()) {
                d.add(new Field(Fields.SYMPTOM_ALIASES, "", TEXT));
            }
        } else {
            // empty in every other item, for dense norms as above (a third of that search's time was
            // finding a symptom's norm in a sparse list); no term, so no other item is ever matched there
            d.add(new Field(Fields.SYMPTOM_TITLE, "", TEXT));
            d.add(new Field(Fields.SYMPTOM_ALIASES, "", TEXT));
        }

        // the short, meaningful text (not the body), one value per source value to keep the gaps:
        // the vocabulary typo corrections and "did you mean" correct towards
        for (String v : new String[] {title, summary}) {
            d.add(new Field(Fields.ALL, v, DOCS_AND_FREQS));
            d.add(new Field(Fields.SPELL, v, DOCS_AND_FREQS));
        }
        for (String v : aliases) {
            d.add(new Field(Fields.ALL, v, DOCS_AND_FREQS));
            d.add(new Field(Fields.SPELL, v, DOCS_AND_FREQS));
            d.add(new Field(Fields.SUGGEST, v, DOCS_ONLY));
        }
        for (String v : keywords) {
            d.add(new Field(Fields.ALL, v, DOCS_AND_FREQS));
            d.add(new Field(Fields.SPELL, v, DOCS_AND_FREQS));
        }
        d.add(new Field(Fields.SUGGEST, title, DOCS_ONLY));
        d.add(new Field(Fields.JOINED, title, DOCS_ONLY));
        for (String v : aliases) {
            d.add(new Field(Fields.JOINED, v, DOCS_ONLY));
        }
        for (String symptom : c.relievesSymptoms()) {
            if (!Slug.isValid(symptom)) {
                continue; // not a slug any symptom has
            }
            d.add(new StringField(Fields.RELIEVES, symptom, Field.Store.NO));
            d.add(new SortedSetDocValuesField(Fields.RELIEVES_DV, new BytesRef(symptom)));
        }
        d.add(new Field(Fields.SUGGEST_TITLE, title, DOCS_ONLY));
        String titleKey = normalizeTitle(title);
        d.add(new StringField(Fields.TITLE_PREFIX, titleKey, Field.Store.NO));
        d.add(new SortedDocValuesField(Fields.TITLE_SORT, new BytesRef(titleKey)));

        for (BodyArea area : c.bodyAreas()) {
            d.add(new StringField(Fields.AREA, area.key(), Field.Store.NO));
            d.add(new SortedSetDocValuesField(Fields.AREA_DV, new BytesRef(area.key())));
        }
        if (c.pressure() != null) {
            d.add(new StringField(Fields.PRESSURE, c.pressure().key(), Field.Store.NO));
            d.add(new SortedDocValuesField(Fields.PRESSURE_DV, new BytesRef(c.pressure().key())));
        }
        d.add(new NumericDocValuesField(Fields.FACET_CODE, FacetCounter.code(c.type(), c.pressure(), c.bodyAreas())));
        if (isMedical(c.type())) {
            try {
                d.add(new StoredField(Fields.JSON, JSON.writeValueAsString(c)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot store " + id, e);
            }
        }
        return d;
    }

    /** The one text of the catalogue field searched {@code how} (title, summary, body). */
    private static String value(Content c, Search how) {
        return String.join("\n", values(c, how));
    }

    /** Every value of the catalogue fields searched {@code how}, in catalogue order. */
    private static List<String> values(Content c, Search how) {
        List<String> out = new ArrayList<>();
        for (ContentField<?> field : ContentFields.searched(how)) {
            out.addAll(field.texts(c));
        }
        return out;
    }


    /** The largest page value kept in doc values. */
    static final int MAX_PAGE_VALUE = 16_000;

    /**
     * Type, slug, title and summary, each as a length-prefixed UTF-8 string, then the summary's words as
     * the index analyzes it (count, then per word its position, start offset, length and term), so that a
     * hit's snippet is marked without analyzing the summary again at every search.
     */
    static BytesRef pageValue(String type, String slug, String title, String summary) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            writePage(out, type, slug, title, summary);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // written to memory: not expected
        }
        return new BytesRef(out.toArrayCopy());
    }

    private static void writePage(ByteBuffersDataOutput out, String type, String slug, String title, String summary)
            throws IOException {
        out.writeString(type == null ? "" : type);
        out.writeString(slug == null ? "" : slug);
        out.writeString(title == null ? "" : title);
        out.writeString(summary == null ? "" : summary);
        List<ShortSnippets.Token> words = summary == null ? List.of() : ShortSnippets.analyze(Fields.SUMMARY, summary);
        out.writeVInt(words.size());
        int position = -1;
        int start = 0;
        for (ShortSnippets.Token w : words) {
            out.writeZInt(w.position() - position);
            out.writeZInt(w.start() - start);
            out.writeVInt(w.end() - w.start());
            out.writeString(w.term());
            position = w.position();
            start = w.start();
        }
    }

    /** What a page hit shows, from {@link #pageValue}; {@code summaryWords} null when not read or not kept. */
    record Page(String type, String slug, String title, String summary, List<ShortSnippets.Token> summaryWords) {
    }

    /** {@link #pageValue} read back: the four strings, and the summary's words when {@code withWords}. */
    static Page readPage(BytesRef value, boolean withWords) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        String type = in.readString();
        String slug = in.readString();
        String title = in.readString();
        String summary = in.readString();
        if (!withWords) {
            return new Page(type, slug, title, summary, null);
        }
        int n = in.readVInt();
        List<ShortSnippets.Token> words = new ArrayList<>(n);
        int position = -1;
        int start = 0;
        for (int i = 0; i < n; i++) {
            position += in.readZInt();
            start += in.readZInt();
            int end = start + in.readVInt();
            words.add(new ShortSnippets.Token(in.readString(), position, start, end));
        }
        return new Page(type, slug, title, summary, words);
    }

    public static Content contentFromJson(String json) {
        try {
            return JSON.readValue(json, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read stored content", e);
        }
    }

    /** Lower case, accents folded, at most 200 characters: the key for title prefixes and sorting. */
    public static String normalizeTitle(String title) {
        String t = title == null ? "" : title;
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        t = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
