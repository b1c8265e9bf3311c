package org.knead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.knead.content.Content;
import org.knead.content.ContentType;

/**
 * The editors' index, in memory: every item's latest revision (drafts included) as the public index
 * documents it, plus its workflow state, last author, last change and review due date for filtering.
 * Text is matched by the same query engine as public search (lay words, typos), and slugs by prefix.
 */
public final class EditorIndex implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EditorIndex.class);
    /** What may be the start of a slug: lower-case letters, digits and hyphens. */
    private static final java.util.regex.Pattern SLUG_START = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_SLUG = 200;
    private static final String STATE = "editor_state";
    private static final String AUTHOR = "editor_author";
    private static final String DUE = "editor_due";
    private static final String CHANGED = "editor_changed";
    private static final String SLUG_KEY = "editor_slug";

    private final QueryEngine engine;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public EditorIndex(Vocabulary vocabulary) {
        this.engine = new QueryEngine(vocabulary);
        try {
            this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(Analysis.perField()));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the document of {@code content}'s item. */
    public void put(Content content, String state, String author, Instant lastChange, Instant reviewDue) {
        Document d = IndexDocuments.toDocument(content);
        d.add(new StringField(STATE, key(state), Field.Store.NO));
        d.add(new StringField(AUTHOR, key(author), Field.Store.NO));
        d.add(new StringField(SLUG_KEY, key(content.slug()), Field.Store.NO));
        if (reviewDue != null) {
            d.add(new LongPoint(DUE, reviewDue.toEpochMilli()));
        }
        d.add(new NumericDocValuesField(CHANGED, lastChange == null ? 0 : lastChange.toEpochMilli()));
        try {
            writer.updateDocument(new Term(Fields.ID, IndexDocuments.id(content)), d);
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String id) {
        try {
            writer.deleteDocuments(new Term(Fields.ID, id));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The ids of the items matching, best first; with no text, the most recently changed first.
     * Null filters match everything; {@code overdueAt} keeps items whose review was due before it.
     */
    public List<String> search(String text, ContentType type, String state, String author, Instant overdueAt) {
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        if (type != null) {
            filters.add(new TermQuery(new Term(Fields.TYPE, type.key())), BooleanClause.Occur.FILTER);
        }
        if (state != null && !state.isBlank()) {
            filters.add(new TermQuery(new Term(STATE, key(state))), BooleanClause.Occur.FILTER);
        }
        if (author != null && !author.isBlank()) {
            filters.add(new TermQuery(new Term(AUTHOR, key(author))), BooleanClause.Occur.FILTER);
        }
        if (overdueAt != null) {
            filters.add(LongPoint.newRangeQuery(DUE, Long.MIN_VALUE, overdueAt.toEpochMilli() - 1),
                    BooleanClause.Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                boolean anyText = text != null && !text.isBlank();
                Query matching = anyText ? textOrSlug(searcher, text.strip()) : new MatchAllDocsQuery();
                filters.add(matching, BooleanClause.Occur.MUST);
                int n = Math.max(1, searcher.getIndexReader().maxDoc());
                SortField changed = new SortField(CHANGED, SortField.Type.LONG, true);
                Sort sort = anyText ? new Sort(SortField.FIELD_SCORE, changed) : new Sort(changed);
                ScoreDoc[] hits = searcher.search(filters.build(), n, sort).scoreDocs;
                StoredFields stored = searcher.storedFields();
                List<String> ids = new ArrayList<>(hits.length);
                for (ScoreDoc hit : hits) {
                    ids.add(stored.document(hit.doc, java.util.Set.of(Fields.ID)).get(Fields.ID));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public search's text query, or the slug typed (whole or its start). */
    private Query textOrSlug(IndexSearcher searcher, String text) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        String slug = key(text);
        if (slug.length() <= MAX_SLUG && SLUG_START.matcher(slug).matches()) {
            b.add(new BoostQuery(new PrefixQuery(new Term(SLUG_KEY, slug)), 2f), BooleanClause.Occur.SHOULD);
        }
        try {
            b.add(engine.textQuery(searcher, text), BooleanClause.Occur.SHOULD);
        } catch (RuntimeException e) {
            LOG.warn("The editors' search could not read a query of {} characters; matching slugs only",
                    text.length(), e);
        }
        return b.build();
    }

    private static String key(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
