package org.knead.api.crash;

import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * The writer's Spring context: the core services (everything under org.knead but the public API,
 * search, the first-start seeding and test configurations), no web server, against the store at
 * {@code uri}. Not a configuration class itself, so that the public API's scan of org.knead (the API
 * runs from the same test classpath) never picks it up.
 */
@EnableAutoConfiguration
final class CrashWriterContext {

    private CrashWriterContext() {
    }

    static ConfigurableApplicationContext start(String uri) {
        return new SpringApplicationBuilder(CrashWriterContext.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .initializers(ctx -> {
                    ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(
                            (BeanDefinitionRegistry) ctx);
                    scanner.addExcludeFilter(new RegexPatternTypeFilter(
                            Pattern.compile("org\\.knead\\.(api|search|seed|testing|admin)\\..*")));
                    scanner.addExcludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.knead\\.[A-Z][^.]*")));
                    scanner.scan("org.knead");
                })
                .run("--knead.store.uri=" + uri,
                        "--knead.core.import-reference=false",
                        "--knead.core.first-start=false",
                        "--knead.core.run-scheduler=false",
                        "--spring.main.banner-mode=off",
                        "--management.health.mongo.enabled=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.mongodb.driver=ERROR",
                        "--logging.level.org.knead=WARN");
    }
}
