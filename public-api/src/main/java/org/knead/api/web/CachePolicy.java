package org.knead.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * How public answers are sent: the cached JSON bytes with their ETag (a matching If-None-Match is
 * answered 304 by Spring MVC), and a Cache-Control that lets browsers and shared caches keep them
 * for a moment only ({@code knead.api.cache-max-age}, 1 s) and then revalidate: a publish shows
 * within 2 s, and an unchanged answer costs a 304. The ETag is the answer's hash, and the answer is
 * cached per index state, so it moves exactly when the publication state changes what is answered.
 */
@Component
public class CachePolicy {

    private static final String JSON_UTF8_VALUE = "application/json;charset=UTF-8";
    private static final MediaType JSON_UTF8 = MediaType.parseMediaType(JSON_UTF8_VALUE);
    private final CacheControl cacheControl;
    private final String cacheControlValue;

    public CachePolicy(ApiProperties settings) {
        this.cacheControl = CacheControl.maxAge(settings.cacheMaxAge()).mustRevalidate().cachePublic();
        this.cacheControlValue = cacheControl.getHeaderValue();
    }

    /** The Cache-Control header value of public answers. */
    public String cacheControl() {
        return cacheControlValue;
    }

    public ResponseEntity<byte[]> ok(JsonAnswer answer) {
        return ResponseEntity.ok().cacheControl(cacheControl).eTag(answer.etag()).contentType(JSON_UTF8)
                .body(answer.body());
    }

    /**
     * Sends {@code answer} from a servlet filter exactly as {@link #ok} does through Spring MVC: Cache-Control,
     * then a 304 with the ETag when If-None-Match matches it, else the ETag, the JSON content type and the bytes.
     */
    public void send(HttpServletRequest request, HttpServletResponse response, JsonAnswer answer) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl());
        if (new ServletWebRequest(request, response).checkNotModified(answer.etag())) {
            return; // 304 with the ETag
        }
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setContentType(JSON_UTF8_VALUE);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /**
     * Whether Spring MVC would answer {@code request} JSON without negotiating: no Accept, or one of the usual
     * values naming JSON or anything. A filter that answers directly leaves every other request to MVC.
     */
    public static boolean acceptsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.equals("*/*") || accept.equals("application/json")
                || accept.equals("application/json, */*") || accept.equals("application/json, text/plain, */*");
    }
}
