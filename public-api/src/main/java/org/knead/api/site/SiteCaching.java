package org.knead.api.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * How the site's pages are cached: never without asking ({@code max-age=0, must-revalidate}), with
 * an ETag of the rendered page, so a browser revalidates every time, gets a 304 while nothing
 * changed, and sees a publish as soon as this instance has applied it. Assets are named by their
 * content hash ({@code spring.web.resources.chain}) and cached for a year.
 */
@Configuration(proxyBeanMethods = false)
class SiteCaching {

    static final String PAGE_CACHE_CONTROL = "max-age=0, must-revalidate";

    @Bean
    FilterRegistrationBean<PageEtagFilter> pageEtagFilter() {
        var registration = new FilterRegistrationBean<>(new PageEtagFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40); // after the headers, CORS and rate limit
        return registration;
    }

    /** The ETag of the page's bytes, on the site's pages only (the JSON API has ETags of its own). */
    static final class PageEtagFilter extends ShallowEtagHeaderFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !SitePaths.isPage(request.getRequestURI());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader(HttpHeaders.CACHE_CONTROL, PAGE_CACHE_CONTROL);
            super.doFilterInternal(request, response, chain);
        }
    }
}
