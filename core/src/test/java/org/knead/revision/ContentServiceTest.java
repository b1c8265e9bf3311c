package org.knead.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.ContentValidationException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class ContentServiceTest {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);

    @Autowired ContentService content;
    @Autowired AuditLog audit;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void badContentIsRefusedWithEveryProblemNamedAndNothingIsWritten() {
        Content bad = Content.builder(ContentType.TECHNIQUE, "Not A Slug").title("").build();

        assertThatThrownBy(() -> content.create(bad, "", ANNA))
                .isInstanceOfSatisfying(ContentValidationException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("slug"))
                        .anyMatch(p -> p.contains("title is required"))
                        .anyMatch(p -> p.contains("pressure")));
        assertThat(content.count(ItemFilter.all())).isZero();
    }

    @Test
    void aLinkToAMissingItemIsRefused() {
        Content c = Content.builder(ContentType.CAUSE, "slouching").title("Slouching")
                .leadsToSymptoms(List.of("no-such-symptom")).build();
        assertThatThrownBy(() -> content.create(c, "", ANNA)).isInstanceOf(ContentValidationException.class)
                .hasMessageContaining("no-such-symptom").hasMessageContaining("does not exist");
    }

    @Test
    void aSlugIsUniquePerType() {
        content.create(symptom("stiffness", "Stiffness"), "", ANNA);
        assertThatThrownBy(() -> content.create(symptom("stiffness", "Other"), "", BEN))
                .isInstanceOf(ContentValidationException.class).hasMessageContaining("already exists");
        content.create(Content.builder(ContentType.CAUSE, "stiffness").title("Stiffness as a cause").build(), "", BEN);
        assertThat(content.latest(ContentRef.of(ContentType.SYMPTOM, "stiffness")).content().title())
                .isEqualTo("Stiffness");
    }

    @Test
    void anyTwoRevisionsCompareFieldByFieldWithWordLevelChanges() {
        ContentRef ref = content.create(symptom("stiffness", "Stiffness").toBuilder()
                .body("Line one.\nThe neck feels stiff.").build(), "", ANNA).ref();
        content.save(ref, 1, symptom("stiffness", "Stiffness").toBuilder()
                .body("Line one.\nThe neck feels <b>very</b> stiff.").aliases(List.of("stiff neck")).build(), "", BEN);

        RevisionComparison cmp = content.compare(ref, 1, 2);

        assertThat(cmp.changes()).extracting(FieldChange::field).containsExactly("body", "aliases");
        FieldChange body = cmp.changes().get(0);
        assertThat(body.lines()).anySatisfy(line -> {
            assertThat(line.kind()).isEqualTo(FieldChange.Kind.CHANGE);
            assertThat(line.newHtml()).contains("<ins>").contains("&lt;b&gt;").doesNotContain("<b>");
        });
        assertThat(content.compare(ref, 2, 2).isSame()).isTrue();
    }

    @Test
    void restoringTheLatestRevisionIsRefusedAndWritesNothing() {
        ContentRef ref = content.create(symptom("stiffness", "First"), "", ANNA).ref();
        content.save(ref, 1, symptom("stiffness", "Second"), "", BEN);

        assertThatThrownBy(() -> content.restore(ref, 2, 2, ANNA)).isInstanceOf(WorkflowException.class)
                .hasMessage("Revision 2 is the latest revision; restoring it would change nothing.");
        assertThat(content.history(ref)).hasSize(2);
    }

    @Test
    void restoringAnOldRevisionAppendsANewOneWithItsContent() {
        ContentRef ref = content.create(symptom("stiffness", "First"), "", ANNA).ref();
        content.save(ref, 1, symptom("stiffness", "Second"), "", BEN);

        Revision restored = content.restore(ref, 1, 2, ANNA);

        assertThat(restored.number()).isEqualTo(3);
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.content()).isEqualTo(content.revision(ref, 1).content());
        assertThat(content.history(ref)).hasSize(3);
        assertThat(audit.find(AuditQuery.byItem(ref.id()), 0, 10)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.RESTORE, AuditAction.SAVE, AuditAction.CREATE);
    }

    @Test
    void onlyEditorsWrite() {
        assertThatThrownBy(() -> content.create(symptom("x", "X"), "", Actor.of("clara", Role.CLINICIAN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theListFiltersByTypeStateAndText() {
        content.create(symptom("stiffness", "Stiffness"), "", ANNA);
        content.create(symptom("tension", "Muscle tension"), "", ANNA);
        content.create(Content.builder(ContentType.CAUSE, "stress").title("Stress").build(), "", ANNA);

        assertThat(content.list(new ItemFilter(ContentType.SYMPTOM, null, null, null, false), 0, 10)).hasSize(2);
        assertThat(content.list(new ItemFilter(null, null, null, "TENS", false), 0, 10))
                .extracting(Item::slug).containsExactly("tension");
        assertThat(content.count(new ItemFilter(null, RevisionState.DRAFT, null, null, false))).isEqualTo(3);
        assertThat(content.list(new ItemFilter(null, null, null, ".*(", false), 0, 10)).isEmpty();
    }

    static Content symptom(String slug, String title) {
        return Content.builder(ContentType.SYMPTOM, slug).title(title).summary("Feels like this.").build();
    }
}
