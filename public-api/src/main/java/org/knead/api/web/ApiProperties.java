package org.knead.api.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public API, under {@code knead.api}.
 *
 * @param cacheMaxAge  how long browsers and shared caches may keep a content or search answer before they
 *                     revalidate it (short, so that a publish is seen within 2 s)
 * @param rateLimit    the per-client token bucket
 * @param responseCache the in-process cache of answers, dropped whenever the publication log moves on
 */
@ConfigurationProperties("knead.api")
public record ApiProperties(
        @DefaultValue("1s") Duration cacheMaxAge,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue ResponseCache responseCache) {

    /**
     * @param enabled           whether clients are limited at all
     * @param requestsPerSecond the sustained rate a client may send
     * @param burst             how many requests a client may send at once (the bucket's capacity)
     * @param maxClients        how many clients' buckets are kept (least recently seen are dropped)
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") long requestsPerSecond,
            @DefaultValue("200") long burst,
            @DefaultValue("100000") long maxClients) {
    }

    /**
     * @param enabled    whether answers are cached in the process
     * @param maxEntries how many answers are kept
     * @param timeToLive the longest an answer is kept even when the publication log does not move (item answers:
     *                   only those showing a reviewer's name, which can change outside the log)
     * @param itemBytes  how many bytes of item answers are kept (least used dropped first); each is kept until a
     *                   publish changes what it shows
     */
    public record ResponseCache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20000") long maxEntries,
            @DefaultValue("30s") Duration timeToLive,
            @DefaultValue("128MB") org.springframework.util.unit.DataSize itemBytes) {
    }
}
