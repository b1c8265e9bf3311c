package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.review.ReviewTask;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.ItemFilter;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.knead.user.Actor;
import org.knead.user.Role;
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
                .containsExactlyInAnyOrder("severe-or-persistent-pain", "numbness-or-weakness", "fever-or-weight-loss");
    }

    @Test
    void anExportMovesEveryRevisionToAnotherInstance() throws Exception {
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
        assertThat(published.find(swedish).orElseThrow().revision()).isEqualTo(1);
        assertThat(transfer.importFrom(new ByteArrayInputStream(out.toByteArray()), admin).skipped()).hasSize((int) items);
    }
}
