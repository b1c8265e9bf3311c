package org.knead.api.search;

import org.knead.search.SearchService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health: the instance is UP only once its search index is built and following the publication log;
 * DOWN when the follower has died, hit an error a retry cannot fix, or kept failing for 30 s.
 */
@Component("searchIndex")
class SearchIndexHealthIndicator implements HealthIndicator {

    /** How long the follower may keep failing (a store outage, say) before health turns DOWN. */
    static final java.time.Duration STUCK_AFTER = java.time.Duration.ofSeconds(30);

    private final SearchService search;

    SearchIndexHealthIndicator(SearchService search) {
        this.search = search;
    }

    @Override
    public Health health() {
        try {
            var trouble = search.followerTrouble();
            if (trouble.isPresent() && (trouble.get().fatal() || trouble.get().since() == null
                    || trouble.get().since().isBefore(java.time.Instant.now().minus(STUCK_AFTER)))) {
                return Health.down().withDetail("reason", "search does not follow the publication log: "
                        + trouble.get().lastError()).withDetail("appliedSequence", search.appliedSequence())
                        .withDetail("failingSince", String.valueOf(trouble.get().since())).build();
            }
            if (search.isReady()) {
                return Health.up().withDetail("appliedSequence", search.appliedSequence()).build();
            }
            return Health.outOfService().withDetail("reason", "the search index is being built").build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
