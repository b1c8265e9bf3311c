package org.knead.search.internal;

/** The names of the index fields. */
public final class Fields {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String TYPE_DV = "type_dv";
    public static final String SLUG = "slug";
    public static final String TITLE = "title";
    public static final String ALIASES = "aliases";
    public static final String SUMMARY = "summary";
    public static final String KEYWORDS = "keywords";
    public static final String BODY = "body";
    /** Title, aliases, summary and keywords as one ranking field: each word once, weighed (see ShortFields). */
    public static final String SHORT = "short";
    /** Title, aliases, summary, benefits and trigger phrases, stemmed: the words typos are corrected to. */
    public static final String ALL = "all";
    /** The same text unstemmed: for "did you mean" and for telling real words from typos. */
    public static final String SPELL = "spell";
    /** Title and aliases, unstemmed: for prefix suggestions. */
    public static final String SUGGEST = "suggest";
    /** The title alone, unstemmed: suggestions whose title words start with the prefix rank first. */
    public static final String SUGGEST_TITLE = "suggest_title";
    /** Adjacent words of titles and aliases written together ("triggerpoint"): for joined and split words. */
    public static final String JOINED = "joined";
    /** The slugs of the symptoms a technique or self-care tip relieves (indexed, and as doc values). */
    /** A symptom's title and aliases, again, in fields only symptoms have (see SymptomNames). */
    public static final String SYMPTOM_TITLE = "symptom_title";
    public static final String SYMPTOM_ALIASES = "symptom_aliases";
    /** A symptom's title and aliases weighed as in {@link #SHORT}, in a field only symptoms have. */
    public static final String SYMPTOM_SHORT = "symptom_short";
    public static final String RELIEVES = "relieves";
    public static final String RELIEVES_DV = "relieves_dv";
    public static final String TITLE_PREFIX = "title_prefix";
    public static final String TITLE_SORT = "title_sort";
    public static final String AREA = "area";
    public static final String AREA_DV = "area_dv";
    public static final String PRESSURE = "pressure";
    public static final String PRESSURE_DV = "pressure_dv";
    /** Type, pressure and body areas packed in one number (see FacetCounter.code): read once per segment. */
    public static final String FACET_CODE = "facet_code";
    /** The content as JSON, stored for warnings and symptoms only (red-flag detection after a restart). */
    public static final String JSON = "json";
    /**
     * Type, slug, title and summary in one binary doc value: what a page hit shows, read without
     * decompressing the stored fields (see IndexDocuments.pageValue).
     */
    public static final String PAGE = "page_dv";

    /** The text fields searched, with their weights: title and aliases above summary above body. */
    public static final String[] WEIGHTED = {TITLE, ALIASES, SUMMARY, KEYWORDS, BODY};
    public static final float[] WEIGHTS = {4.0f, 3.5f, 2.0f, 1.5f, 1.0f};

    private Fields() {
    }
}
