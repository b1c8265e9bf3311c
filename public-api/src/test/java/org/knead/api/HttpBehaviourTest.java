package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Caching, CORS, security headers, methods, errors, OpenAPI and health, over real HTTP. */
class HttpBehaviourTest extends ApiTestSupport {

    @Test
    void aContentAnswerHasAnETagAndAMatchingIfNoneMatchAnswers304() {
        HttpResponse<String> first = get("/api/v1/techniques/swedish-massage");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = get("/api/v1/techniques/swedish-massage", "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(get("/api/v1/techniques/swedish-massage", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/techniques", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void aRepeatedItemReadAnswersTheSameBytesAndHeadersAsTheFirst() {
        String path = "/api/v1/self-care/supportive-pillow";
        HttpResponse<String> first = get(path, "Origin", "https://example.org");
        HttpResponse<String> again = get(path, "Origin", "https://example.org");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        for (String header : new String[] {"Content-Type", "ETag", "Cache-Control", "Content-Security-Policy",
                "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Resource-Policy",
                "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Vary", "Content-Length"}) {
            assertThat(again.headers().allValues(header)).as(header).isEqualTo(first.headers().allValues(header));
        }
        assertThat(again.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(get(path, "Accept", "text/html").statusCode()).isEqualTo(406);
        assertThat(get(path + "/", "Accept", "application/json").statusCode()).isEqualTo(404);
    }

    /**
     * A usual search is answered before Spring MVC (SearchFastPath); one with an Accept it does not take as
     * it is goes through the controller. Either way the person gets the same answer, problems included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/search?q=neck", "/api/v1/search?q=stiff%20neck&size=5&page=1",
            "/api/v1/search?q=neck%20&type=technique,symptom&bodyArea=neck&pressure=gentle",
            "/api/v1/search?q=back%20pain%20and%20numb%20legs", "/api/v1/search?q=neck&size=", "/api/v1/search?q=",
            "/api/v1/search?q=neck&size=0", "/api/v1/search?q=neck&page=-1", "/api/v1/search?q=neck&page=+1",
            "/api/v1/search?q=neck&page=0x1", "/api/v1/search?q=neck&q=back", "/api/v1/search?q=neck&bodyArea=knee",
            "/api/v1/search?q=neck&size=99999999999", "/api/v1/search?q=neck&page=5000&size=100"})
    void aSearchGetsTheSameAnswerWhicheverWayItIsServed(String path) {
        HttpResponse<String> direct = get(path, "Origin", "https://example.org");
        HttpResponse<String> mvc = get(path, "Origin", "https://example.org", "Accept", "application/json;q=0.9");

        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(mvc.statusCode());
        assertThat(direct.body()).isEqualTo(mvc.body());
        for (String header : new String[] {"Content-Type", "ETag", "Cache-Control", "Content-Security-Policy",
                "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Resource-Policy",
                "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Vary", "Content-Length"}) {
            assertThat(direct.headers().allValues(header)).as(header).isEqualTo(mvc.headers().allValues(header));
        }
        direct.headers().firstValue("ETag").ifPresent(etag ->
                assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/techniques", "/api/v1/warnings/numbness-or-weakness", "/api/v1/search?q=neck",
            "/api/v1/suggest?q=ne"})
    void answersMayBeKeptByPublicCaches(String path) {
        HttpResponse<String> r = get(path);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).get().asString().contains("public").contains("max-age=1").contains("must-revalidate")
                .doesNotContain("no-store");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
    }

    @Test
    void corsAllowsGetFromAnyOriginWithoutCredentials() {
        HttpResponse<String> simple = get("/api/v1/techniques", "Origin", "https://example.org");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/search?q=neck"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).get().asString().contains("GET")
                .doesNotContain("POST");

        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/v1/search?q=neck"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "DELETE").build());
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/techniques", "/api/v1/techniques/nope", "/nowhere", "/api/v1/search?q=",
            "/v3/api-docs", "/actuator/health"})
    void everyAnswerHasTheSecurityHeadersAndNoServerHeader(String path) {
        HttpResponse<String> r = get(path);

        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).get().asString().containsIgnoringCase("charset=UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
    void onlyReadingMethodsAreAccepted(String method) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/techniques/swedish-massage"))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .build());

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET");
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json(r).get("status").asInt()).isEqualTo(405);
        assertThat(get("/api/v1/techniques/swedish-massage").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnacceptableAcceptHeaderIsAProblemNotAServerError() {
        HttpResponse<String> xml = get("/api/v1/techniques", "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");

        HttpResponse<String> missing = get("/api/v1/techniques/nope", "Accept", "image/png");
        assertThat(missing.statusCode()).isEqualTo(406);
        assertThat(missing.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    @Test
    void headAnswersWithoutABody() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/techniques"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/techniques?size=0", "/api/v1/techniques?size=101", "/api/v1/techniques?page=-1",
            "/api/v1/techniques?page=abc", "/api/v1/techniques?size=1e3", "/api/v1/techniques?pressure=hard",
            "/api/v1/techniques?bodyArea=knee", "/api/v1/symptoms?page=99999999999", "/api/v1/search",
            "/api/v1/search?q=", "/api/v1/search?q=%20%20", "/api/v1/search?q=neck&type=recipe",
            "/api/v1/search?q=neck&type=technique,,nope", "/api/v1/search?q=neck&size=0",
            "/api/v1/search?q=neck&size=101", "/api/v1/search?q=neck&page=-3", "/api/v1/search?q=neck&page=x",
            "/api/v1/search?q=neck&bodyArea=elbow", "/api/v1/search?q=neck&pressure=1",
            "/api/v1/search?q=neck&page=5000&size=100", "/api/v1/suggest", "/api/v1/suggest?q=",
            "/api/v1/suggest?q=ne&limit=0", "/api/v1/suggest?q=ne&limit=abc"})
    void aBadParameterIsA400Problem(String path) {
        HttpResponse<String> r = get(path);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    /** Requests that Tomcat or Spring refuse before any controller runs are problems too, never a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/a;%", "/api/v1/techniques;x=1", "/api/v1/techniques/swedish-massage;v=%zz",
            "/api/v1;/techniques", "/api/v1/search;q=neck?q=neck", "/;", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/techniques/%00", "/api/v1/techniques?page=%", "/api/v1/search?q=%ZZ", "/error",
            "/error?status=500", "/api/v1/techniques/%c0%ae"})
    void aMalformedRequestIsAProblemNeverAServerError(String target) {
        RawHttp.Answer r = RawHttp.get(port, target.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(r.status()).as(target + " -> " + r.body()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).as(target).startsWith("application/problem+json");
            assertThat(r.body()).as(target).contains("\"status\":" + r.status());
        }
    }

    @Test
    void aPreflightForAForbiddenMethodIsAProblemNotAServerError() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/techniques"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "DELETE").build());

        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void anOverLongQueryIsA400WithAClearDetail() {
        HttpResponse<String> r = get("/api/v1/search?q=" + "a".repeat(201));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText()).contains("200");
        assertThat(get("/api/v1/search?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/suggest?q=" + "a".repeat(101)).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nowhere", "/api/v1/", "/api/v1/recipes", "/api/v1/techniques/a/b", "/api/v2/techniques"})
    void anUnknownPathIsA404Problem(String path) {
        HttpResponse<String> r = get(path, "Accept", "text/html");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json(r).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode doc = getJson("/v3/api-docs");

        assertThat(doc.get("paths").fieldNames()).toIterable().contains("/api/v1/techniques",
                "/api/v1/techniques/{slug}", "/api/v1/symptoms", "/api/v1/symptoms/{slug}", "/api/v1/causes",
                "/api/v1/causes/{slug}", "/api/v1/self-care", "/api/v1/self-care/{slug}", "/api/v1/warnings",
                "/api/v1/warnings/{slug}", "/api/v1/articles", "/api/v1/articles/{slug}", "/api/v1/search",
                "/api/v1/suggest");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("Detail").get("properties").fieldNames()).toIterable()
                .contains("body", "bodyHtml", "aliases", "revision", "publishedAt", "review", "pressure", "bodyAreas");
        assertThat(schemas.get("SearchResult").get("properties").fieldNames()).toIterable()
                .contains("query", "total", "items", "facets", "didYouMean", "redFlags");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsUpAndMetricsNeedTheToken() {
        JsonNode health = getJson("/actuator/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");

        // attack: the metrics used to be public and not limited
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", "Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(get("/actuator").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests");
        // searches answered before Spring MVC are counted under their path too
        assertThat(get("/api/v1/search?q=neck").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token").body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/search\"");
    }
}
