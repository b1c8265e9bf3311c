package org.knead.testing;

import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;

/**
 * The test-only Spring Boot configuration for slice tests of the library modules: everything under
 * org.knead, on an in-memory embedded store (see application.properties of the tests), with a
 * clock the test can move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.knead")
public class CoreTestApplication {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Clock.systemUTC().instant());
    }
}
