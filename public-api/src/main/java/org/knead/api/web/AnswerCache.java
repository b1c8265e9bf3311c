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
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.knead.publication.LogPosition;
import org.knead.publication.PublicationBatch;
import org.knead.publication.PublicationFollower;
import org.knead.publication.PublicationListener;
import org.knead.search.SearchProperties;
import org.knead.search.SearchService;
import org.springframework.stereotype.Component;

/**
 * The process's one cache of answers, kept serialized (JSON bytes and their ETag). Every key carries
 * the state of this process's index: the publication-log sequence the search index has applied, and
 * how many times the followed state was rebuilt (after a truncated or rewritten log the same numbers
 * come again). So an answer is never reused once a publish or unpublish has reached this instance:
 * content and search answers move on together. A time to live bounds the age of an answer should the
 * follower stall. "Nothing there" is cached too.
 *
 * <p>Item answers ({@link Kind#ITEM}) are the exception: their keys carry a stamp of what the item shows
 * (given by the caller), so a publish of another item leaves them cached; they have no time to live (but an
 * answer showing a person's name is computed again after it) and are kept up to
 * {@code knead.api.response-cache.item-bytes}.
 *
 * <p>Content answers are kept up to {@code knead.api.response-cache.max-entries}; search and
 * suggest answers up to {@code knead.search.answer-cache-size} (0: not cached, so that every search
 * reaches the index). It listens to the publication follower only to drop everything at once when the
 * followed state is rebuilt.
 */
@Component
public class AnswerCache implements PublicationListener {

    private static final Optional<JsonAnswer> NOTHING = Optional.empty();

    /** What an answer is made from, which decides the budget it is kept under. */
    public enum Kind {
        /** Content endpoints: items, lists. */
        CONTENT,
        /** Search and suggest. */
        SEARCH,
        /**
         * One item's detail, keyed by the caller with a token of everything it shows (so not by the index
         * state): kept until evicted by size, however often other items are published.
         */
        ITEM
    }

    private final SearchService search;
    private final PublicationFollower follower;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache<String, Optional<JsonAnswer>> content;
    private final Cache<String, Optional<JsonAnswer>> searches;
    private final Cache<String, Optional<JsonAnswer>> items;
    private final java.time.Duration timeToLive;
    private volatile boolean enabled;
    private final boolean searchesOff;

    public AnswerCache(SearchService search, ObjectMapper json, Clock clock, ApiProperties settings,
            SearchProperties searchSettings, MeterRegistry meters) {
        this.search = search;
        this.follower = search.follower();
        this.json = json;
        this.clock = clock;
        this.enabled = settings.responseCache().enabled();
        this.content = Caffeine.newBuilder()
                .maximumSize(settings.responseCache().maxEntries())
                .expireAfterWrite(settings.responseCache().timeToLive())
                .recordStats()
                .build();
        this.searchesOff = searchSettings != null && searchSettings.answerCacheSize() == 0;
        this.searches = Caffeine.newBuilder()
                .maximumSize(searchSettings == null ? 1024 : searchSettings.answerCacheSize())
                .expireAfterWrite(settings.responseCache().timeToLive())
                .recordStats()
                .build();
        this.timeToLive = settings.responseCache().timeToLive();
        this.items = Caffeine.newBuilder()
                .maximumWeight(settings.responseCache().itemBytes().toBytes())
                .<String, Optional<JsonAnswer>>weigher((k, v) -> 2 * k.length() + 160 + v.map(a -> a.body().length).orElse(0))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, content, "knead.api.answers");
        CaffeineCacheMetrics.monitor(meters, items, "knead.api.item-answers");
        CaffeineCacheMetrics.monitor(meters, searches, "knead.api.search-answers");
    }

    @PostConstruct
    void subscribe() {
        follower.subscribe(this, null);
    }

    @PreDestroy
    void unsubscribe() {
        follower.unsubscribe(this);
    }

    /** Turns the cache on or off at run time (the load benchmark measures searches without it). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        invalidateAll();
    }

    private void invalidateAll() {
        content.invalidateAll();
        searches.invalidateAll();
        items.invalidateAll();
    }

    /** A content answer: see {@link #get(Kind, String, Supplier)}. */
    public Optional<JsonAnswer> get(String key, Supplier<?> compute) {
        return get(Kind.CONTENT, key, compute);
    }

    /**
     * The answer for {@code key}, computed (and serialized) when not cached; empty when the
     * computation finds nothing (returns null).
     */
    public Optional<JsonAnswer> get(Kind kind, String key, Supplier<?> compute) {
        if (!enabled || kind == Kind.SEARCH && searchesOff) {
            return serialize(compute.get());
        }
        Cache<String, Optional<JsonAnswer>> cache = cacheOf(kind);
        String versioned = versioned(kind, key);
        Optional<JsonAnswer> hit = cache.getIfPresent(versioned);
        if (hit != null && (hit.isEmpty() || hit.get().staleAfter() == null
                || !clock.instant().isAfter(hit.get().staleAfter()))) {
            return hit;
        }
        Optional<JsonAnswer> answer = serialize(compute.get());
        cache.put(versioned, answer.isEmpty() ? NOTHING : answer);
        return answer;
    }

    /**
     * The answer cached for {@code key}, without computing anything: null when none is cached (or it is
     * stale, or caching is off); an empty optional when "nothing there" is cached.
     */
    public Optional<JsonAnswer> peek(Kind kind, String key) {
        if (!enabled || kind == Kind.SEARCH && searchesOff) {
            return null;
        }
        Optional<JsonAnswer> hit = cacheOf(kind).getIfPresent(versioned(kind, key));
        if (hit != null && hit.isPresent() && hit.get().staleAfter() != null
                && clock.instant().isAfter(hit.get().staleAfter())) {
            return null;
        }
        return hit;
    }

    private Cache<String, Optional<JsonAnswer>> cacheOf(Kind kind) {
        return kind == Kind.SEARCH ? searches : kind == Kind.ITEM ? items : content;
    }

    /** Item keys carry their own stamp; the others are keyed by the state of this process's index. */
    private String versioned(Kind kind, String key) {
        return kind == Kind.ITEM ? key : follower.epoch() + ":" + search.appliedSequence() + "|" + key;
    }

    // ---- as a listener of the publication log: keys move on by themselves; a rebuild drops everything ----

    @Override
    public String name() {
        return "answer cache";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public LogPosition open(Rejections rejections) {
        return null; // no state of its own to bring up to date
    }

    @Override
    public void apply(PublicationBatch batch) {
        // answers are keyed by the index state: a new sequence is a new key
    }

    @Override
    public void rebuild(LogPosition at, Rejections rejections) {
        invalidateAll();
    }

    private Optional<JsonAnswer> serialize(Object value) {
        if (value == null) {
            return NOTHING;
        }
        try {
            byte[] body = json.writeValueAsBytes(value);
            Instant staleAfter = value instanceof JsonAnswer.TimeBound t ? t.staleAfter() : null;
            if (value instanceof JsonAnswer.TimeBound t && t.showsNames()) {
                Instant names = clock.instant().plus(timeToLive);
                staleAfter = staleAfter == null || names.isBefore(staleAfter) ? names : staleAfter;
            }
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
