package org.knead.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.revision.Revision;

/** Only published revisions are ever served: never drafts, items in review or unapproved changes. */
class VisibilityTest extends ApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.knead.user.UserService users;

    @org.junit.jupiter.api.BeforeEach
    void theClinicianHasADisplayName() {
        if (users.find("clara").isEmpty()) {
            users.create("clara", "Dr. Clara Example", "claras-long-password", java.util.Set.of(
                    org.knead.actor.Role.CLINICIAN), org.knead.actor.Actor.SYSTEM);
        }
    }

    @Test
    void aDraftIsNeverVisible() {
        content.create(technique("draft-rub", "Secretdraftword Rub", List.of()), "draft", ANNA);
        awaitIndex();

        assertThat(get("/api/v1/techniques/draft-rub").statusCode()).isEqualTo(404);
        assertThat(slugs(getJson("/api/v1/techniques?size=100"))).doesNotContain("draft-rub");
        assertThat(slugs(getJson("/api/v1/search?q=secretdraftword"))).doesNotContain("draft-rub");
        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString()).doesNotContain("draft-rub");
    }

    @Test
    void anItemInReviewIsNeverVisible() {
        Revision r = content.create(technique("review-rub", "Secretreviewword Rub", List.of()), "draft", ANNA);
        workflow.submit(r.ref(), r.number(), ANNA);
        awaitIndex();

        assertThat(get("/api/v1/techniques/review-rub").statusCode()).isEqualTo(404);
        assertThat(slugs(getJson("/api/v1/techniques?size=100"))).doesNotContain("review-rub");
        assertThat(slugs(getJson("/api/v1/search?q=secretreviewword"))).doesNotContain("review-rub");
    }

    @Test
    void anUnapprovedChangeToAPublishedWarningIsNeverVisible() {
        Content original = warning("numb-fingers-test", "Numb fingers test", "Call your doctor today.");
        publish(original);
        JsonNode published = getJson("/api/v1/warnings/numb-fingers-test");
        assertThat(published.get("advice").asText()).isEqualTo("Call your doctor today.");
        assertThat(published.get("review").get("reviewedBy").asText()).isEqualTo("Dr. Clara Example");
        assertThat(published.get("awaitingClinicalReview").asBoolean()).isFalse();

        Content changed = original.toBuilder().advice("Unapprovedadvice: wait and see.").build();
        Revision second = content.save(original.ref(), 1, changed, "softer advice", ANNA);
        workflow.submit(second.ref(), second.number(), ANNA);
        awaitIndex();

        JsonNode after = getJson("/api/v1/warnings/numb-fingers-test");
        assertThat(after.get("revision").asInt()).isEqualTo(1);
        assertThat(after.get("advice").asText()).isEqualTo("Call your doctor today.");
        assertThat(getJson("/api/v1/search?q=unapprovedadvice").toString()).doesNotContain("Unapprovedadvice");
    }

    @Test
    void aClinicallyReviewedWarningShowsItsReviewAndBecomesOverdue() {
        publish(warning("tingling-test", "Tingling test", "See a doctor soon."));
        JsonNode w = getJson("/api/v1/warnings/tingling-test");
        JsonNode review = w.get("review");
        // attack: the login names of clinicians (and so of accounts to guess at) used to be published
        assertThat(review.get("reviewedBy").asText()).isEqualTo("Dr. Clara Example").isNotEqualTo("clara");
        Instant reviewedAt = Instant.parse(review.get("reviewedAt").asText());
        Instant due = Instant.parse(review.get("nextReviewDue").asText());
        assertThat(due).isAfter(reviewedAt.plus(Duration.ofDays(360)));
        assertThat(review.get("overdue").asBoolean()).isFalse();

        Instant now = clock.instant();
        try {
            clock.set(due.plus(Duration.ofDays(1)));
            assertThat(getJson("/api/v1/warnings/tingling-test").get("review").get("overdue").asBoolean()).isTrue();
        } finally {
            clock.set(now);
        }
    }

    @Test
    void aRevisionNoClinicianSawDoesNotShowTheOlderRevisionsReview() {
        Content signed = technique("provenance-rub", "Provenance Rub", List.of("numbness-or-weakness"));
        publish(signed);
        assertThat(getJson("/api/v1/techniques/provenance-rub").get("review").get("reviewedBy").asText())
                .isEqualTo("Dr. Clara Example");

        Revision reworded = content.save(signed.ref(), 1, signed.toBuilder().summary("Reworded, same cautions.")
                .build(), "wording", ANNA);
        approveAndPublish(reworded.ref(), reworded.number(), false);

        JsonNode after = getJson("/api/v1/techniques/provenance-rub");
        assertThat(after.get("revision").asInt()).isEqualTo(2);
        assertThat(after.get("summary").asText()).isEqualTo("Reworded, same cautions.");
        assertThat(after.get("review").isNull()).isTrue();
    }

    @Test
    void afterUnpublishingAnItemIs404AndGoneFromSearchWithinASecond() {
        publish(technique("gone-rub", "Vanishingword Rub", List.of()));
        assertThat(get("/api/v1/techniques/gone-rub").statusCode()).isEqualTo(200);
        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString()).contains("gone-rub");

        long start = System.nanoTime();
        workflow.unpublish(ContentRef.parseId("technique:gone-rub"), ANNA);
        boolean gone = false;
        while (System.nanoTime() - start < Duration.ofSeconds(1).toNanos()) {
            if (get("/api/v1/techniques/gone-rub").statusCode() == 404
                    && !slugs(getJson("/api/v1/search?q=vanishingword")).contains("gone-rub")) {
                gone = true;
                break;
            }
            sleep(20);
        }
        assertThat(gone).as("gone within a second").isTrue();
        assertThat(slugs(getJson("/api/v1/techniques?size=100"))).doesNotContain("gone-rub");
        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString()).doesNotContain("gone-rub");
    }

    @Test
    void aLinkToAnUnpublishedItemIsLeftOut() {
        content.create(symptom("hidden-ache", "Hidden ache"), "draft", ANNA);
        Content t = technique("linking-rub", "Linking Rub", List.of()).toBuilder()
                .relievesSymptoms(List.of("hidden-ache", "neck-pain")).build();
        publish(t);

        JsonNode detail = getJson("/api/v1/techniques/linking-rub");
        assertThat(detail.get("relievesSymptoms")).extracting(s -> s.get("slug").asText()).containsExactly("neck-pain");
    }

    @Test
    void aPublishedItemAppearsInListsDetailsAndSearch() {
        publish(technique("fresh-rub", "Freshword Rub", List.of()));

        assertThat(slugs(getJson("/api/v1/techniques?size=100"))).contains("fresh-rub");
        assertThat(getJson("/api/v1/techniques/fresh-rub").get("title").asText()).isEqualTo("Freshword Rub");
        assertThat(getJson("/api/v1/techniques/fresh-rub").has("review")).isFalse();
        assertThat(slugs(getJson("/api/v1/search?q=freshword"))).contains("fresh-rub");
    }

    @Test
    void aRepublishedChangeOfLinksShowsInBothDirections() {
        Content first = technique("moving-rub", "Moving Rub", List.of()).toBuilder()
                .relievesSymptoms(List.of("neck-pain")).build();
        publish(first);
        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString()).contains("moving-rub");

        Content second = first.toBuilder().relievesSymptoms(List.of("back-pain")).build();
        Revision r2 = content.save(first.ref(), 1, second, "moves to the back", ANNA);
        approveAndPublish(r2.ref(), r2.number(), false);

        assertThat(getJson("/api/v1/symptoms/neck-pain").get("techniques").toString()).doesNotContain("moving-rub");
        assertThat(getJson("/api/v1/symptoms/back-pain").get("techniques").toString()).contains("moving-rub");
        JsonNode detail = getJson("/api/v1/techniques/moving-rub");
        assertThat(detail.get("revision").asInt()).isEqualTo(2);
        assertThat(detail.get("relievesSymptoms")).extracting(s -> s.get("slug").asText()).containsExactly("back-pain");
    }

    @Test
    void aRenamedLinkedItemShowsItsNewTitleInTheItemsLinkingToIt() {
        publish(symptom("sore-shoulder-blade", "Sore Shoulder Blade"));
        Content rub = technique("blade-rub", "Blade Rub", List.of()).toBuilder()
                .relievesSymptoms(List.of("sore-shoulder-blade")).build();
        publish(rub);
        assertThat(getJson("/api/v1/techniques/blade-rub").get("relievesSymptoms").toString())
                .contains("Sore Shoulder Blade");
        String etag = get("/api/v1/techniques/blade-rub").headers().firstValue("ETag").orElseThrow();

        Content renamed = symptom("sore-shoulder-blade", "Aching Shoulder Blade");
        Revision r2 = content.save(renamed.ref(), 1, renamed, "clearer name", ANNA);
        approveAndPublish(r2.ref(), r2.number(), false);

        HttpResponse<String> after = get("/api/v1/techniques/blade-rub");
        assertThat(json(after).get("relievesSymptoms").toString()).contains("Aching Shoulder Blade")
                .doesNotContain("Sore Shoulder Blade");
        assertThat(after.headers().firstValue("ETag")).get().isNotEqualTo(etag);
        assertThat(getJson("/api/v1/symptoms/sore-shoulder-blade").get("techniques").toString()).contains("blade-rub");
    }

    private static List<String> slugs(JsonNode page) {
        return page.get("items").findValuesAsText("slug");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
