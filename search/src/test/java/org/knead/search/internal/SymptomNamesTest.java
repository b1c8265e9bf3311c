package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.knead.content.ContentType;
import org.knead.search.bench.CorpusGenerator;

/**
 * The symptoms a query describes are found in fields only symptoms have, yet score exactly as the
 * titles and aliases of all items restricted to symptoms do: same symptoms, same order, same scores
 * (relief ranking adds a share of those scores to the relievers).
 */
class SymptomNamesTest {

    private static final List<String> QUERIES = List.of("stiff neck", "back pain", "pain", "neck shoulder tension",
            "headache", "numb hands", "muscle stiffness", "tight shoulders", "lower back", "knots", "sore neck morning",
            "tension headache", "pins and needles", "aching", "jaw pain");

    @Test
    void symptomOnlyFieldsScoreAsTheWholeFields() throws Exception {
        Path dir = Files.createTempDirectory("knead-symptom-names-");
        Vocabulary vocabulary = Vocabulary.builtIn();
        try (IndexGeneration index = IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary)) {
            // the reference content and generated items, in several segments
            var corpus = new CorpusGenerator(7).corpus(3000);
            for (int i = 0; i < corpus.size(); i += 700) {
                index.addAll(corpus.subList(i, Math.min(corpus.size(), i + 700)));
                index.commit();
            }
            index.refresh();
            IndexSearcher searcher = index.searchers().acquire();
            try {
                assertThat(searcher.getIndexReader().leaves()).as("several segments").hasSizeGreaterThan(1);
                int compared = 0;
                for (String q : QUERIES) {
                    List<Analysis.Token> tokens = Analysis.tokens(Analysis.text(), q, 16);
                    Query whole = described(tokens, Fields.TITLE, Fields.ALIASES);
                    Query restricted = new BooleanQuery.Builder().add(whole, BooleanClause.Occur.MUST)
                            .add(new TermQuery(new Term(Fields.TYPE, ContentType.SYMPTOM.key())), BooleanClause.Occur.FILTER)
                            .build();
                    TopDocs expected = searcher.search(restricted, 20);
                    TopDocs actual = SymptomNames.searcher(searcher)
                            .search(described(tokens, Fields.SYMPTOM_TITLE, Fields.SYMPTOM_ALIASES), 20);
                    assertThat(hits(actual)).as(q).isEqualTo(hits(expected));
                    assertThat(actual.totalHits.value).as(q).isEqualTo(expected.totalHits.value);
                    compared += expected.scoreDocs.length;
                }
                assertThat(compared).as("the queries describe symptoms").isGreaterThan(50);
            } finally {
                index.searchers().release(searcher);
            }
        }
    }

    /** Each word in the title or aliases (a DisMax, as relief builds it), and the words in a row. */
    private static Query described(List<Analysis.Token> tokens, String title, String aliases) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Analysis.Token t : tokens) {
            b.add(new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term(title, t.term())), 4f),
                    new BoostQuery(new TermQuery(new Term(aliases, t.term())), 3.5f)), 0.1f), BooleanClause.Occur.SHOULD);
        }
        if (tokens.size() > 1) {
            List<Query> phrases = new ArrayList<>();
            for (String f : new String[] {title, aliases}) {
                PhraseQuery.Builder pb = new PhraseQuery.Builder();
                for (Analysis.Token t : tokens) {
                    pb.add(new Term(f, t.term()), t.position() - tokens.get(0).position());
                }
                phrases.add(pb.build());
            }
            b.add(new BoostQuery(new DisjunctionMaxQuery(phrases, 0.1f), 0.6f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static List<String> hits(TopDocs docs) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : docs.scoreDocs) {
            out.add(sd.doc + "=" + sd.score);
        }
        return out;
    }
}
