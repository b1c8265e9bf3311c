package org.knead.revision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;
import org.knead.content.ContentFieldsTest;
import org.knead.content.ContentType;

/** The comparison shows a change to any field of the catalogue, under that field's name, escaped. */
class RevisionDifferTest {

    @Test
    void aChangeToAnyCatalogueFieldIsShownUnderItsName() {
        Content base = ContentFieldsTest.valid(ContentType.WARNING);
        for (ContentField<?> field : ContentFields.all()) {
            Content changed = ContentFieldsTest.with(base, field, 1);
            assertThat(RevisionDiffer.compare(base, changed)).as(field.name()).singleElement()
                    .satisfies(c -> assertThat(c.field()).isEqualTo(field.name()));
        }
        assertThat(RevisionDiffer.compare(base, base)).isEmpty();
    }

    @Test
    void changesComeInCatalogueOrder() {
        Content base = ContentFieldsTest.valid(ContentType.WARNING);
        Content changed = ContentFieldsTest.with(ContentFieldsTest.with(base, ContentFields.SOURCES, 3),
                ContentFields.TITLE, 3);
        assertThat(RevisionDiffer.compare(base, changed)).extracting(FieldChange::field)
                .containsExactly("title", "sources");
    }
}
