package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search and suggest against the imported reference content. */
class SearchEndpointsTest extends ApiTestSupport {

    private JsonNode search(String query) {
        return getJson("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @Test
    void aSearchAnswersTheDocumentedShape() {
        JsonNode r = search("knots in my shoulder");

        assertThat(r.get("query").asText()).isEqualTo("knots in my shoulder");
        assertThat(r.get("total").asLong()).isPositive();
        assertThat(r.get("items")).isNotEmpty();
        JsonNode hit = r.get("items").get(0);
        assertThat(hit.fieldNames()).toIterable().contains("type", "slug", "title", "snippet", "score");
        assertThat(r.get("items").findValuesAsText("slug")).contains("trigger-point-massage");
        assertThat(r.get("facets").get("type")).isNotNull();
        assertThat(r.has("didYouMean")).isTrue();
        assertThat(r.get("redFlags").isArray()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"numb hands,numbness-or-weakness", "pain with a fever,fever-or-weight-loss",
            "my arm feels weak and tingly,numbness-or-weakness"})
    void redFlagsAreAlwaysReported(String query, String warning) {
        JsonNode r = search(query);
        assertThat(r.get("redFlags").findValuesAsText("slug")).contains(warning);
        JsonNode flag = r.get("redFlags").get(0);
        assertThat(flag.fieldNames()).toIterable().contains("slug", "title", "severity", "action", "advice");
        assertThat(flag.get("action").asText()).isNotBlank();

        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        JsonNode farPage = getJson("/api/v1/search?q=" + q + "&page=50&size=10&type=technique");
        assertThat(farPage.get("items")).isEmpty();
        assertThat(farPage.get("redFlags").findValuesAsText("slug")).contains(warning);
    }

    @Test
    void anEmergencyComesFirstWithItsActionWhateverElseTheQueryDescribes() {
        JsonNode flags = search("my legs are getting weaker and I wet myself").get("redFlags");

        assertThat(flags.findValuesAsText("slug")).contains("cauda-equina-signs", "numbness-or-weakness");
        assertThat(flags.get(0).get("slug").asText()).isEqualTo("cauda-equina-signs");
        assertThat(flags.get(0).get("severity").asText()).isEqualTo("emergency");
        assertThat(flags.get(0).get("action").asText()).containsIgnoringCase("emergency number");
        java.util.List<String> order = java.util.List.of("emergency", "urgent", "see-a-doctor", "caution");
        for (int i = 1; i < flags.size(); i++) {
            assertThat(order.indexOf(flags.get(i).get("severity").asText()))
                    .isGreaterThanOrEqualTo(order.indexOf(flags.get(i - 1).get("severity").asText()));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"stiff neck after a long drive", "weak massage pressure please",
            "gentle massage for a tingly feeling of relaxation", "headache from staring at screens"})
    void calmQueriesRaiseNoRedFlag(String query) {
        assertThat(search(query).get("redFlags")).isEmpty();
    }

    @Test
    void aTypeFilterKeepsOnlyThatType() {
        JsonNode r = getJson("/api/v1/search?q=neck&type=technique,self-care");
        assertThat(r.get("items")).isNotEmpty();
        assertThat(r.get("items").findValuesAsText("type")).allMatch(t -> t.equals("technique") || t.equals("self-care"));
    }

    @Test
    void snippetsAreEscapedAndOnlyMarkIsMarkup() {
        JsonNode r = search("<b>massage</b> <script>alert(1)</script>");
        for (JsonNode item : r.get("items")) {
            String withoutMarks = item.get("snippet").asText().replace("<mark>", "").replace("</mark>", "");
            assertThat(withoutMarks).doesNotContain("<", ">");
        }
        assertThat(r.get("query").asText()).contains("script"); // returned as JSON text, never as markup
    }

    @Test
    void hostileQueriesAreAnsweredNormally() {
        for (String q : new String[] {"/[/", "title:(", "a AND OR", "*", "~~", "\"", "[* TO *]", "\\", "neck^999"}) {
            assertThat(get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode())
                    .as(q).isEqualTo(200);
        }
    }

    @Test
    void suggestCompletesAPrefix() {
        JsonNode r = getJson("/api/v1/suggest?q=trig");
        assertThat(r.get("suggestions")).isNotEmpty();
        JsonNode s = r.get("suggestions").get(0);
        assertThat(s.fieldNames()).toIterable().contains("text", "type", "slug");
        assertThat(r.get("suggestions").findValuesAsText("slug")).contains("trigger-point-massage");
    }
}
