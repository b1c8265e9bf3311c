package org.knead.api.search;

import org.knead.api.web.CachePolicy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link SearchFastPath} after the filters of {@code org.knead.api.web} (headers, CORS, rate limit). */
@Configuration(proxyBeanMethods = false)
class SearchWebConfiguration {

    @Bean
    FilterRegistrationBean<SearchFastPath> searchFastPath(SearchAnswers answers, CachePolicy cachePolicy) {
        var registration = new FilterRegistrationBean<>(new SearchFastPath(answers, cachePolicy));
        registration.addUrlPatterns(SearchFastPath.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }
}
