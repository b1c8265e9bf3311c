package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.review.ReviewTask;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemFilter;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class ReferenceImportTest {

    @Autowired ReferenceImport reference;
    @Autowired ContentTransfer transfer;
    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void theReferenceArticleIsImportedAsPublishedContentOnce() {
        int imported = reference.importAll();

        assertThat(imported).isEqualTo(ReferenceContent.load().size());
        assertThat(published.count()).isEqualTo(imported);
        for (String slug : List.of("swedish-massage", "deep-tissue-massage", "shiatsu-massage",
                "trigger-point-massage")) {
            assertThat(published.find(ContentRef.of(ContentType.TECHNIQUE, slug))).as(slug).isPresent();
        }
        assertThat(published.find(ContentRef.of(ContentType.ARTICLE, "back-neck-pain-massage")).orElseThrow()
                .content().body()).contains("Shiatsu").doesNotContain("Horacio");
        assertThat(reference.importAll()).isZero();
        assertThat(log.lastSequence()).isEqualTo(imported);
    }

    @Test
    void importedWarningsArePublicButWaitForTheirFirstClinicalReview() {
        reference.importAll();
        var warning = published.find(ContentRef.of(ContentType.WARNING, "numbness-or-weakness")).orElseThrow();
        assertThat(warning.awaitingClinicalReview()).isTrue();

        List<ReviewTask> queue = workflow.queueFor(Actor.of("clara", Role.CLINICIAN));
        assertThat(queue).filteredOn(t -> t.kind() == ReviewTask.Kind.FIRST_REVIEW).extracting(t -> t.ref().slug())
                .containsExactlyInAnyOrderElementsOf(ReferenceContent.load().stream()
                        .filter(c -> c.type() == ContentType.WARNING).map(Content::slug).toList());
        assertThat(queue).filteredOn(t -> t.kind() == ReviewTask.Kind.FIRST_REVIEW).hasSize(10);
    }

    /** The reference items that the previous version shipped: everything else is new in this version. */
    private static final Set<String> PREVIOUS_WARNINGS =
            Set.of("severe-or-persistent-pain", "numbness-or-weakness", "fever-or-weight-loss");
    private static final Set<String> PREVIOUS_SYMPTOMS = Set.of("neck-pain", "back-pain", "muscle-stiffness",
            "muscle-tension", "muscle-knots", "radiating-pain", "reduced-range-of-motion", "chronic-pain", "severe-pain",
            "numbness-or-tingling", "weakness", "fever", "unexplained-weight-loss");

    private static boolean previous(Content c) {
        return switch (c.type()) {
            case WARNING -> PREVIOUS_WARNINGS.contains(c.slug());
            case SYMPTOM -> PREVIOUS_SYMPTOMS.contains(c.slug());
            default -> true;
        };
    }

    @Test
    void aStoreOfThePreviousVersionGetsExactlyTheNewItemsOnTheNextStart() {
        // the data folder of the previous version: its reference items, published; one of them edited since
        Actor editor = Actor.of("eddie", Role.EDITOR);
        List<Content> old = ReferenceContent.load().stream().filter(ReferenceImportTest::previous).toList();
        for (Content c : old) {
            Content shipped = c.slug().equals("numbness-or-weakness")
                    ? c.toBuilder().summary("The previous version's summary.").triggerPhrases(List.of("numb", "weak"))
                            .build()
                    : c;
            workflow.publishImported(c.ref(), content.create(shipped, "previous version", editor).number());
        }
        ContentRef swedish = ContentRef.of(ContentType.TECHNIQUE, "swedish-massage");
        content.save(swedish, 1, content.latest(swedish).content().toBuilder().summary("Edited locally.").build(), "",
                editor);
        Map<ContentRef, Item> before = new HashMap<>();
        for (Content c : old) {
            before.put(c.ref(), content.item(c.ref()).orElseThrow());
        }
        long publishedBefore = published.count();

        int imported = reference.importAll();

        List<Content> added = ReferenceContent.load().stream().filter(c -> !previous(c)).toList();
        assertThat(added).extracting(Content::slug).contains("cauda-equina-signs", "chest-pain", "injury-or-accident",
                "meningitis-signs", "sudden-neurological-signs", "lump-or-changed-shape", "history-of-cancer",
                "loss-of-bladder-or-bowel-control", "saddle-numbness");
        assertThat(imported).isEqualTo(added.size());
        assertThat(published.count()).isEqualTo(publishedBefore + added.size());
        for (Content c : added) {
            var item = content.item(c.ref()).orElseThrow();
            assertThat(item.headRevision()).as(c.ref().toString()).isEqualTo(1);
            var pub = published.find(c.ref()).orElseThrow();
            assertThat(pub.content()).as(c.ref().toString()).isEqualTo(c);
            assertThat(pub.awaitingClinicalReview()).as(c.ref().toString()).isEqualTo(c.type() == ContentType.WARNING);
        }
        for (Content c : old) {
            Item was = before.get(c.ref());
            Item now = content.item(c.ref()).orElseThrow();
            assertThat(now.headRevision()).as(c.ref().toString()).isEqualTo(was.headRevision());
            assertThat(now.publishedRevision()).as(c.ref().toString()).isEqualTo(was.publishedRevision());
            assertThat(content.history(c.ref())).as(c.ref().toString()).hasSize(was.headRevision());
        }
        assertThat(content.latest(swedish).content().summary()).isEqualTo("Edited locally.");
        assertThat(published.find(ContentRef.of(ContentType.WARNING, "numbness-or-weakness")).orElseThrow().content()
                .summary()).isEqualTo("The previous version's summary.");
        List<ReviewTask> queue = workflow.queueFor(Actor.of("clara", Role.CLINICIAN));
        assertThat(queue).filteredOn(t -> t.kind() == ReviewTask.Kind.FIRST_REVIEW).extracting(t -> t.ref().slug())
                .containsAll(added.stream().filter(c -> c.type() == ContentType.WARNING).map(Content::slug).toList());

        long sequence = log.lastSequence();
        assertThat(reference.importAll()).isZero();
        assertThat(log.lastSequence()).isEqualTo(sequence);
    }

    @Test
    void anExportMovesEveryRevisionToAnotherInstanceAsDrafts() throws Exception {
        reference.importAll();
        Actor admin = Actor.of("root", Role.ADMIN, Role.EDITOR);
        ContentRef swedish = ContentRef.of(ContentType.TECHNIQUE, "swedish-massage");
        content.save(swedish, 1, content.latest(swedish).content().toBuilder().summary("Edited.").build(), "", admin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.export(admin, out);
        long items = content.count(ItemFilter.all());

        StoreCleaner.clean(mongo);
        var result = transfer.importFrom(new ByteArrayInputStream(out.toByteArray()), admin);

        assertThat(result.imported()).isEqualTo(items);
        assertThat(content.history(swedish)).hasSize(2);
        assertThat(published.find(swedish)).isEmpty();
        assertThat(content.item(swedish).orElseThrow().headState()).isEqualTo(org.knead.revision.RevisionState.DRAFT);
        assertThat(transfer.importFrom(new ByteArrayInputStream(out.toByteArray()), admin).skipped()).hasSize((int) items);
    }
}
