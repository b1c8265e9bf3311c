package org.knead.api.search;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.knead.api.web.ApiProblem;
import org.knead.api.web.CachePolicy;
import org.knead.api.web.JsonAnswer;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers a well-formed {@code GET /api/v1/search} without Spring MVC's handler lookup, argument binding,
 * method validation and return-value handling (a tenth of a search's CPU under load): the same
 * {@link SearchAnswers} and the same headers as {@link SearchController} (ETag, Cache-Control, JSON; a
 * matching If-None-Match is a 304). Runs after the security headers, CORS and the rate limit. Anything it
 * does not take as it is (a repeated parameter, a number that is not plain digits, another Accept, HEAD)
 * and every problem (a bad parameter, the index not ready) goes on to the controller, which answers it as
 * before, problem included.
 */
final class SearchFastPath implements Filter {

    static final String PATH = "/api/v1/search";
    private static final String[] NAMES = {"q", "type", "bodyArea", "pressure", "page", "size"};

    private final SearchAnswers answers;
    private final CachePolicy cachePolicy;

    SearchFastPath(SearchAnswers answers, CachePolicy cachePolicy) {
        this.answers = answers;
        this.cachePolicy = cachePolicy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        JsonAnswer answer = PATH.equals(request.getRequestURI()) && "GET".equals(request.getMethod())
                && request.getContextPath().isEmpty() && CachePolicy.acceptsJson(request) ? answer(request) : null;
        if (answer == null) {
            chain.doFilter(req, res);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
        cachePolicy.send(request, (HttpServletResponse) res, answer);
    }

    /** The answer, or null when the controller is to answer (see the class comment). */
    private JsonAnswer answer(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        for (String name : NAMES) {
            String[] values = params.get(name);
            if (values != null && values.length != 1) {
                return null;
            }
        }
        int page = number(params.get("page"), "0");
        int size = number(params.get("size"), SearchAnswers.DEFAULT_SIZE);
        if (page < 0 || size < 0) {
            return null;
        }
        try {
            return answers.search(first(params, "q"), first(params, "type"), first(params, "bodyArea"),
                    first(params, "pressure"), page, size);
        } catch (ApiProblem problem) {
            return null;
        }
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? null : values[0];
    }

    /** The value when it is 1 to 9 plain digits, the default when absent, else -1 (left to Spring's conversion). */
    private static int number(String[] values, String absent) {
        String s = values == null ? absent : values[0];
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }
}
