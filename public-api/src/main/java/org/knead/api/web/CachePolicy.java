package org.knead.api.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How public answers are sent: the cached JSON bytes with their ETag (a matching If-None-Match is
 * answered 304 by Spring MVC), and a Cache-Control that lets browsers and shared caches keep them
 * for a moment only ({@code knead.api.cache-max-age}, 1 s) and then revalidate: a publish shows
 * within 2 s, and an unchanged answer costs a 304. The ETag is the answer's hash, and the answer is
 * cached per index state, so it moves exactly when the publication state changes what is answered.
 */
@Component
public class CachePolicy {

    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=UTF-8");
    private final CacheControl cacheControl;

    public CachePolicy(ApiProperties settings) {
        this.cacheControl = CacheControl.maxAge(settings.cacheMaxAge()).mustRevalidate().cachePublic();
    }

    /** The Cache-Control header value of public answers. */
    public String cacheControl() {
        return cacheControl.getHeaderValue();
    }

    public ResponseEntity<byte[]> ok(JsonAnswer answer) {
        return ResponseEntity.ok().cacheControl(cacheControl).eTag(answer.etag()).contentType(JSON_UTF8)
                .body(answer.body());
    }
}
