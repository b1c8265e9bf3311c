package org.knead.api.search;

import org.knead.search.SearchService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health: the instance is UP only once its search index is built and following the publication log. */
@Component("searchIndex")
class SearchIndexHealthIndicator implements HealthIndicator {

    private final SearchService search;

    SearchIndexHealthIndicator(SearchService search) {
        this.search = search;
    }

    @Override
    public Health health() {
        try {
            if (search.isReady()) {
                return Health.up().withDetail("appliedSequence", search.appliedSequence()).build();
            }
            return Health.outOfService().withDetail("reason", "the search index is being built").build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
