package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Severity;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationLog;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.RevisionStore;
import org.knead.revision.TriggerSymptoms;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.knead.testing.TestSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A data folder written by the version before the lookups by {@code _id} (items without their list of open
 * revisions, no trigger-symptom index, a publication log without its head document) keeps working: a
 * save still supersedes what is in review, a warning's symptom is still a trigger, and the log goes on
 * from its last entry, never reusing or skipping a number (also after it was truncated).
 */
@SpringBootTest(classes = CoreTestApplication.class)
class StoreUpgradeTest {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);

    @DynamicPropertySource
    static void fileStore(DynamicPropertyRegistry registry) throws IOException {
        var dir = Files.createDirectories(Path.of("target", "store-upgrade-test")).resolve("run-" + System.nanoTime());
        registry.add("knead.store.backend", () -> "h2");
        registry.add("knead.store.data-dir", dir::toString);
    }

    @Autowired ContentService content;
    @Autowired ReviewService review;
    @Autowired org.knead.review.PublishingService publishing;
    @Autowired RevisionStore store;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void aSaveOnAnItemOfThePreviousVersionSupersedesWhatIsInReview() {
        Content c = symptom("stiff-neck", "Stiff neck");
        ContentRef ref = content.create(c, "", ANNA).ref();
        content.save(ref, 1, symptom("stiff-neck", "Stiff neck, second"), "", ANNA);
        review.submit(ref, 2, ANNA);
        // as the previous version left it: no list of open revisions on the item
        mongo.updateFirst(new Query(Criteria.where("_id").is(ref.id())), new Update().unset("openRevisions"), "items");

        content.save(ref, 2, symptom("stiff-neck", "Stiff neck, third"), "", BEN);

        assertThat(store.requireRevision(ref, 2).state()).isEqualTo(RevisionState.SUPERSEDED);
        assertThat(store.requireItem(ref).openRevisions()).isEmpty();
        // and from now on the item keeps its list: a revision sent to review is superseded by the next save
        review.submit(ref, 3, BEN);
        assertThat(store.requireItem(ref).openRevisions()).containsExactly(3);
        content.save(ref, 3, symptom("stiff-neck", "Stiff neck, fourth"), "", ANNA);
        assertThat(store.requireRevision(ref, 3).state()).isEqualTo(RevisionState.SUPERSEDED);
        assertThat(store.requireItem(ref).openRevisions()).isEmpty();
    }

    @Test
    void aWarningOfThePreviousVersionStillMakesItsSymptomATrigger() {
        content.create(symptom("numbness", "Numbness"), "", ANNA);
        content.create(warning("numbness-or-weakness", List.of("numbness")), "", ANNA);
        content.create(symptom("knots", "Knots"), "", ANNA);
        // the previous version had no trigger-symptom index
        mongo.remove(new Query(), "trigger_symptoms");
        RevisionStore upgraded = new RevisionStore(mongo, new TriggerSymptoms(mongo), Clock.systemUTC());

        assertThat(upgraded.isTriggerSymptom("numbness")).isTrue();
        assertThat(upgraded.isTriggerSymptom("knots")).isFalse();
        assertThat(mongo.findById("numbness", Document.class, "trigger_symptoms")).isNotNull();
    }

    @Test
    void aSymptomIsNoTriggerOnceTheWarningsLatestRevisionDropsIt() {
        content.create(symptom("numbness", "Numbness"), "", ANNA);
        content.create(symptom("weakness", "Weakness"), "", ANNA);
        ContentRef w = content.create(warning("numbness-or-weakness", List.of("numbness")), "", ANNA).ref();
        assertThat(store.isTriggerSymptom("numbness")).isTrue();

        content.save(w, 1, warning("numbness-or-weakness", List.of("weakness")), "", ANNA);

        assertThat(store.isTriggerSymptom("numbness")).isFalse();
        assertThat(store.isTriggerSymptom("weakness")).isTrue();
    }

    @Test
    void aScheduleOfThePreviousVersionIsStillFoundByTheScheduler() {
        ContentRef ref = content.create(symptom("stiff-neck", "Stiff neck"), "", ANNA).ref();
        review.submit(ref, 1, ANNA);
        review.approve(ref, 1, "fine", BEN);
        Instant at = Instant.now().plusSeconds(3600);
        publishing.schedule(ref, 1, at, BEN);
        // the previous version kept no marks
        mongo.remove(new Query(), "item_marks");
        RevisionStore upgraded = new RevisionStore(mongo, new TriggerSymptoms(mongo), Clock.systemUTC());

        assertThat(upgraded.scheduledItems()).extracting(i -> i.id()).containsExactly(ref.id());
        assertThat(upgraded.dueForPublication(at.minusSeconds(1))).isEmpty();
        assertThat(upgraded.dueForPublication(at)).extracting(i -> i.id()).containsExactly(ref.id());
    }

    @Test
    void aLogOfThePreviousVersionGoesOnFromItsLastEntryAlsoAfterATruncation() {
        for (long seq = 1; seq <= 70; seq++) { // written without a head document
            mongo.insert(new Document("_id", seq).append("action", "PUBLISHED").append("itemId", "symptom:s" + seq)
                    .append("type", "SYMPTOM").append("slug", "s" + seq).append("revision", 1)
                    .append("at", java.util.Date.from(Instant.EPOCH)).append("actor", "old"), "publication_log");
        }
        PublicationLog log = new PublicationLog(mongo, Clock.systemUTC());
        ContentRef ref = new ContentRef(ContentType.SYMPTOM, "next");

        assertThat(log.append(PublicationAction.PUBLISHED, ref, 1, "anna").sequence()).isEqualTo(71);
        assertThat(new PublicationLog(mongo, Clock.systemUTC()).append(PublicationAction.PUBLISHED, ref, 1, "anna")
                .sequence()).isEqualTo(72);

        mongo.remove(new Query(Criteria.where("_id").gt(40L)), "publication_log");
        assertThat(log.append(PublicationAction.PUBLISHED, ref, 1, "anna").sequence()).isEqualTo(41);
        assertThat(new PublicationLog(mongo, Clock.systemUTC()).lastSequence()).isEqualTo(41);
    }

    static Content symptom(String slug, String title) {
        return Content.builder(ContentType.SYMPTOM, slug).title(title).summary("What it feels like.").build();
    }

    static Content warning(String slug, List<String> triggers) {
        return Content.builder(ContentType.WARNING, slug).title("Numbness or weakness").summary("A red flag.")
                .severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.").sources(TestSources.nhsBackPain())
                .advice("See a doctor.").triggerSymptoms(triggers).triggerPhrases(List.of("numb arms")).build();
    }
}
