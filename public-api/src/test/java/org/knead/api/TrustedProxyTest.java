package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a trusted proxy (here the test's own address), the rate limit keys on the client the
 * proxy forwards: every visitor gets their own bucket, and a client cannot escape theirs by
 * forging addresses to the left of what the proxy appended.
 */
@TestPropertySource(properties = {"knead.web.trusted-proxies=127.0.0.1", "knead.api.rate-limit.enabled=true",
        "knead.api.rate-limit.requests-per-second=1", "knead.api.rate-limit.burst=3"})
class TrustedProxyTest extends ApiTestSupport {

    private List<Integer> statuses(int n, java.util.function.IntFunction<String> forwardedFor) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(get("/api/v1/techniques", "X-Forwarded-For", forwardedFor.apply(i)).statusCode());
        }
        return statuses;
    }

    /** Attack: behind a proxy every visitor used to share one bucket. */
    @Test
    void eachClientBehindTheProxyHasItsOwnBucket() {
        assertThat(statuses(10, i -> "198.51.100." + (100 + i))).containsOnly(200);
    }

    @Test
    void forgedAddressesLeftOfTheProxysEntryDoNotHelp() {
        assertThat(statuses(10, i -> "10.9.9." + i + ", 198.51.100.77")).contains(429);
    }
}
