package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every content endpoint of API.md against the imported reference content. */
class ContentEndpointsTest extends ApiTestSupport {

    @ParameterizedTest
    @CsvSource({"techniques,technique,4", "symptoms,symptom,13", "causes,cause,6", "self-care,self-care,4",
            "warnings,warning,10", "articles,article,1"})
    void everyListAnswersAPageOfSummaries(String collection, String type, int atLeast) {
        JsonNode page = getJson("/api/v1/" + collection);

        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(atLeast);
        assertThat(page.get("items")).isNotEmpty();
        for (JsonNode item : page.get("items")) {
            assertThat(item.get("type").asText()).isEqualTo(type);
            assertThat(item.get("slug").asText()).matches("[a-z0-9-]+");
            assertThat(item.get("title").asText()).isNotBlank();
            assertThat(item.has("summary")).isTrue();
        }
    }

    @Test
    void pagingWalksThroughEveryItemOnce() {
        JsonNode all = getJson("/api/v1/symptoms?size=100");
        List<String> walked = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = getJson("/api/v1/symptoms?size=5&page=" + page);
            assertThat(p.get("size").asInt()).isEqualTo(5);
            if (p.get("items").isEmpty()) {
                break;
            }
            p.get("items").forEach(i -> walked.add(i.get("slug").asText()));
        }
        assertThat(walked).hasSize(all.get("total").asInt()).doesNotHaveDuplicates();
    }

    @Test
    void techniquesFilterByPressureAndBodyArea() {
        JsonNode firm = getJson("/api/v1/techniques?pressure=firm");
        assertThat(firm.get("items")).extracting(i -> i.get("slug").asText()).containsExactly("trigger-point-massage");

        JsonNode lowerBack = getJson("/api/v1/techniques?bodyArea=lower-back");
        assertThat(lowerBack.get("items")).extracting(i -> i.get("slug").asText())
                .contains("swedish-massage", "deep-tissue-massage", "shiatsu-massage")
                .doesNotContain("trigger-point-massage");

        JsonNode both = getJson("/api/v1/techniques?bodyArea=shoulders&pressure=gentle");
        assertThat(both.get("items")).extracting(i -> i.get("slug").asText()).containsExactly("swedish-massage");
    }

    @Test
    void aTechniqueHasItsBodyLinksPressureAreasAndReviewState() {
        JsonNode t = getJson("/api/v1/techniques/trigger-point-massage");

        assertThat(t.get("type").asText()).isEqualTo("technique");
        assertThat(t.get("title").asText()).isEqualTo("Trigger Point Massage");
        assertThat(t.get("body").asText()).isNotBlank();
        assertThat(t.get("bodyHtml").asText()).contains("<p>").doesNotContain("<script");
        assertThat(t.get("aliases").isArray()).isTrue();
        assertThat(t.get("revision").asInt()).isEqualTo(1);
        assertThat(t.get("publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(t.get("pressure").asText()).isEqualTo("firm");
        assertThat(t.get("bodyAreas")).extracting(JsonNode::asText).containsExactly("neck", "shoulders", "upper-back");
        assertThat(t.get("relievesSymptoms")).extracting(s -> s.get("slug").asText())
                .containsExactly("muscle-knots", "radiating-pain", "muscle-tension", "neck-pain");
        assertThat(t.get("relievesSymptoms").get(0).get("type").asText()).isEqualTo("symptom");
        assertThat(t.get("relievesSymptoms").get(0).get("title").asText()).isNotBlank();
        assertThat(t.get("cautions")).extracting(s -> s.get("slug").asText())
                .containsExactly("severe-or-persistent-pain", "numbness-or-weakness", "fever-or-weight-loss");
        assertThat(t.get("cautions").get(0).get("type").asText()).isEqualTo("warning");
        // a technique with cautions is medically relevant: imported, it has no sign-off yet
        assertThat(t.has("review")).isTrue();
        assertThat(t.get("review").isNull()).isTrue();
        assertThat(t.get("articles")).extracting(a -> a.get("slug").asText()).containsExactly("back-neck-pain-massage");
        assertThat(t.has("severity")).isFalse();
    }

    @Test
    void aSymptomListsWhatLinksToIt() {
        JsonNode s = getJson("/api/v1/symptoms/neck-pain");

        assertThat(s.get("techniques")).extracting(i -> i.get("slug").asText())
                .contains("swedish-massage", "deep-tissue-massage", "shiatsu-massage", "trigger-point-massage");
        assertThat(s.get("causes")).extracting(i -> i.get("slug").asText()).contains("poor-posture", "stress");
        assertThat(s.get("selfCare")).extracting(i -> i.get("slug").asText()).contains("supportive-pillow");
        assertThat(s.get("warnings")).isEmpty();

        JsonNode numb = getJson("/api/v1/symptoms/numbness-or-tingling");
        assertThat(numb.get("warnings")).extracting(i -> i.get("slug").asText()).contains("numbness-or-weakness");
        assertThat(numb.has("pressure")).isFalse();
    }

    @Test
    void aWarningHasSeverityAdviceTriggersAndItsReviewState() {
        JsonNode w = getJson("/api/v1/warnings/numbness-or-weakness");

        assertThat(w.get("severity").asText()).isEqualTo("see-a-doctor");
        assertThat(w.get("action").asText()).isNotBlank();
        assertThat(w.get("advice").asText()).isNotBlank();
        assertThat(w.get("sources")).isNotEmpty();
        for (JsonNode source : w.get("sources")) {
            assertThat(source.get("url").asText()).startsWith("https://");
            assertThat(source.get("title").asText()).isNotBlank();
            assertThat(source.get("publisher").asText()).isNotBlank();
            assertThat(source.get("checkedOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(w.get("triggerSymptoms")).extracting(i -> i.get("slug").asText())
                .containsExactly("numbness-or-tingling", "weakness");
        assertThat(w.get("techniques")).extracting(i -> i.get("slug").asText()).contains("swedish-massage");
        assertThat(w.get("awaitingClinicalReview").asBoolean()).isTrue();
        assertThat(w.get("review").isNull()).isTrue();
    }

    @Test
    void causesSelfCareAndArticlesLinkTheirItems() {
        assertThat(getJson("/api/v1/causes/poor-posture").get("leadsToSymptoms"))
                .extracting(i -> i.get("slug").asText()).containsExactly("muscle-tension", "neck-pain", "back-pain");
        assertThat(getJson("/api/v1/self-care/supportive-pillow").get("relievesSymptoms"))
                .extracting(i -> i.get("slug").asText()).containsExactly("neck-pain");
        JsonNode article = getJson("/api/v1/articles/back-neck-pain-massage");
        assertThat(article.get("related")).hasSize(17);
        assertThat(article.get("related").get(0).get("type").asText()).isEqualTo("technique");
        assertThat(article.get("bodyHtml").asText()).contains("<h");
    }

    @Test
    void anUnknownSlugIsA404Problem() {
        HttpResponse<String> r = get("/api/v1/techniques/no-such-technique");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).contains("no-such-technique");
    }

    @Test
    void aSlugOfAnotherTypeIsNotFound() {
        assertThat(get("/api/v1/symptoms/swedish-massage").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/techniques/Swedish-Massage").statusCode()).isEqualTo(404);
    }
}
