package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Snippets of a hit's summary, as a reader sees them: the query's words marked, the rest escaped. */
class ShortSnippetsTest {

    /** The summary-field query of the words of {@code words}, and of {@code phrase} as a phrase (if any). */
    private static Query query(String words, String phrase) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : Analysis.terms(Analysis.text(), words, 16)) {
            b.add(new TermQuery(new Term(Fields.SUMMARY, t)), BooleanClause.Occur.SHOULD);
        }
        if (phrase != null) {
            PhraseQuery.Builder pb = new PhraseQuery.Builder();
            for (Analysis.Token t : Analysis.tokens(Analysis.text(), phrase, 16)) {
                pb.add(new Term(Fields.SUMMARY, t.term()), t.position());
            }
            b.add(pb.build(), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static String snippet(Query q, String text) {
        return ShortSnippets.of(q, Fields.SUMMARY).snippet(text);
    }

    @Test
    void everyFormOfAQueryWordIsMarkedAndTheRestEscaped() {
        assertThat(snippet(query("knot", null), "Roll the knots out <slowly> & breathe; one knot at a time."))
                .isEqualTo("Roll the <mark>knots</mark> out &lt;slowly&gt; &amp; breathe; one <mark>knot</mark> at a time.");
    }

    @Test
    void aPhraseIsMarkedOnlyWhereAllItsWordsFollowEachOther() {
        assertThat(snippet(query("", "pins and needles"), "Pins and needles in the hands; needles alone are calm."))
                .isEqualTo("<mark>Pins</mark> and <mark>needles</mark> in the hands; needles alone are calm.");
    }

    @Test
    void aLongSummaryIsCutToTheSentenceOfItsFirstMatch() {
        String first = "This first sentence talks about nothing in particular and goes on for quite a while, "
                + "longer than a snippet should be, with many words that nobody searched for at all. ";
        String text = first + "Then a gentle stretch eases the neck. " + "More words follow here. ".repeat(12);
        String s = snippet(query("stretch", null), text);
        assertThat(s).startsWith("… Then a gentle <mark>stretch</mark> eases the neck.").endsWith(" …");
        assertThat(s.length()).isLessThan(text.length() / 2);
    }

    @Test
    void theWordsKeptInTheIndexGiveTheSameSnippetAsAnalyzingTheSummary() throws Exception {
        String[] summaries = {"Roll the knots out <slowly> & breathe; one knot at a time.",
                "Pins and needles in the hands; needles alone are calm.",
                "Café-style neck stretches: naïve, gentle – and the shoulders' \"release\" too.",
                ("Then a gentle stretch eases the neck. " + "More words follow here. ".repeat(12)).strip(), "", "—"};
        for (String summary : summaries) {
            IndexDocuments.Page page = IndexDocuments.readPage(
                    IndexDocuments.pageValue("technique", "a-slug", "A title", summary), true);
            assertThat(page.summary()).isEqualTo(summary);
            assertThat(page.slug()).isEqualTo("a-slug");
            assertThat(IndexDocuments.readPage(IndexDocuments.pageValue("technique", "a-slug", "A title", summary), false))
                    .as("without the words").isEqualTo(new IndexDocuments.Page("technique", "a-slug", "A title", summary, null));
            assertThat(page.summaryWords()).as(summary).isEqualTo(ShortSnippets.analyze(Fields.SUMMARY, summary));
            for (Query q : new Query[] {query("knot needles neck stretch release", null), query("", "pins and needles"),
                    query("cafe naive shoulder", null)}) {
                ShortSnippets snippets = ShortSnippets.of(q, Fields.SUMMARY);
                assertThat(snippets.snippet(summary, page.summaryWords())).as(summary).isEqualTo(snippets.snippet(summary));
            }
        }
        assertThat(ShortSnippets.of(query("neck", null), Fields.SUMMARY).snippet(summaries[2],
                IndexDocuments.readPage(IndexDocuments.pageValue("technique", "s", "t", summaries[2]), true).summaryWords()))
                .isEqualTo("Café-style <mark>neck</mark> stretches: naïve, gentle – and the shoulders&#39; &quot;release&quot; too.");
    }

    @Test
    void noSnippetWhenNoQueryWordIsInTheText() {
        assertThat(snippet(query("shoulder", null), "Roll the knots out.")).isNull();
        assertThat(snippet(new BooleanQuery.Builder().build(), "Roll the knots out.")).isNull();
        assertThat(snippet(query("knot", null), "")).isNull();
    }
}
