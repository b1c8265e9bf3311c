package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * What an operator sets under {@code knead.search} is what the service uses, and what is left out has its
 * documented default: bound as Spring Boot binds the apps' configuration, and as tools build it.
 */
class SearchPropertiesTest {

    private static SearchProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("knead.search", SearchProperties.class);
    }

    @Test
    void searchesRunInTurnsOfOneAndAHalfPerCorePlusOneUnlessSetOtherwise() {
        int turns = Runtime.getRuntime().availableProcessors() * 3 / 2 + 1; // 4 on two cores
        assertThat(bound(Map.of()).concurrency()).as("left out").isEqualTo(turns);
        assertThat(SearchProperties.defaults().concurrency()).isEqualTo(turns);
        assertThat(bound(Map.of("knead.search.concurrency", "-1")).concurrency()).isEqualTo(turns);
        assertThat(bound(Map.of("knead.search.concurrency", "0")).concurrency()).as("0: no limit").isZero();
        assertThat(bound(Map.of("knead.search.concurrency", "3")).concurrency()).isEqualTo(3);
    }
}
