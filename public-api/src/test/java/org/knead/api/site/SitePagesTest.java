package org.knead.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knead.api.ApiTestSupport;
import org.knead.content.Content;
import org.knead.content.ContentType;

/** The public site's pages over real HTTP: what a person (and a search engine) gets from each address. */
class SitePagesTest extends ApiTestSupport {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
            Pattern.DOTALL);

    private HttpResponse<String> page(String path) {
        return get(path, "Accept", "text/html");
    }

    private String html(String path) {
        HttpResponse<String> r = page(path);
        assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        return r.body();
    }

    private static JsonNode jsonLd(String html) {
        Matcher m = JSON_LD.matcher(html);
        assertThat(m.find()).as("the page carries JSON-LD").isTrue();
        try {
            return JSON.readTree(m.group(1));
        } catch (java.io.IOException e) {
            throw new AssertionError("JSON-LD does not parse: " + m.group(1), e);
        }
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aTechniquePageShowsItsCautionsBeforeItsBenefitsAndLinksThem() {
        String html = html("/techniques/swedish-massage");

        assertThat(html).contains("<h1>Swedish Massage</h1>");
        int cautions = html.indexOf("Before you start");
        int benefits = html.indexOf("<h2 id=\"benefits-title\">Benefits</h2>");
        assertThat(cautions).isPositive().isLessThan(benefits);
        assertThat(html.substring(cautions, benefits)).contains("<a href=\"/warnings/numbness-or-weakness\">");
        assertThat(html).contains("<a href=\"/symptoms/muscle-tension\">Muscle tension</a>")
                .contains("<a href=\"/articles/back-neck-pain-massage\">");
        // a technique with cautions is medical: the reference import brings it in without a clinical sign-off
        assertThat(html).contains("Not yet reviewed by a clinician").doesNotContain("Page last reviewed");
        assertThat(html("/symptoms/neck-pain")).doesNotContain("Not yet reviewed").doesNotContain("Page last reviewed");
        // the body is the API's rendered Markdown
        assertThat(html).contains(getJson("/api/v1/techniques/swedish-massage").get("bodyHtml").asText()
                .substring(0, 80));
    }

    @Test
    void everyTypeHasItsPagesAndEveryLinkOfAnItemPageLeadsToAPage() {
        for (ContentType type : ContentType.values()) {
            JsonNode list = getJson("/api/v1/" + type.plural());
            assertThat(list.get("items")).as(type.plural()).isNotEmpty();
            String slug = list.get("items").get(0).get("slug").asText();
            String listPage = html("/" + type.plural());
            assertThat(listPage).contains("href=\"/" + type.plural() + "/" + slug + "\"");
            String itemPage = html("/" + type.plural() + "/" + slug);
            Matcher links = Pattern.compile("href=\"(/(?:techniques|symptoms|causes|self-care|warnings|articles)/[^\"]+)\"")
                    .matcher(itemPage);
            while (links.find()) {
                assertThat(page(links.group(1)).statusCode()).as(links.group(1) + " linked from " + slug).isEqualTo(200);
            }
        }
    }

    @Test
    void aWarningPageShowsSeverityActionSourcesAndItsClinicalReviewThenSaysWhenOverdue() {
        publish(warning("site-pins-test", "Pins and needles site test", "See a GP this week."));
        JsonNode api = getJson("/api/v1/warnings/site-pins-test");
        JsonNode review = api.get("review");

        String html = html("/warnings/site-pins-test");
        assertThat(html).contains("Severity: <strong>Emergency</strong>").contains("See a doctor soon.")
                .contains("See a GP this week.")
                .contains("<a href=\"https://www.nhs.uk/conditions/back-pain/\">Back pain</a>, NHS")
                .contains("Page last reviewed: <span>" + Labels.date(Instant.parse(review.get("reviewedAt").asText()))
                        + "</span>, by\n          <span>" + review.get("reviewedBy").asText() + "</span>")
                .contains("Next review due: <span>" + Labels.date(Instant.parse(review.get("nextReviewDue").asText())))
                .doesNotContain("Overdue for review");
        JsonNode ld = jsonLd(html);
        assertThat(ld.get("@type").asText()).isEqualTo("MedicalWebPage");
        assertThat(ld.get("lastReviewed").asText()).isEqualTo(review.get("reviewedAt").asText().substring(0, 10));
        assertThat(ld.get("reviewedBy").get("name").asText()).isEqualTo(review.get("reviewedBy").asText());
        assertThat(ld.get("mainEntity").get("@type").asText()).isEqualTo("MedicalSignOrSymptom");
        assertThat(ld.get("mainEntity").get("citation").get(0).get("url").asText())
                .isEqualTo("https://www.nhs.uk/conditions/back-pain/");

        Instant now = clock.instant();
        try {
            clock.set(Instant.parse(review.get("nextReviewDue").asText()).plus(Duration.ofDays(1)));
            assertThat(html("/warnings/site-pins-test")).contains("Overdue for review").contains("(overdue)");
        } finally {
            clock.set(now);
        }
    }

    @Test
    void textFromTheContentNeverBecomesMarkupNorEndsTheStructuredData() {
        String title = "Rub </script><script>alert(1)</script> & <b>co</b>";
        Content c = technique("site-escape-rub", title, List.of()).toBuilder()
                .body("Hello <script>alert(2)</script><img src=x onerror=alert(3)> **bold**").build();
        publish(c);

        String html = html("/techniques/site-escape-rub");
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<b>co</b>")
                .contains("<strong>bold</strong>")
                .contains("<h1>Rub &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;</h1>");
        assertThat(jsonLd(html).get("name").asText()).isEqualTo(title);

        String results = html("/?q=" + q("<script>alert(4)</script>"));
        assertThat(results).doesNotContain("<script>alert(4)");
    }

    @Test
    void anUnknownSlugIsAnHtmlPageForBrowsersWhileTheApiKeepsProblemJson() {
        HttpResponse<String> r = page("/techniques/no-such-rub");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(r.body()).contains("<h1>Page not found</h1>").contains("role=\"search\"");

        HttpResponse<String> weird = page("/warnings/" + q("<x>"));
        assertThat(weird.statusCode()).isEqualTo(404);
        assertThat(weird.body()).doesNotContain("<x>");

        HttpResponse<String> api = get("/api/v1/techniques/no-such-rub");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?q=neck&type=nonsense", "/?q=neck&bodyArea=knee", "/?q=neck&page=0",
            "/?q=neck&page=abc", "/?q=neck&page=99999999999", "/symptoms?page=abc", "/symptoms?page=-1"})
    void aBadParameterIsA400PageSayingWhatIsWrong(String path) {
        HttpResponse<String> r = page(path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(r.body()).contains("<h1>Bad parameter");
    }

    @Test
    void aTooLongQueryIsRefusedWithAMessage() {
        HttpResponse<String> r = page("/?q=" + "a".repeat(201));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("at most 200 characters");
    }

    @Test
    void theSearchPageShowsRedFlagsFirstResultsAsLinksFacetsAndPaging() {
        String html = html("/?q=" + q("numbness in both legs and can't control my bladder"));

        int flags = html.indexOf("id=\"red-flags\"");
        int firstFlag = html.indexOf("class=\"flag severity-");
        int results = html.indexOf("id=\"results-title\"");
        assertThat(flags).isPositive().isLessThan(firstFlag);
        assertThat(firstFlag).isLessThan(results);
        assertThat(html.substring(flags, firstFlag)).contains("aria-live=\"assertive\"");
        assertThat(html.substring(firstFlag)).startsWith("class=\"flag severity-emergency\"");
        assertThat(html.substring(firstFlag, results)).contains("href=\"/warnings/cauda-equina-signs\"");
        assertThat(html.substring(results)).contains("class=\"result-title\" href=\"/");
        assertThat(html).contains("&amp;type=warning\"").contains("Next page");

        String second = html("/?q=" + q("numbness in both legs and can't control my bladder") + "&page=2");
        assertThat(second).contains("Previous page").contains("page 2 of");
        assertThat(second).contains("class=\"flag severity-emergency\""); // red flags whatever the page

        String warningsOnly = html("/?q=" + q("numbness in both legs and can't control my bladder") + "&type=warning");
        assertThat(warningsOnly).contains("aria-current=\"true\"");
        Matcher hits = Pattern.compile("class=\"result-title\" href=\"(/[a-z-]+)/").matcher(warningsOnly);
        int n = 0;
        while (hits.find()) {
            assertThat(hits.group(1)).isEqualTo("/warnings");
            n++;
        }
        assertThat(n).isPositive();
    }

    @Test
    void aQueryDescribingSymptomsSaysWhyATechniqueIsThereAndJoinedWordsFindTheirTechnique() {
        String html = html("/?q=" + q("chronic stiffness that will not budge"));
        assertThat(html).contains("class=\"why\"").contains("Relieves muscle stiffness");
        assertThat(html("/?q=triggerpoint")).contains("href=\"/techniques/trigger-point-massage\"");
    }

    @Test
    void aQueryOfOnlyExclusionsSaysSoInsteadOfNothingFound() {
        String html = html("/?q=" + q("-neck"));
        assertThat(html).contains("class=\"message\"").doesNotContain("Nothing found");
    }

    @Test
    void aMisspelledQueryOffersItsCorrectionAsALink() {
        String html = html("/?q=" + q("swedsh masage"));
        assertThat(html).contains("Did you mean").contains("<a href=\"/?q=swedish+massage\">swedish massage</a>");
    }

    @Test
    void theSitemapListsEveryPublishedPageWithItsLastChangeAndRobotsPointToIt() {
        publish(symptom("site-map-ache", "Sitemap ache"));
        HttpResponse<String> r = get("/sitemap.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        String xml = r.body();
        String base = "http://127.0.0.1:" + port;
        assertThat(xml).contains("<loc>" + base + "/</loc>")
                .containsPattern("<loc>" + Pattern.quote(base + "/symptoms/site-map-ache")
                        + "</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</lastmod>");
        long published = 0;
        for (ContentType type : ContentType.values()) {
            published += getJson("/api/v1/" + type.plural() + "?size=1").get("total").asLong();
        }
        assertThat(Pattern.compile("<url>").matcher(xml).results().count()).isEqualTo(published + 1);

        unpublish(symptom("site-map-ache", "Sitemap ache").ref());
        assertThat(get("/sitemap.xml").body()).doesNotContain("site-map-ache");

        assertThat(get("/robots.txt").body()).contains("Sitemap: " + base + "/sitemap.xml");
    }

    @Test
    void aPublishIsSeenWithinTwoSecondsAndUnchangedPagesAnswer304() throws InterruptedException {
        publish(technique("site-fresh-rub", "Fresh rub", List.of()));
        HttpResponse<String> first = page("/techniques/site-fresh-rub");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("max-age=0, must-revalidate");
        assertThat(page("/techniques/site-fresh-rub").headers().firstValue("ETag")).contains(etag);
        assertThat(get("/techniques/site-fresh-rub", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> search = get("/api/v1/search?q=" + q("fresh rub"));
        String searchEtag = search.headers().firstValue("ETag").orElseThrow();
        assertThat(search.headers().firstValue("Cache-Control")).get().asString().contains("max-age=1")
                .contains("must-revalidate");
        assertThat(get("/api/v1/search?q=" + q("fresh rub"), "If-None-Match", searchEtag).statusCode()).isEqualTo(304);

        // publish a new wording through core, without waiting for the index: a browser tab asking again sees it
        Content changed = technique("site-fresh-rub", "Fresh rub", List.of()).toBuilder()
                .summary("Now with warmed oil, newly published.").build();
        var revision = content.save(changed.ref(), 1, changed, "new wording", ANNA);
        workflow.submit(revision.ref(), revision.number(), ANNA);
        workflow.approve(revision.ref(), revision.number(), "ok", BEN);
        workflow.publish(revision.ref(), revision.number(), ANNA);
        long published = System.nanoTime();
        HttpResponse<String> page;
        HttpResponse<String> results;
        do {
            Thread.sleep(50);
            page = get("/techniques/site-fresh-rub", "If-None-Match", etag);
            results = get("/?q=" + q("warmed oil"));
        } while ((page.statusCode() == 304 || !results.body().contains("/techniques/site-fresh-rub"))
                && System.nanoTime() - published < Duration.ofSeconds(2).toNanos());
        assertThat(page.statusCode()).as("the page changed within 2 s of the publish").isEqualTo(200);
        assertThat(page.body()).contains("Now with warmed oil, newly published.");
        assertThat(results.body()).contains("href=\"/techniques/site-fresh-rub\"");
        assertThat(get("/api/v1/search?q=" + q("fresh rub"), "If-None-Match", searchEtag).statusCode())
                .isEqualTo(200);
    }

    @Test
    void assetsAreNamedByTheirContentAndKeptForAYear() {
        String html = html("/");
        Matcher css = Pattern.compile("href=\"(/assets/site-[0-9a-f]{32}\\.css)\"").matcher(html);
        Matcher js = Pattern.compile("src=\"(/assets/site-[0-9a-f]{32}\\.js)\"").matcher(html);
        assertThat(css.find()).isTrue();
        assertThat(js.find()).isTrue();
        for (String asset : List.of(css.group(1), js.group(1))) {
            HttpResponse<String> r = get(asset);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).get().asString().contains("max-age=31536000");
        }
    }

    @Test
    void pagesMayLoadTheirOwnStylesAndScriptsOnly() {
        HttpResponse<String> r = page("/");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(get("/api/v1/techniques").headers().firstValue("Content-Security-Policy")).get().asString()
                .isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }
}
