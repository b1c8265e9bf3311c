package org.knead;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The public read API: published content and search under {@code /api/v1}, read-only, no login.
 * It sits in the root package so that scanning reaches core and search.
 */
@SpringBootApplication
@ConfigurationPropertiesScan("org.knead.api")
public class PublicApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicApiApplication.class, args);
    }
}
