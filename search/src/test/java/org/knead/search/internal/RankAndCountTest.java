package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.search.bench.CorpusGenerator;

/**
 * A search ranks in a pass that skips the hits that cannot make the page, and counts the total and the
 * facets from bit sets of postings ({@link MatchBits}, with kept facet values and term look-ups). That must
 * give the same page, total and facets as a pass that scores every hit and counts each one from its
 * per-dimension doc values, over several segments with deleted documents, for plain words, synonyms,
 * typos, phrases, exclusions, prefixes and filters; and each facet count must be what Lucene counts with
 * the query filtered on that value.
 */
class RankAndCountTest {

    private static final List<String> QUERIES = List.of("stiff neck", "back pain", "pain", "neck shoulder tension",
            "headache", "numb hands", "massage -deep", "\"trigger point\" release", "mass*", "tension headache",
            "sore neck morning", "kneading strokes", "sholder pian", "lower back stretch", "pins and needles",
            "xqzv", "-pain", "knots \"upper back\" -heat", "gentle pressure", "posture desk pillow");

    private record Filter(Set<ContentType> types, BodyArea area, Pressure pressure) {
    }

    private static final List<Filter> FILTERS = List.of(new Filter(Set.of(), null, null),
            new Filter(Set.of(ContentType.TECHNIQUE), null, null),
            new Filter(Set.of(ContentType.SYMPTOM, ContentType.CAUSE), BodyArea.values()[0], null),
            new Filter(Set.of(), null, Pressure.values()[0]));

    @Test
    void skippingAndCountingFromBitsGiveWhatScoringEveryHitGives() throws Exception {
        Path dir = Files.createTempDirectory("knead-rank-and-count-");
        Vocabulary vocabulary = Vocabulary.builtIn();
        QueryEngine engine = new QueryEngine(vocabulary);
        try (IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary)) {
            List<Content> corpus = new CorpusGenerator(11).corpus(3000);
            for (int i = 0; i < corpus.size(); i += 800) {
                index.addAll(corpus.subList(i, Math.min(corpus.size(), i + 800)));
                index.commit();
            }
            // deleted documents: some items put again (the old copy is deleted), some removed
            for (int i = 0; i < corpus.size(); i += 7) {
                if (i % 2 == 0) {
                    index.put(corpus.get(i));
                } else {
                    index.remove(IndexDocuments.id(corpus.get(i)));
                }
            }
            index.commit();
            index.refresh();
            IndexSearcher searcher = index.searchers().acquire();
            try {
                assertThat(searcher.getIndexReader().leaves()).as("several segments").hasSizeGreaterThan(1);
                assertThat(searcher.getIndexReader().hasDeletions()).as("deleted documents").isTrue();
                long counted = 0;
                for (String q : QUERIES) {
                    QueryEngine.Built built = engine.build(searcher, q);
                    for (Filter f : FILTERS) {
                        Query ranked = QueryEngine.filtered(built.scoring(), f.types(), f.area(), f.pressure());
                        Query matching = QueryEngine.filtered(built.matching(), f.types(), f.area(), f.pressure());
                        String what = q + " " + f;
                        FacetCounter one = new FacetCounter(EnumSet.allOf(FacetCounter.Dimension.class));
                        TopScoreDocCollector every = new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE)
                                .newCollector();
                        searcher.search(ranked, MultiCollector.wrap(every, one));
                        TopDocs onePass = every.topDocs();
                        FacetCounter two = new FacetCounter(EnumSet.allOf(FacetCounter.Dimension.class));
                        TopDocs twoPasses = QueryEngine.rankAndCount(searcher,
                                TermLookups.of(searcher.getIndexReader()).withStates(ranked), matching, 20, two);
                        assertThat(two.count()).as(what).isEqualTo(one.count()).isEqualTo(searcher.count(ranked));
                        assertThat(facets(two)).as(what).isEqualTo(facets(one));
                        assertSamePage(what, twoPasses, onePass);
                        if (f.types().isEmpty() && f.area() == null && f.pressure() == null) {
                            assertFacetsAreLuceneCounts(what, searcher, ranked, facets(two));
                        }
                        counted += one.count();
                    }
                }
                assertThat(counted).as("the queries have hits").isGreaterThan(10_000);
            } finally {
                index.searchers().release(searcher);
            }
        }
    }

    /** Each facet value's count is what Lucene counts with the query filtered on that value (not the packed codes). */
    private static void assertFacetsAreLuceneCounts(String what, IndexSearcher searcher, Query ranked,
            Map<String, Map<String, Long>> facets) throws Exception {
        for (ContentType t : ContentType.values()) {
            long n = searcher.count(QueryEngine.filtered(ranked, Set.of(t), null, null));
            assertThat(facets.get("type").getOrDefault(t.key(), 0L)).as(what + " type " + t.key()).isEqualTo(n);
        }
        for (BodyArea a : BodyArea.values()) {
            long n = searcher.count(QueryEngine.filtered(ranked, Set.of(), a, null));
            assertThat(facets.get("bodyArea").getOrDefault(a.key(), 0L)).as(what + " area " + a.key()).isEqualTo(n);
        }
        for (Pressure p : Pressure.values()) {
            long n = searcher.count(QueryEngine.filtered(ranked, Set.of(), null, p));
            assertThat(facets.get("pressure").getOrDefault(p.key(), 0L)).as(what + " pressure " + p.key()).isEqualTo(n);
        }
    }

    private static Map<String, Map<String, Long>> facets(FacetCounter counter) throws Exception {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (FacetCounter.Dimension d : FacetCounter.Dimension.values()) {
            out.put(d.key(), counter.counts(d));
        }
        return out;
    }

    /**
     * The same scores rank by rank; the same documents, except that two whose scores differ only by the
     * rounding of a different order of adding the same clause scores may change places.
     */
    private static void assertSamePage(String what, TopDocs actual, TopDocs expected) {
        assertThat(actual.scoreDocs).as(what).hasSameSizeAs(expected.scoreDocs);
        List<Integer> a = new ArrayList<>();
        List<Integer> e = new ArrayList<>();
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            ScoreDoc x = expected.scoreDocs[i];
            ScoreDoc y = actual.scoreDocs[i];
            assertThat((double) y.score).as(what + " score at " + i).isCloseTo(x.score, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, x.score)));
            float last = expected.scoreDocs[expected.scoreDocs.length - 1].score;
            if (x.score > last + 1e-3f) {
                e.add(x.doc);
            }
            if (y.score > last + 1e-3f) {
                a.add(y.doc);
            }
        }
        assertThat(a).as(what).containsExactlyInAnyOrderElementsOf(e);
    }
}
