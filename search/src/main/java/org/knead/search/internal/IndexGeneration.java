package org.knead.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.knead.content.Content;
import org.knead.content.ContentType;

/**
 * One index: its directory, its single writer, a searcher manager, the publication-log sequence it
 * reflects (kept in the commit user data, so a reopened index knows where to resume), and the
 * warnings and symptoms red-flag detection needs.
 *
 * <p>An index opened from disk reads those warnings and symptoms from its stored documents on a thread of its
 * own (at 100,000 items, 16,700 of them symptoms, that takes seconds), so the index can be searched as soon as
 * it is open; red-flag detection and every change to the index wait until the read is done, so no answer is
 * made from a part of them.
 */
public final class IndexGeneration implements Closeable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexGeneration.class);

    public static final String SEQ = "knead.seq";
    public static final String SCHEMA = "knead.schema";
    /** The fingerprint of the log entry at {@link #SEQ}, to tell a rewritten log from the one applied. */
    public static final String ENTRY = "knead.entry";
    /** Bump when the documents or analysis change: an index of another schema is rebuilt. */
    public static final String SCHEMA_VERSION = "7";

    private final Directory directory;
    private final Path path;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Vocabulary vocabulary;
    private final Map<String, Content> medical = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong medicalVersion = new java.util.concurrent.atomic.AtomicLong();
    private volatile CachedDetector detector;
    /** Whether {@link #compactInBackground} is merging the index now. */
    private final java.util.concurrent.atomic.AtomicBoolean merging = new java.util.concurrent.atomic.AtomicBoolean();
    /** Done once the warnings and symptoms of an opened index are read; at once for a new index. */
    private volatile java.util.concurrent.CompletableFuture<Void> medicalLoaded =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    private record CachedDetector(long version, RedFlagDetector detector) {
    }
    private volatile long sequence;
    private volatile String entry;
    private volatile long committedSequence;

    private IndexGeneration(Directory directory, Path path, IndexWriter writer, Vocabulary vocabulary, long sequence)
            throws IOException {
        this.directory = directory;
        this.path = path;
        this.writer = writer;
        this.vocabulary = vocabulary;
        this.sequence = sequence;
        this.committedSequence = sequence;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(ShortFields.SIMILARITY);
                return s;
            }
        });
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig cfg = new IndexWriterConfig(Analysis.perField());
        cfg.setOpenMode(mode);
        cfg.setSimilarity(ShortFields.SIMILARITY);
        cfg.setRAMBufferSizeMB(64);
        cfg.setCommitOnClose(false);
        return cfg;
    }

    /** A new, empty index in {@code directory} (anything there is replaced). */
    public static IndexGeneration create(Directory directory, Path path, Vocabulary vocabulary) throws IOException {
        IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
        return new IndexGeneration(directory, path, writer, vocabulary, 0);
    }

    /**
     * The committed index in {@code directory}, or null when there is none or it is of another schema.
     */
    public static IndexGeneration open(Directory directory, Path path, Vocabulary vocabulary) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return null;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        if (!SCHEMA_VERSION.equals(data.get(SCHEMA)) || data.get(SEQ) == null) {
            return null;
        }
        long seq = Long.parseLong(data.get(SEQ));
        IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
        IndexGeneration g = new IndexGeneration(directory, path, writer, vocabulary, seq);
        g.entry = data.get(ENTRY);
        g.loadMedicalInBackground();
        return g;
    }

    private void loadMedicalInBackground() {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        medicalLoaded = f;
        Thread t = new Thread(() -> {
            try {
                loadMedical();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "knead-index-medical");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits until the warnings and symptoms of an opened index are read; when the read on its own thread failed,
     * reads them here (and throws what that read throws).
     */
    private void awaitMedical() throws IOException {
        java.util.concurrent.CompletableFuture<Void> f = medicalLoaded;
        if (f.isDone() && !f.isCompletedExceptionally()) {
            return;
        }
        try {
            f.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
            synchronized (this) {
                if (medicalLoaded == f) {
                    medical.clear();
                    loadMedical();
                    medicalLoaded = java.util.concurrent.CompletableFuture.completedFuture(null);
                }
            }
        }
    }

    private void loadMedical() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            for (ContentType t : List.of(ContentType.WARNING, ContentType.SYMPTOM)) {
                TopDocs docs = s.search(new TermQuery(new Term(Fields.TYPE, t.key())), Integer.MAX_VALUE / 2);
                StoredFields stored = s.storedFields();
                for (ScoreDoc sd : docs.scoreDocs) {
                    Document d = stored.document(sd.doc, java.util.Set.of(Fields.ID, Fields.JSON));
                    String json = d.get(Fields.JSON);
                    if (json != null) {
                        medical.put(d.get(Fields.ID), IndexDocuments.contentFromJson(json));
                    }
                }
            }
        } finally {
            searchers.release(s);
        }
        medicalVersion.incrementAndGet();
    }

    /**
     * Refuses an id longer than a Lucene term may be, before it reaches the writer: as the delete
     * term of an update it would break the writer rather than fail the one document.
     */
    static void checkId(String id) {
        int bytes = org.apache.lucene.util.UnicodeUtil.calcUTF16toUTF8Length(id, 0, id.length());
        if (bytes > IndexWriter.MAX_TERM_LENGTH) {
            throw new IllegalArgumentException("immense term: the item id is " + bytes
                    + " bytes long; the index takes terms of at most " + IndexWriter.MAX_TERM_LENGTH + " bytes");
        }
    }

    private static boolean indexable(String id) {
        return org.apache.lucene.util.UnicodeUtil.calcUTF16toUTF8Length(id, 0, id.length())
                <= IndexWriter.MAX_TERM_LENGTH;
    }

    /** Adds or replaces one item. */
    public void put(Content content) throws IOException {
        awaitMedical();
        String id = IndexDocuments.id(content);
        checkId(id);
        writer.updateDocument(new Term(Fields.ID, id), IndexDocuments.toDocument(content));
        if (IndexDocuments.isMedical(content.type())) {
            medical.put(id, content);
            medicalVersion.incrementAndGet();
        } else if (medical.remove(id) != null) {
            medicalVersion.incrementAndGet();
        }
    }

    /** Adds many items that are known not to be in the index yet (a fresh build). */
    public void addAll(Collection<Content> contents) throws IOException {
        awaitMedical();
        List<Document> docs = new ArrayList<>(contents.size());
        for (Content c : contents) {
            checkId(IndexDocuments.id(c));
            docs.add(IndexDocuments.toDocument(c));
        }
        writer.addDocuments(docs);
        for (Content c : contents) {
            if (IndexDocuments.isMedical(c.type())) {
                medical.put(IndexDocuments.id(c), c);
                medicalVersion.incrementAndGet();
            }
        }
    }

    public void remove(String id) throws IOException {
        if (!indexable(id)) {
            return; // never indexed
        }
        awaitMedical();
        writer.deleteDocuments(new Term(Fields.ID, id));
        if (medical.remove(id) != null) {
            medicalVersion.incrementAndGet();
        }
    }

    /**
     * Records that the log has been applied up to {@code seq}, whose entry has the fingerprint
     * {@code entry} (both made durable by {@link #commit()}).
     */
    public void applied(long seq, String entry) {
        this.sequence = seq;
        this.entry = entry;
    }

    /** Makes everything so far durable, with the sequence, in one commit. */
    public synchronized void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SEQ, Long.toString(sequence));
        if (entry != null) {
            data.put(ENTRY, entry);
        }
        data.put(SCHEMA, SCHEMA_VERSION);
        long seq = sequence;
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        committedSequence = seq;
    }

    /**
     * Merges the index into one segment on a thread of its own, then makes the merged index the one
     * searched and commits it. A bulk build leaves a few large segments, and every term a query looks
     * up (five fields per word, spelling, relief) is looked up in each: one segment makes every query
     * cheaper. Searches and changes go on meanwhile (Lucene merges beside them). A close while it runs
     * does not wait for it: it drops what was not committed, and the next start catches up from the last
     * commit's log sequence, as after a crash.
     */
    public java.util.concurrent.CompletableFuture<Void> compactInBackground() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        if (!merging.compareAndSet(false, true)) { // one at a time; what a change adds meanwhile waits for the next
            done.complete(null);
            return done;
        }
        Thread t = new Thread(() -> {
            try {
                long started = System.nanoTime();
                writer.forceMerge(1);
                refresh();
                commit();
                LOG.info("Search index merged into one segment in {} ms", (System.nanoTime() - started) / 1_000_000);
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                LOG.info("Search index not merged ({}); it is searched as it is", e.toString());
                done.completeExceptionally(e);
            } finally {
                merging.set(false);
            }
        }, "knead-index-merge");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return done;
    }

    /** Whether a merge into one segment is under way. */
    public boolean merging() {
        return merging.get();
    }

    /** How many segments the index searched now has. */
    public int segments() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().leaves().size();
        } finally {
            searchers.release(s);
        }
    }

    /** Makes everything so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public long sequence() {
        return sequence;
    }

    /** The fingerprint of the entry at {@link #sequence()}, or null when not known. */
    public String entry() {
        return entry;
    }

    public long committedSequence() {
        return committedSequence;
    }

    public SearcherManager searchers() {
        return searchers;
    }

    public Path path() {
        return path;
    }

    public RedFlagDetector detector() {
        try {
            awaitMedical();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Reading the index's warnings and symptoms failed", e);
        }
        long version = medicalVersion.get();
        CachedDetector cached = detector;
        if (cached == null || cached.version() != version) {
            cached = new CachedDetector(version, RedFlagDetector.of(new ArrayList<>(medical.values()), vocabulary));
            detector = cached;
        }
        return cached.detector();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            try {
                if (merging.get()) {
                    writer.rollback(); // aborts the merge instead of waiting for it (see compactInBackground)
                } else {
                    writer.close();
                }
            } finally {
                directory.close();
            }
        }
    }
}
