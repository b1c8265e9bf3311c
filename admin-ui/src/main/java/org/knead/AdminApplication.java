package org.knead;

import com.vaadin.flow.component.page.AppShellConfigurator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The admin console: Vaadin views for editors, clinicians and admins, on top of core. What
 * {@code @SpringBootApplication} does, except that the search module's components (the public index and
 * its follower) are not scanned: the console builds only the editors' search (see ConsoleSearch).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.knead\\.search\\..*")})
public class AdminApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AdminApplication.class, args);
    }
}
