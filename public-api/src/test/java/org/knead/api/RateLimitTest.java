package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A client over its token bucket gets 429 with Retry-After; health is never limited. */
@TestPropertySource(properties = {"knead.api.rate-limit.enabled=true", "knead.api.rate-limit.requests-per-second=1",
        "knead.api.rate-limit.burst=5"})
class RateLimitTest extends ApiTestSupport {

    @Test
    void aClientOverTheLimitGets429WithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r = get("/api/v1/techniques");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429 && limited == null) {
                limited = r;
            }
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(limited.headers().firstValue("Retry-After")).get().satisfies(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(limited.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = json(limited);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(limited.headers().firstValue("Access-Control-Allow-Origin")).isEmpty(); // no Origin sent
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    /** Attack: a forged X-Forwarded-For used to count when the connection came from a private address. */
    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(get("/api/v1/techniques", "X-Forwarded-For", "203.0.113." + i).statusCode());
        }
        assertThat(statuses).contains(429);
    }
}
