package org.knead.admin.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Login attempts per client address (the connection's address, or the client's behind a trusted
 * proxy): a token bucket of {@code knead.admin.login-limit.burst} attempts, refilled at
 * {@code knead.admin.login-limit.per-hour}. It bounds guessing from one address across every
 * account, including names that do not exist; the per-account delay lives in core's UserService.
 */
@Component
public class LoginRateLimiter {

    private static final int MAX_ADDRESSES = 100_000;

    private final int burst;
    private final int perHour;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LoginRateLimiter(@Value("${knead.admin.login-limit.burst:10}") int burst,
            @Value("${knead.admin.login-limit.per-hour:30}") int perHour) {
        this.burst = Math.max(1, burst);
        this.perHour = Math.max(1, perHour);
    }

    /** Takes one attempt from the address's bucket; false when it is empty. */
    public boolean tryAttempt(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear(); // a flood of addresses: start again rather than grow without bound
        }
        return buckets.computeIfAbsent(address == null ? "unknown" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build()).tryConsume(1);
    }
}
