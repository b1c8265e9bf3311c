package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The API's one publication follower under a hostile log: an item the index cannot take, a log
 * truncated and rewritten under the running API. Lists, items and search keep agreeing with what
 * is published, and health says what was skipped.
 */
class FollowerRecoveryTest extends ApiTestSupport {

    @Autowired MongoTemplate mongo;
    @Autowired PublishedContent published;
    @Autowired @Qualifier("searchIndex") HealthIndicator searchHealth;

    /** Writes a public copy and its log entry directly, bypassing validation (as a careless import would). */
    private PublicationEntry publishDirectly(Content c) {
        mongo.save(PublishedItem.of(c, 1, Instant.now(), ContentHash.of(c), null, false));
        return publicationLog.append(PublicationAction.PUBLISHED, c.ref(), 1, "import");
    }

    private static Content selfCare(String slug, String title) {
        return Content.builder(ContentType.SELF_CARE, slug).title(title).summary(title + " for the back.").build();
    }

    @Test
    void anItemTheIndexCannotTakeLeavesHealthDegradedWhileLaterPublicationsAreServed() throws InterruptedException {
        Content poison = selfCare("y".repeat(40 * 1024), "Poisonword import");
        PublicationEntry poisonEntry = publishDirectly(poison);
        try {
            publish(technique("after-poison-rub", "Afterpoisonword Rub", List.of()));

            assertThat(slugs(getJson("/api/v1/search?q=afterpoisonword"))).containsExactly("after-poison-rub");
            assertThat(get("/api/v1/techniques/after-poison-rub").statusCode()).isEqualTo(200);
            // the index reports progress before the follower files the round's report: give it a moment
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!"DEGRADED".equals(searchHealth.health().getStatus().getCode()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            var health = get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).get("status").asText()).isEqualTo("DEGRADED");
            var details = searchHealth.health();
            assertThat(details.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(details.getDetails().get("stuckOnSequence")).isEqualTo(poisonEntry.sequence());
            assertThat(details.getDetails().get("skipped").toString()).contains("immense term")
                    .contains("self-care:yyyy");
        } finally {
            mongo.remove(new Query(Criteria.where("_id").is(poison.ref().id())), PublishedItem.class);
            publicationLog.append(PublicationAction.UNPUBLISHED, poison.ref(), null, "cleanup");
            awaitIndex();
        }
        await(() -> "UP".equals(json(get("/actuator/health")).get("status").asText()));
    }

    @Test
    void aLogTruncatedAndRewrittenUnderTheRunningApiLeavesListsAndSearchAgreeingWithWhatIsPublished() {
        publish(technique("kept-rewrite-rub", "Keptrewriteword Rub", List.of()));
        ContentRef lost = publish(technique("lost-rewrite-rub", "Lostrewriteword Rub", List.of())).ref();
        publish(technique("lost-too-rub", "Losttooword Rub", List.of()));
        assertThat(slugs(getJson("/api/v1/techniques?size=100"))).contains("lost-rewrite-rub", "lost-too-rub");
        long last = publicationLog.lastSequence();

        // a restore from an older state: the last two publications are gone and their numbers come again
        mongo.remove(new Query(Criteria.where("_id").in(last - 1, last)), PublicationEntry.class);
        mongo.remove(new Query(Criteria.where("_id").in(lost.id(), ContentRef.of(ContentType.TECHNIQUE,
                "lost-too-rub").id())), PublishedItem.class);
        PublicationEntry first = publishDirectly(technique("other-rewrite-rub", "Otherrewriteword Rub", List.of()));
        PublicationEntry second = publishDirectly(technique("another-rewrite-rub", "Anotherrewriteword Rub",
                List.of()));
        assertThat(List.of(first.sequence(), second.sequence())).containsExactly(last - 1, last);

        await(() -> slugs(getJson("/api/v1/search?q=lostrewriteword")).isEmpty()
                && slugs(getJson("/api/v1/search?q=anotherrewriteword")).contains("another-rewrite-rub"));
        assertThat(slugs(getJson("/api/v1/search?q=losttooword"))).isEmpty();
        assertThat(slugs(getJson("/api/v1/search?q=otherrewriteword"))).contains("other-rewrite-rub");
        assertThat(get("/api/v1/techniques/lost-rewrite-rub").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/techniques/other-rewrite-rub").statusCode()).isEqualTo(200);
        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString())
                .doesNotContain("lost-rewrite-rub").contains("other-rewrite-rub");

        // every list agrees with the public copies
        Set<String> listed = new TreeSet<>(slugs(getJson("/api/v1/techniques?size=100")));
        for (int page = 1; listed.size() == 100 * page; page++) {
            listed.addAll(slugs(getJson("/api/v1/techniques?size=100&page=" + page)));
        }
        Set<String> stored = new TreeSet<>();
        published.forEach(500, batch -> batch.stream().filter(i -> i.type() == ContentType.TECHNIQUE)
                .forEach(i -> stored.add(i.slug())));
        assertThat(listed).isEqualTo(stored);
    }

    static List<String> slugs(JsonNode answer) {
        List<String> slugs = new ArrayList<>();
        answer.get("items").forEach(i -> slugs.add(i.get("slug").asText()));
        return slugs;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
