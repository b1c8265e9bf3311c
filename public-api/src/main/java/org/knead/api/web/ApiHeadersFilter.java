package org.knead.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every answer: the security headers; and only GET, HEAD and OPTIONS get through (anything else
 * is a 405 problem), since the public API is read-only.
 */
class ApiHeadersFilter extends OncePerRequestFilter {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        response.setHeader("Content-Security-Policy", cspFor(path));
        if (!ALLOWED.contains(request.getMethod())) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(Problems.PROBLEM_JSON_UTF8.toString());
            byte[] body = Problems.json(405, "Method Not Allowed",
                    "This API is read-only: only GET, HEAD and OPTIONS are accepted.").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        if (!isWellFormed(request.getRequestURI())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(Problems.PROBLEM_JSON_UTF8.toString());
            byte[] body = Problems.json(400, "Bad Request", "The path could not be read: every % must be followed by"
                    + " two hexadecimal digits that encode UTF-8 text.").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether every %-escape of the raw path (path parameters included) decodes to valid UTF-8. */
    static boolean isWellFormed(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0) {
            return true;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char ch = rawPath.charAt(i);
            if (ch == '%') {
                if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                        || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(rawPath.charAt(i + 1), 16) * 16 + Character.digit(rawPath.charAt(i + 2), 16));
                i += 2;
            } else if (ch < 0x80) {
                bytes.write(ch);
            } else {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String cspFor(String path) {
        if (path == null) {
            return API_CSP;
        }
        if (path.startsWith("/swagger-ui")) {
            return SWAGGER_CSP;
        }
        // the public site's pages and assets: everything but the JSON API, its docs and the actuator
        boolean api = path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
        return api ? API_CSP : PAGE_CSP;
    }
}
