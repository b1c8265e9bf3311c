package org.knead.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.knead.search.SearchHit;

/**
 * Relief-aware ranking, from the content graph: the symptoms a query describes (their titles and
 * aliases match its words) lift the techniques and self-care tips that relieve them
 * ({@code relievesSymptoms}), the more the more of them they relieve, and each such hit says why
 * ("Relieves muscle stiffness, chronic pain").
 */
public final class Relief {

    /** At most this many described symptoms count... */
    static final int MAX_SYMPTOMS = 4;
    /** ...each scoring at least this share of the best one. */
    static final float MIN_SHARE = 0.5f;
    /** A reliever gains this share of the score of each described symptom it relieves. */
    static final float WEIGHT = 0.6f;

    /** A symptom the query describes, with how well it matches. */
    record Described(String slug, String title, float score) {
    }

    static final Relief NONE = new Relief(List.of());

    private final List<Described> symptoms;

    private Relief(List<Described> symptoms) {
        this.symptoms = List.copyOf(symptoms);
    }

    List<Described> symptoms() {
        return symptoms;
    }

    /**
     * The symptoms whose titles or aliases {@code described} (a query on the symptom-only copies of
     * those fields, see {@link SymptomNames}) matches best.
     */
    static Relief find(IndexSearcher searcher, Query described) throws IOException {
        // only the best few count: Lucene may skip the symptoms that cannot be among them
        TopDocs top = SymptomNames.searcher(searcher).search(TermLookups.of(searcher.getIndexReader()).withStates(described),
                new TopScoreDocCollectorManager(MAX_SYMPTOMS, null, MAX_SYMPTOMS));
        if (top.scoreDocs.length == 0) {
            return NONE;
        }
        float best = top.scoreDocs[0].score;
        int counted = 0;
        while (counted < top.scoreDocs.length && top.scoreDocs[counted].score >= MIN_SHARE * best) {
            counted++;
        }
        ScoreDoc[] kept = java.util.Arrays.copyOf(top.scoreDocs, counted);
        List<String[]> names = slugsAndTitles(searcher, kept);
        List<Described> out = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            if (names.get(i)[0] != null) {
                out.add(new Described(names.get(i)[0], names.get(i)[1], kept[i].score));
            }
        }
        return new Relief(out);
    }

    /** Slug and title of each hit, from the page doc value (no stored fields to decompress), else the stored fields. */
    private static List<String[]> slugsAndTitles(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        return HitValues.read(searcher.getIndexReader(), hits, leaf -> leaf.getBinaryDocValues(Fields.PAGE),
                (BinaryDocValues dv, int leafDoc, int doc) -> {
                    if (dv != null && dv.advanceExact(leafDoc)) {
                        IndexDocuments.Page page = IndexDocuments.readPage(dv.binaryValue(), false);
                        return new String[] {page.slug(), page.title()};
                    }
                    Document d = stored.document(doc, Set.of(Fields.SLUG, Fields.TITLE));
                    return new String[] {d.get(Fields.SLUG), d.get(Fields.TITLE)};
                });
    }

    /** Scoring clauses: each reliever of a described symptom gains a share of that symptom's score. */
    void addScoring(BooleanQuery.Builder b) {
        for (Described s : symptoms) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.RELIEVES, s.slug()))),
                    WEIGHT * s.score()), BooleanClause.Occur.SHOULD);
        }
    }

    /** Matching clauses: the relievers of the described symptoms are hits too. */
    void addMatching(BooleanQuery.Builder b) {
        for (Described s : symptoms) {
            b.add(new TermQuery(new Term(Fields.RELIEVES, s.slug())), BooleanClause.Occur.SHOULD);
        }
    }

    /** {@code hits} (the documents of {@code page}, in order), each reliever with its reason. */
    List<SearchHit> explain(IndexSearcher searcher, ScoreDoc[] page, List<SearchHit> hits) throws IOException {
        if (symptoms.isEmpty() || hits.size() != page.length) {
            return hits;
        }
        List<Set<String>> relieved = HitValues.read(searcher.getIndexReader(), page,
                leaf -> leaf.getSortedSetDocValues(Fields.RELIEVES_DV), Relief::relieved);
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < page.length; i++) {
            SearchHit h = hits.get(i);
            List<String> names = new ArrayList<>();
            for (Described s : symptoms) {
                if (relieved.get(i).contains(s.slug())) {
                    names.add(lowerFirst(s.title()));
                }
            }
            out.add(names.isEmpty() ? h : h.withWhy("Relieves " + String.join(", ", names)));
        }
        return out;
    }

    private static Set<String> relieved(SortedSetDocValues dv, int leafDoc, int doc) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (dv != null && dv.advanceExact(leafDoc)) {
            for (int k = 0; k < dv.docValueCount(); k++) {
                out.add(dv.lookupOrd(dv.nextOrd()).utf8ToString());
            }
        }
        return out;
    }

    /** "Muscle stiffness" -> "muscle stiffness"; an acronym ("TMJ pain") stays as written. */
    static String lowerFirst(String title) {
        if (title == null || title.isEmpty()) {
            return "";
        }
        if (title.length() > 1 && Character.isUpperCase(title.charAt(1))) {
            return title;
        }
        return title.substring(0, 1).toLowerCase(Locale.ROOT) + title.substring(1);
    }
}
