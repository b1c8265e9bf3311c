package org.knead.api.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** How long public answers may be kept by browsers and shared caches; ETags come from {@link WebConfiguration}. */
@Component
public class CachePolicy {

    private final CacheControl cacheControl;

    public CachePolicy(ApiProperties settings) {
        this.cacheControl = CacheControl.maxAge(settings.cacheMaxAge()).cachePublic();
    }

    public <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().cacheControl(cacheControl).body(body);
    }
}
