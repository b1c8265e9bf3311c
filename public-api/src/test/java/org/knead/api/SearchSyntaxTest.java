package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knead.content.Content;
import org.knead.content.ContentType;

/**
 * The search box's syntax over HTTP (issue 16): "quoted phrases", the last word as a prefix while
 * typing, {@code word*}, {@code -excluded} words, red flags whatever the syntax, and hostile forms;
 * and relief-aware ranking, joined and split words and word completions (issue 13.3).
 */
class SearchSyntaxTest extends ApiTestSupport {

    private JsonNode search(String query) {
        return getJson("/api/v1/search?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> slugs(JsonNode r) {
        return r.get("items").findValuesAsText("slug");
    }

    private static List<String> top(JsonNode r, int n) {
        List<String> s = slugs(r);
        return s.subList(0, Math.min(n, s.size()));
    }

    // ---- quoted phrases ----

    @Test
    void quotedWordsMustOccurTogether() {
        assertThat(top(search("point trigger"), 3)).contains("trigger-point-massage");
        assertThat(slugs(search("\"point trigger\""))).doesNotContain("trigger-point-massage");

        JsonNode quoted = search("\"trigger point\"");
        assertThat(top(quoted, 1)).containsExactly("trigger-point-massage");
        assertThat(quoted.get("total").asLong()).isLessThan(search("trigger point").get("total").asLong());
    }

    @Test
    void aPhraseIsAnalyzedLikeEveryWordAndItsWholePhraseSynonymsApply() {
        // stemming and stop words: "trigger points", "pins and needles" as indexed
        assertThat(top(search("\"trigger points\""), 1)).containsExactly("trigger-point-massage");
        assertThat(top(search("\"pins and needles\""), 3)).contains("numbness-or-tingling");
        // "tech neck" is written nowhere; the vocabulary makes it "text neck", an alias of poor posture
        assertThat(top(search("\"tech neck\""), 3)).contains("poor-posture");
    }

    @Test
    void anUnbalancedQuoteIsIgnored() {
        JsonNode unbalanced = search("\"trigger point");
        JsonNode plain = search("trigger point");
        assertThat(unbalanced.get("total").asLong()).isEqualTo(plain.get("total").asLong());
        assertThat(slugs(unbalanced)).isEqualTo(slugs(plain));
    }

    // ---- prefixes ----

    @Test
    void theLastWordIsAPrefixWhileTypingButNotAfterASpace() {
        assertThat(top(search("supportive pil"), 1)).containsExactly("supportive-pillow");
        assertThat(slugs(search("pil"))).contains("supportive-pillow");
        assertThat(slugs(search("pil "))).doesNotContain("supportive-pillow");
        // two letters are not enough
        assertThat(search("pi").get("total").asLong()).isZero();
    }

    @Test
    void aPrefixMatchNeverOutranksTheExactWord() {
        publish(selfCare("zorbly-roller", "Zorbly roller", "A roller for the neck."));
        publish(selfCare("zorblyness-balm", "Zorblyness balm", "A balm, zorblyness in a jar, for the neck."));

        assertThat(slugs(search("zorbly"))).containsSubsequence("zorbly-roller", "zorblyness-balm");
        assertThat(slugs(search("zorbly "))).contains("zorbly-roller").doesNotContain("zorblyness-balm");
        assertThat(slugs(search("neck zorbly"))).containsSubsequence("zorbly-roller", "zorblyness-balm");
    }

    @Test
    void aStarMakesAnyWordAPrefixNotATypo() {
        assertThat(top(search("petri*"), 3)).contains("swedish-massage");
        assertThat(slugs(search("numb* neck"))).contains("numbness-or-tingling");
        // not only as the last word
        assertThat(top(search("petri* massage "), 3)).contains("swedish-massage");
    }

    @Test
    void aPrefixWithManyWordsIsAnsweredFromItsCommonestWords() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            words.add("qwxv" + Integer.toString(i, 26).replaceAll("[0-9]", "k"));
        }
        publish(Content.builder(ContentType.SELF_CARE, "qwxv-many").title("Many qwxv words").summary("Lots of words.")
                .body(String.join(" ", words)).build());

        HttpResponse<String> r = get("/api/v1/search?q=qwxv*");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(slugs(json(r))).contains("qwxv-many");
    }

    // ---- exclusions ----

    @Test
    void aMinusWordExcludesTheItemsContainingIt() {
        JsonNode all = search("massage");
        JsonNode without = search("massage -tissue");
        assertThat(slugs(all)).contains("deep-tissue-massage");
        assertThat(slugs(without)).isNotEmpty().doesNotContain("deep-tissue-massage");
        assertThat(without.get("total").asLong()).isLessThan(all.get("total").asLong());

        assertThat(slugs(search("massage -\"deep tissue\""))).isNotEmpty().doesNotContain("deep-tissue-massage");
    }

    @Test
    void onlyExclusionsAnswerAnEmptyPageWithAMessage() {
        JsonNode r = search("-massage -deep");
        assertThat(r.get("total").asLong()).isZero();
        assertThat(r.get("items")).isEmpty();
        assertThat(r.get("message").asText()).contains("only excludes");
    }

    // ---- red flags read the words, not the syntax ----

    @ParameterizedTest
    @ValueSource(strings = {"-numbness", "\"numb hands\"", "-\"numb hands\" massage", "numb* hands -massage", "-\"pins and needles"})
    void theSyntaxNeverHidesARedFlag(String query) {
        assertThat(search(query).get("redFlags").findValuesAsText("slug")).as(query).contains("numbness-or-weakness");
    }

    @Test
    void anExcludedEmergencyStillComesFirst() {
        assertThat(search("-\"wet myself\" -\"back pain\"").get("redFlags").get(0).get("slug").asText())
                .isEqualTo("cauda-equina-signs");
    }

    // ---- hostile forms ----

    @Test
    void hostileFormsAreAnsweredNormallyAndNeverHideTheOtherWords() {
        List<String> forms = new ArrayList<>(List.of("\"", "\"\"\"", "-", "*", "-*", "a*b*c*", "\"".repeat(200),
                "-\"", "*\"*", "\"-\"", "--", "**", "- - -", "\"*\"", "\u201Cneck\u201D", "a*".repeat(100),
                "-a -b -c -d -e -f -g -h -i -j", "\"a\" ".repeat(40)));
        for (String form : forms) {
            String q = form.length() > 200 ? form.substring(0, 200) : form;
            HttpResponse<String> alone = get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(alone.statusCode()).as(q).isIn(200, 400);
            if (alone.statusCode() == 200) {
                assertThat(json(alone).get("items").isArray()).as(q).isTrue();
            }
            String withWord = (form + " neck").length() > 200 ? form.substring(0, 190) + " neck" : form + " neck";
            HttpResponse<String> r = get("/api/v1/search?q=" + URLEncoder.encode(withWord, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(withWord).isEqualTo(200);
            HttpResponse<String> s = get("/api/v1/suggest?q=" + URLEncoder.encode(
                    q.length() > 100 ? q.substring(0, 100) : q, StandardCharsets.UTF_8));
            assertThat(s.statusCode()).as(q).isIn(200, 400);
        }
        // a word after any of the shorter forms is still searched
        for (String form : List.of("\"", "\"\"\"", "-", "*", "-*", "a*b*c*", "\"".repeat(150))) {
            assertThat(slugs(search(form + " neck"))).as(form).contains("neck-pain");
        }
        assertThat(get("/api/v1/search?q=" + URLEncoder.encode("\"".repeat(201), StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    // ---- relief-aware ranking, joined and split words, completions (issue 13.3) ----

    @Test
    void whatRelievesTheDescribedSymptomsRanksFirstAndSaysWhy() {
        JsonNode r = search("chronic stiffness that will not budge");
        JsonNode first = r.get("items").get(0);
        assertThat(first.get("slug").asText()).isEqualTo("deep-tissue-massage");
        assertThat(first.get("why").asText()).startsWith("Relieves").contains("muscle stiffness", "chronic pain");
        // a symptom says nothing about relief
        for (JsonNode hit : r.get("items")) {
            if (hit.get("type").asText().equals("symptom")) {
                assertThat(hit.get("why").isNull()).isTrue();
            }
        }
        assertThat(search("swedish massage").get("items").get(0).get("why").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"triggerpoint|trigger-point-massage", "trigerpoint|trigger-point-massage",
            "deeptissue|deep-tissue-massage", "shi atsu|shiatsu-massage", "swedishmassage|swedish-massage"})
    void joinedAndSplitWordsMatch(String queryAndSlug) {
        String[] qs = queryAndSlug.split("\\|");
        assertThat(top(search(qs[0]), 3)).as(qs[0]).contains(qs[1]);
    }

    @Test
    void suggestionsCompleteWordsAndTitles() {
        JsonNode shoul = getJson("/api/v1/suggest?q=shoul");
        assertThat(shoul.get("completions").get(0).asText()).isEqualTo("shoulders");
        JsonNode stiff = getJson("/api/v1/suggest?q=" + URLEncoder.encode("stiff shoul", StandardCharsets.UTF_8));
        assertThat(stiff.get("completions").get(0).asText()).isEqualTo("stiff shoulders");
        assertThat(getJson("/api/v1/suggest?q=shi").get("suggestions").findValuesAsText("text")).contains("Shiatsu Massage");
        assertThat(getJson("/api/v1/suggest?q=" + URLEncoder.encode("shoul ", StandardCharsets.UTF_8))
                .get("completions")).isEmpty();
    }

    private static Content selfCare(String slug, String title, String summary) {
        return Content.builder(ContentType.SELF_CARE, slug).title(title).summary(summary).body(summary).build();
    }
}
