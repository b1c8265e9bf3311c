package org.knead.api.search;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knead.publication.PublicationFollower;
import org.knead.search.SearchService;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health: the instance is UP only once its search index is built and following the publication log;
 * DOWN when the follower has died, hit an error a retry cannot fix, or kept failing for 30 s;
 * DEGRADED (answered 200: the instance serves) while some published item could not be taken by the
 * index or the read model, with the entries skipped and the first sequence it is stuck on.
 */
@Component("searchIndex")
class SearchIndexHealthIndicator implements HealthIndicator {

    /** How long the follower may keep failing (a store outage, say) before health turns DOWN. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);
    /** Published items that are not (all) served: the instance works, but not with everything. */
    static final Status DEGRADED = new Status("DEGRADED", "some published items could not be applied");
    static final int SHOWN = 10;

    private final SearchService search;

    SearchIndexHealthIndicator(SearchService search) {
        this.search = search;
    }

    @Override
    public Health health() {
        try {
            PublicationFollower follower = search.follower();
            var trouble = search.followerTrouble();
            if (trouble.isPresent() && (trouble.get().fatal() || trouble.get().since() == null
                    || trouble.get().since().isBefore(Instant.now().minus(STUCK_AFTER)))) {
                return Health.down().withDetail("reason", "search does not follow the publication log: "
                        + trouble.get().lastError()).withDetail("appliedSequence", search.appliedSequence())
                        .withDetail("failingSince", String.valueOf(trouble.get().since()))
                        .withDetail("restarts", follower.restarts()).build();
            }
            if (!search.isReady()) {
                return Health.outOfService().withDetail("reason", "the search index is being built").build();
            }
            List<PublicationFollower.Skipped> skipped = follower.skipped();
            if (!skipped.isEmpty()) {
                return Health.status(DEGRADED)
                        .withDetail("reason", skipped.size() + " published item(s) could not be applied; later"
                                + " publications are applied")
                        .withDetail("stuckOnSequence", skipped.get(0).sequence())
                        .withDetail("skipped", skipped.stream().limit(SHOWN).map(SearchIndexHealthIndicator::shown)
                                .toList())
                        .withDetail("skippedTotal", follower.skippedTotal())
                        .withDetail("appliedSequence", search.appliedSequence()).build();
            }
            return Health.up().withDetail("appliedSequence", search.appliedSequence()).build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }

    private static Map<String, Object> shown(PublicationFollower.Skipped s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", s.sequence());
        m.put("item", s.itemId().length() > 100 ? s.itemId().substring(0, 100) + "... (" + s.itemId().length()
                + " characters)" : s.itemId());
        m.put("by", s.listener());
        m.put("reason", s.reason() == null || s.reason().length() <= 300 ? s.reason()
                : s.reason().substring(0, 300) + "...");
        m.put("at", String.valueOf(s.at()));
        return m;
    }
}
