package org.knead.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentType;

/** Restoring a revision whose content the latest already has is refused: it would change nothing. */
class RestoreRuleTest {

    private static Revision revision(int number, String summary) {
        Content c = Content.builder(ContentType.SYMPTOM, "stiffness").title("Stiffness").summary(summary).build();
        return new Revision(Revision.idOf("symptom:stiffness", number), "symptom:stiffness", ContentType.SYMPTOM,
                "stiffness", number, c, ContentHash.of(c), "anna", Instant.EPOCH, "", null, null, RevisionState.DRAFT,
                List.of(), null);
    }

    @Test
    void restoringTheLatestRevisionIsRefusedWithAClearMessage() {
        Revision latest = revision(3, "Third");
        Decision d = latest.mayBeRestoredOver(latest);
        assertThat(d.refused()).isTrue();
        assertThat(d.reason()).isEqualTo("Revision 3 is the latest revision; restoring it would change nothing.");
    }

    @Test
    void restoringAnOlderRevisionWithTheLatestsContentIsRefused() {
        Decision d = revision(1, "Same").mayBeRestoredOver(revision(3, "Same"));
        assertThat(d.refused()).isTrue();
        assertThat(d.refusal()).isEqualTo(Decision.Refusal.NOT_POSSIBLE);
        assertThat(d.reason()).contains("same content as the latest revision 3");
    }

    @Test
    void restoringAnOlderRevisionWithOtherContentIsAllowed() {
        assertThat(revision(1, "First").mayBeRestoredOver(revision(2, "Second")).allowed()).isTrue();
    }
}
