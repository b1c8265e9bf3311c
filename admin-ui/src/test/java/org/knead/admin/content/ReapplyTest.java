package org.knead.admin.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;

class ReapplyTest {

    private final Content base = Content.builder(ContentType.TECHNIQUE, "roll").title("Roll").summary("Roll it.")
            .pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK)).build();

    @Test
    void myChangedFieldsGoOnTopOfTheLatestAndTheirOtherChangesStay() {
        Content mine = base.toBuilder().title("Rolls").build();
        Content latest = base.toBuilder().summary("Roll it slowly.").build();

        Reapply.Result result = Reapply.onLatest(base, mine, latest);

        assertThat(result.merged().title()).isEqualTo("Rolls");
        assertThat(result.merged().summary()).isEqualTo("Roll it slowly.");
        assertThat(result.changedByMe()).containsExactly("title");
        assertThat(result.changedByBoth()).isEmpty();
    }

    @Test
    void fieldsBothChangedDifferentlyAreReportedAndTakeMine() {
        Content mine = base.toBuilder().title("Mine").build();
        Content latest = base.toBuilder().title("Theirs").build();

        Reapply.Result result = Reapply.onLatest(base, mine, latest);

        assertThat(result.merged().title()).isEqualTo("Mine");
        assertThat(result.changedByBoth()).containsExactly("title");
    }
}
