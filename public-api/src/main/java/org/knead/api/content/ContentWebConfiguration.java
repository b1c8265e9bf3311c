package org.knead.api.content;

import org.knead.api.web.CachePolicy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link ItemReadFastPath} after the filters of {@code org.knead.api.web} (headers, CORS, rate limit). */
@Configuration(proxyBeanMethods = false)
class ContentWebConfiguration {

    @Bean
    FilterRegistrationBean<ItemReadFastPath> itemReadFastPath(ContentReader reader, CachePolicy cachePolicy) {
        var registration = new FilterRegistrationBean<>(new ItemReadFastPath(reader, cachePolicy));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }
}
