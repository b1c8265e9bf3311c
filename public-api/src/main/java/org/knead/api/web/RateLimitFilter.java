package org.knead.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
 * The client is the request's remote address, which Tomcat takes from {@code X-Forwarded-For} only
 * when the connection comes from a proxy listed in {@code knead.web.trusted-proxies} (none by
 * default: a forged header changes nothing). Over the limit: 429 with {@code Retry-After}. Only
 * health is not limited.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final ApiProperties.RateLimit settings;
    private final Cache<String, Bucket> buckets;
    private final Counter refused;

    RateLimitFilter(ApiProperties.RateLimit settings, MeterRegistry meters) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
        this.refused = Counter.builder("knead.api.rate.limited").description("requests refused by the rate limit")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || ActuatorAccessFilter.isHealth(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(request.getRemoteAddr(), k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(Problems.PROBLEM_JSON_UTF8.toString());
        byte[] body = Problems.json(429, "Too Many Requests", "This client sent more than " + settings.requestsPerSecond()
                + " requests per second; try again in " + seconds + " s.").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.burst())
                        .refillGreedy(settings.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
