package org.knead.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the public port, only {@code /actuator/health} is public. Every other actuator endpoint
 * (metrics for Prometheus, the endpoint list) needs {@code Authorization: Bearer <token>} with the
 * token of {@code knead.api.metrics-token}; without a token configured they are not there at all
 * (404). Alternatively, run the actuator on its own port ({@code management.server.port}) that
 * only the monitoring network reaches: this filter does not apply there.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

    private final byte[] token;

    ActuatorAccessFilter(String token) {
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/actuator") || path.startsWith("/actuator/")) || isHealth(path);
    }

    static boolean isHealth(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token != null && authorized(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            chain.doFilter(request, response);
            return;
        }
        int status = token == null ? 404 : 401;
        response.setStatus(status);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(Problems.PROBLEM_JSON_UTF8.toString());
        byte[] body = Problems.json(status, status == 404 ? "Not Found" : "Unauthorized", status == 404
                ? "There is nothing here." : "This endpoint needs the metrics token.").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
