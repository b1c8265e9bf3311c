package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuerySyntaxTest {

    @Test
    void wordsPhrasesExclusionsAndPrefixesAreTold() {
        QuerySyntax.Parsed p = QuerySyntax.parse("massage \"trigger point\" -deep -\"hot stone\" petri* neck");

        assertThat(p.words()).isEqualTo("massage trigger point neck");
        assertThat(p.phrases()).containsExactly("trigger point");
        assertThat(p.excluded()).containsExactly("deep", "hot stone");
        assertThat(p.prefixes()).containsExactly("petri");
        assertThat(p.typing()).isEqualTo("neck");
        assertThat(p.plain()).isEqualTo("massage trigger point deep hot stone petri neck");
    }

    @Test
    void theLastWordIsTypedOnlyWithoutASpaceAfterItAndFromThreeLetters() {
        assertThat(QuerySyntax.parse("stiff shoul").typing()).isEqualTo("shoul");
        assertThat(QuerySyntax.parse("stiff shoul ").typing()).isNull();
        assertThat(QuerySyntax.parse("stiff sh").typing()).isNull();
        assertThat(QuerySyntax.parse("stiff \"neck\"").typing()).isNull();
        assertThat(QuerySyntax.parse("stiff -neck").typing()).isNull();
        assertThat(QuerySyntax.parse("stiff neck*").typing()).isNull();
    }

    @Test
    void unbalancedQuotesAndLoneSignsAreIgnored() {
        assertThat(QuerySyntax.parse("\"trigger point").phrases()).isEmpty();
        assertThat(QuerySyntax.parse("\"trigger point").words()).isEqualTo("trigger point");
        assertThat(QuerySyntax.parse("\"a\" \"b").phrases()).containsExactly("a");
        assertThat(QuerySyntax.parse("- neck").excluded()).isEmpty();
        assertThat(QuerySyntax.parse("-* neck").excluded()).isEmpty();
        assertThat(QuerySyntax.parse("* neck").prefixes()).isEmpty();
        assertThat(QuerySyntax.parse("a*b*c*").prefixes()).isEmpty();
        assertThat(QuerySyntax.parse("long-term pain").excluded()).isEmpty();
    }

    @Test
    void onlyExclusionsAreTold() {
        assertThat(QuerySyntax.parse("-massage -\"deep tissue\"").onlyExclusions()).isTrue();
        assertThat(QuerySyntax.parse("-massage neck").onlyExclusions()).isFalse();
        assertThat(QuerySyntax.parse("-massage petri*").onlyExclusions()).isFalse();
        assertThat(QuerySyntax.parse("-").onlyExclusions()).isFalse();
    }

    @Test
    void hostileFormsNeverThrowAndStayBounded() {
        for (String q : List.of("", "\"", "\"\"\"", "-", "*", "-*", "a*b*c*", "\"".repeat(200), "-\"", "\"-",
                "\u201C\u201D", "-".repeat(500), "*".repeat(500), "\"x\" ".repeat(5000), "-x ".repeat(5000),
                "x* ".repeat(5000), "a".repeat(100_000))) {
            assertThatCode(() -> {
                QuerySyntax.Parsed p = QuerySyntax.parse(q);
                assertThat(p.phrases().size()).isLessThanOrEqualTo(QuerySyntax.MAX_PARTS);
                assertThat(p.excluded().size()).isLessThanOrEqualTo(QuerySyntax.MAX_PARTS);
                assertThat(p.prefixes().size()).isLessThanOrEqualTo(QuerySyntax.MAX_PARTS);
            }).as(q.length() > 20 ? q.substring(0, 20) : q).doesNotThrowAnyException();
        }
        assertThat(QuerySyntax.parse(null).words()).isEmpty();
    }
}
