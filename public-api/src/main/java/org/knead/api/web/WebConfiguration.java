package org.knead.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The filters in front of the API, in this order: the actuator's access check (only health is
 * public), security headers and the read-only check, CORS, and the rate limit (keyed on the client
 * address: the connection's, or behind a proxy of {@code knead.web.trusted-proxies}, the forwarded one). ETags come with the cached answers ({@link CachePolicy}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(
            @org.springframework.beans.factory.annotation.Value("${knead.api.metrics-token:}") String token) {
        var registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(token));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiHeadersFilter> apiHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new ApiHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of("*"));
        cors.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("ETag", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        // by prefix: no path pattern matching on every request (the filter runs before Spring MVC parses the path)
        CorsConfigurationSource source = request -> {
            String path = request.getRequestURI();
            return path.startsWith("/api/") || path.equals("/v3/api-docs") || path.startsWith("/v3/api-docs/") ? cors : null;
        };
        var registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(ApiProperties settings, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(settings.rateLimit(), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
