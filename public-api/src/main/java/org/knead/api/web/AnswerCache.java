package org.knead.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.Supplier;
import org.knead.search.SearchService;
import org.springframework.stereotype.Component;

/**
 * Keeps computed answers in the process. Every key carries the publication-log sequence that this
 * process's search index has applied, so an answer is never reused once a publish or unpublish has
 * reached this instance: content and search answers move on together. A time to live bounds the
 * age of an answer should the follower stall.
 */
@Component
public class AnswerCache {

    private final SearchService search;
    private final Cache<String, Object> cache;
    private volatile boolean enabled;

    public AnswerCache(SearchService search, ApiProperties settings, MeterRegistry meters) {
        this.search = search;
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

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        String versioned = search.appliedSequence() + "|" + key;
        Object hit = cache.getIfPresent(versioned);
        if (hit != null) {
            return (T) hit;
        }
        T value = compute.get();
        if (value != null) {
            cache.put(versioned, value);
        }
        return value;
    }
}
