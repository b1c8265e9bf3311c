package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an operator sets under {@code knead.search} is what the service uses, and what is left out has its documented default. */
class SearchPropertiesTest {

    private static SearchProperties withConcurrency(int concurrency) {
        return new SearchProperties(null, Duration.ofMillis(200), true, 500, null, 1024, Duration.ofSeconds(10), concurrency);
    }

    @Test
    void searchesRunInTurnsOfOneAndAHalfPerCorePlusOneUnlessSetOtherwise() {
        int turns = Runtime.getRuntime().availableProcessors() * 3 / 2 + 1; // 4 on two cores
        assertThat(SearchProperties.defaults().concurrency()).isEqualTo(turns);
        assertThat(withConcurrency(-1).concurrency()).isEqualTo(turns);
        assertThat(withConcurrency(0).concurrency()).as("0: no limit").isZero();
        assertThat(withConcurrency(3).concurrency()).isEqualTo(3);
    }
}
