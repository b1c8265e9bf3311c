package org.knead.api.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How public answers are sent: the cached JSON bytes with their ETag (a matching If-None-Match is
 * answered 304 by Spring MVC), and a Cache-Control that lets browsers and shared caches keep them.
 */
@Component
public class CachePolicy {

    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=UTF-8");
    private final CacheControl cacheControl;

    public CachePolicy(ApiProperties settings) {
        this.cacheControl = CacheControl.maxAge(settings.cacheMaxAge()).cachePublic();
    }

    public ResponseEntity<byte[]> ok(JsonAnswer answer) {
        return ResponseEntity.ok().cacheControl(cacheControl).eTag(answer.etag()).contentType(JSON_UTF8)
                .body(answer.body());
    }
}
