package org.knead.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the search module, under {@code knead.search}.
 *
 * @param indexDir       where this process keeps its index; null or blank means in memory
 * @param pollInterval   how often the publication log is polled for the index (default 200ms; the
 *                       process's one follower polls at the shortest interval any listener asks for)
 * @param enabled        false: no index is built and searches answer empty (default true)
 * @param buildBatchSize items read per batch during a full build (default 500)
 * @param synonyms       an editable synonym vocabulary file replacing the built-in one; null means
 *                       the built-in {@code org/knead/search/synonyms.txt}
 * @param answerCacheSize how many recent search and suggest answers are kept for the current index
 *                       state, by the public API's one answer cache (default 1024; 0 turns their
 *                       caching off, e.g. to measure the raw query cost)
 * @param mergeWhenQuiet once the index has taken no change for this long and has more than one segment
 *                       (each batch of publications the follower applies adds one), it is merged into one
 *                       segment on a thread of its own (default 10s; 0 never merges after the build); after
 *                       a merge that took T, the next waits at least 20 T
 * @param concurrency    how many searches run at once; more wait for their turn, first come first served, at
 *                       most {@code SearchService.TURN_WAIT}, then run anyway (negative, the default: one and a half
 *                       times the machine's cores, plus one, as Elasticsearch sizes its search threads; 0: no limit)
 */
@ConfigurationProperties("knead.search")
public record SearchProperties(
        Path indexDir,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int buildBatchSize,
        Path synonyms,
        @DefaultValue("1024") int answerCacheSize,
        @DefaultValue("10s") Duration mergeWhenQuiet,
        @DefaultValue("-1") int concurrency) {

    public SearchProperties {
        if (indexDir != null && indexDir.toString().isBlank()) {
            indexDir = null;
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            pollInterval = Duration.ofMillis(200);
        }
        if (buildBatchSize <= 0) {
            buildBatchSize = 500;
        }
        if (synonyms != null && synonyms.toString().isBlank()) {
            synonyms = null;
        }
        if (answerCacheSize < 0) {
            answerCacheSize = 0;
        }
        if (concurrency < 0) {
            concurrency = Runtime.getRuntime().availableProcessors() * 3 / 2 + 1;
        }
        if (mergeWhenQuiet == null || mergeWhenQuiet.isNegative()) {
            mergeWhenQuiet = Duration.ZERO;
        }
    }


    /** In memory, polling every 200ms, enabled, merging after 10 s without a change, searches in turns (1.5 per core, plus one). */
    public static SearchProperties defaults() {
        return new SearchProperties(null, Duration.ofMillis(200), true, 500, null, 1024, Duration.ofSeconds(10), -1);
    }
}
