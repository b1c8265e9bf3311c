package org.knead.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.knead.search.SearchService;
import org.springframework.stereotype.Component;

/**
 * Keeps answers, serialized, in the process. Every key carries the publication-log sequence that
 * this process's search index has applied, so an answer is never reused once a publish or unpublish
 * has reached this instance: content and search answers move on together. A time to live bounds the
 * age of an answer should the follower stall. "Nothing there" is cached too.
 */
@Component
public class AnswerCache {

    private static final Optional<JsonAnswer> NOTHING = Optional.empty();

    private final SearchService search;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache<String, Optional<JsonAnswer>> cache;
    private volatile boolean enabled;

    public AnswerCache(SearchService search, ObjectMapper json, Clock clock, ApiProperties settings,
            MeterRegistry meters) {
        this.search = search;
        this.json = json;
        this.clock = clock;
        this.enabled = settings.responseCache().enabled();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.responseCache().maxEntries())
                .expireAfterWrite(settings.responseCache().timeToLive())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "knead.api.answers");
    }

    /** Turns the cache on or off at run time (the load benchmark measures searches without it). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        cache.invalidateAll();
    }

    /**
     * The answer for {@code key}, computed (and serialized) when not cached; empty when the
     * computation finds nothing (returns null).
     */
    public Optional<JsonAnswer> get(String key, Supplier<?> compute) {
        if (!enabled) {
            return serialize(compute.get());
        }
        String versioned = search.appliedSequence() + "|" + key;
        Optional<JsonAnswer> hit = cache.getIfPresent(versioned);
        if (hit != null && (hit.isEmpty() || hit.get().staleAfter() == null
                || !clock.instant().isAfter(hit.get().staleAfter()))) {
            return hit;
        }
        Optional<JsonAnswer> answer = serialize(compute.get());
        cache.put(versioned, answer.isEmpty() ? NOTHING : answer);
        return answer;
    }

    private Optional<JsonAnswer> serialize(Object value) {
        if (value == null) {
            return NOTHING;
        }
        try {
            byte[] body = json.writeValueAsBytes(value);
            Instant staleAfter = value instanceof JsonAnswer.TimeBound t ? t.staleAfter() : null;
            return Optional.of(new JsonAnswer(body, etag(body), staleAfter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
