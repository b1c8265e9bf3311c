package org.knead.api.content;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.knead.api.web.CachePolicy;
import org.knead.api.web.JsonAnswer;
import org.knead.content.ContentType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers {@code GET /api/v1/{collection}/{slug}} when the item's answer is cached and current, without
 * going through Spring MVC's handler lookup, argument binding, validation and message conversion: the
 * cached bytes with the same headers as {@link ContentController} (ETag, Cache-Control, JSON content type;
 * a matching If-None-Match is a 304). Runs after the security headers, CORS and the rate limit. Anything
 * else (a miss, an unknown or malformed slug, HEAD, another Accept) goes on to the controller, which
 * computes, caches and answers it (or its problem) as before.
 */
final class ItemReadFastPath implements Filter {

    private static final String PREFIX = "/api/v1/";
    private static final Map<String, ContentType> BY_COLLECTION = new HashMap<>();

    static {
        for (ContentType t : ContentType.values()) {
            BY_COLLECTION.put(t.plural(), t);
        }
    }

    private final ContentReader reader;
    private final CachePolicy cachePolicy;

    ItemReadFastPath(ContentReader reader, CachePolicy cachePolicy) {
        this.reader = reader;
        this.cachePolicy = cachePolicy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String uri = request.getRequestURI();
        int slash = uri.indexOf('/', PREFIX.length());
        ContentType type = slash < 0 || !"GET".equals(request.getMethod()) || !CachePolicy.acceptsJson(request)
                || !request.getContextPath().isEmpty() ? null : BY_COLLECTION.get(uri.substring(PREFIX.length(), slash));
        JsonAnswer answer = type == null ? null : reader.cachedDetail(type, uri.substring(slash + 1));
        if (answer == null) {
            chain.doFilter(req, res);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(c -> c.setPathPattern(PREFIX + type.plural() + "/{slug}"));
        cachePolicy.send(request, response, answer);
    }
}
