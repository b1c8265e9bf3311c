package org.knead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knead.seed.ReferenceContent;

/** The catalogue of content fields is the one answer to "which fields does a type have", and its readers agree. */
public class ContentFieldsTest {

    /** A valid item of each type, on which one field at a time is changed. */
    public static Content valid(ContentType type) {
        Content.Builder b = Content.builder(type, "an-item").title("An item").summary("What it is.");
        switch (type) {
            case TECHNIQUE -> b.pressure(Pressure.GENTLE).bodyAreas(List.of(BodyArea.NECK));
            case WARNING -> b.severity(Severity.EMERGENCY).action("Get an urgent appointment today.")
                    .advice("See a GP today.").triggerPhrases(List.of("a lump"))
                    .sources(List.of(new Source("Back pain", "https://www.nhs.uk/conditions/back-pain/", "NHS",
                            LocalDate.of(2026, 11, 1))));
            default -> {
            }
        }
        return b.build();
    }

    /** A value for the field, different for each {@code variant}. */
    @SuppressWarnings("unchecked")
    public static Content with(Content c, ContentField<?> field, int variant) {
        Object value = switch (field.kind()) {
            case TEXT, LONG_TEXT, MARKDOWN -> "value " + variant;
            case LINES -> List.of("entry " + variant);
            case LINKS -> List.of("linked-" + variant);
            case REFS -> List.of(ContentRef.of(ContentType.SYMPTOM, "linked-" + variant));
            case CHOICES -> List.of(BodyArea.values()[variant % BodyArea.values().length]);
            case SOURCES -> List.of(new Source("Page " + variant, "https://www.nhs.uk/" + variant, "NHS",
                    LocalDate.of(2026, 1, 1 + variant)));
            case CHOICE -> field == ContentFields.PRESSURE ? Pressure.values()[variant % Pressure.values().length]
                    : Severity.values()[variant % Severity.values().length];
        };
        Content.Builder b = c.toBuilder();
        ((ContentField<Object>) field).set(b, value);
        return b.build();
    }

    @Test
    void everyComponentOfContentIsACatalogueFieldOrPartOfTheItemsIdentity() throws Exception {
        List<String> components = Arrays.stream(Content.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        List<String> catalogued = new ArrayList<>(ContentFields.IDENTITY);
        ContentFields.all().forEach(f -> catalogued.add(f.name()));
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(components);

        // and each field reads the component it is named for
        for (RecordComponent component : Content.class.getRecordComponents()) {
            if (ContentFields.IDENTITY.contains(component.getName())) {
                continue;
            }
            ContentField<?> field = ContentFields.named(component.getName()).orElseThrow();
            Content c = with(valid(ContentType.ARTICLE), field, 1);
            assertThat(field.get(c)).as(field.name()).isEqualTo(component.getAccessor().invoke(c))
                    .isNotEqualTo(component.getAccessor().invoke(valid(ContentType.ARTICLE)));
        }
    }

    @Test
    void everyTypeHasTheFieldsItsEditorsAndThePublicExpect() {
        assertThat(ContentFields.of(ContentType.TECHNIQUE)).extracting(ContentField::name).containsExactly("title",
                "summary", "body", "aliases", "pressure", "bodyAreas", "benefits", "relievesSymptoms", "cautions");
        assertThat(ContentFields.of(ContentType.WARNING)).extracting(ContentField::name).containsExactly("title",
                "summary", "body", "aliases", "bodyAreas", "triggerSymptoms", "triggerPhrases", "severity", "action",
                "advice", "sources");
        assertThat(ContentFields.BODY_AREAS.partOf(ContentType.SYMPTOM)).isFalse();
        assertThat(ContentFields.BODY_AREAS.usedBy(ContentType.SYMPTOM)).isTrue();
        assertThat(ContentFields.of(ContentType.TECHNIQUE).stream().filter(ContentField::isMedical))
                .containsExactly(ContentFields.CAUTIONS);
    }

    @Test
    void theReferenceContentUsesOnlyTheFieldsOfEachType() {
        for (Content c : ReferenceContent.load()) {
            for (ContentField<?> field : ContentFields.all()) {
                if (!field.usedBy(c.type())) {
                    assertThat(field.isEmpty(c)).as(c.ref() + " " + field.name()).isTrue();
                }
            }
            assertThat(Slug.isValid(c.slug())).as(c.slug()).isTrue();
        }
    }

    @Test
    void validationRefusesAFieldOnATypeThatDoesNotHaveIt() {
        for (ContentType type : ContentType.values()) {
            for (ContentField<?> field : ContentFields.all()) {
                if (field.usedBy(type)) {
                    continue;
                }
                Content c = with(valid(type), field, 1);
                assertThatThrownBy(() -> ContentValidator.validate(c, ref -> true)).as(type + " " + field.name())
                        .isInstanceOf(ContentValidationException.class)
                        .hasMessageContaining("A " + type.key() + " has no " + field.label().toLowerCase() + ".");
            }
        }
    }

    @Test
    void validationLimitsComeFromTheCatalogue() {
        for (ContentField<?> field : ContentFields.all()) {
            if (field.maxLength() == 0 && field.maxItems() == 0) {
                continue;
            }
            ContentType type = field.types().iterator().next();
            Content ok = valid(type);
            if (field.maxLength() > 0) {
                Content atLimit = texts(ok, field, List.of("a".repeat(field.maxLength())));
                assertThatCode(() -> ContentValidator.validate(atLimit, ref -> true)).as(field.name())
                        .doesNotThrowAnyException();
                Content over = texts(ok, field, List.of("a".repeat(field.maxLength() + 1)));
                assertThatThrownBy(() -> ContentValidator.validate(over, ref -> true)).as(field.name())
                        .hasMessageContaining(field.label().toLowerCase())
                        .hasMessageContaining("at most " + field.maxLength());
            }
            if (field.maxItems() > 0 && field.kind() == ContentField.Kind.LINES) {
                List<String> many = new ArrayList<>();
                for (int i = 0; i <= field.maxItems(); i++) {
                    many.add("entry " + i);
                }
                Content over = texts(ok, field, many);
                assertThatThrownBy(() -> ContentValidator.validate(over, ref -> true)).as(field.name())
                        .hasMessageContaining("At most " + field.maxItems() + " " + field.label().toLowerCase());
            }
        }
        assertThat(ContentFields.SOURCES.maxItems()).isEqualTo(20);
    }

    @SuppressWarnings("unchecked")
    private static Content texts(Content c, ContentField<?> field, List<String> values) {
        Content.Builder b = c.toBuilder();
        if (field.isList()) {
            ((ContentField<Object>) field).set(b, values);
        } else {
            ((ContentField<Object>) field).set(b, values.get(0));
        }
        return b.build();
    }

    @Test
    void theMergeReappliesAChangeToAnyCatalogueFieldAndKeepsTheOtherPersonsChanges() {
        Content base = valid(ContentType.TECHNIQUE);
        for (ContentField<?> mineField : ContentFields.all()) {
            ContentField<?> theirField = mineField == ContentFields.TITLE ? ContentFields.BODY : ContentFields.TITLE;
            Content mine = with(base, mineField, 1);
            Content latest = with(base, theirField, 2);

            ContentMerge merge = ContentMerge.onLatest(base, mine, latest);

            assertThat(mineField.get(merge.merged())).as(mineField.name()).isEqualTo(mineField.get(mine));
            assertThat(theirField.get(merge.merged())).as(theirField.name()).isEqualTo(theirField.get(latest));
            assertThat(merge.changedByMe()).containsExactly(mineField.name());
            assertThat(merge.changedByBoth()).isEmpty();
        }
    }

    @Test
    void aFieldBothChangedDifferentlyTakesMineAndIsReported() {
        Content base = valid(ContentType.WARNING);
        ContentMerge merge = ContentMerge.onLatest(base, with(base, ContentFields.ADVICE, 1),
                with(base, ContentFields.ADVICE, 2));
        assertThat(merge.merged().advice()).isEqualTo("value 1");
        assertThat(merge.changedByBoth()).containsExactly("advice");
    }

    @Test
    void theHashLeavesOutOnlyTheLaterFieldsWhileEmpty() {
        assertThat(ContentFields.all().stream().filter(ContentField::hashedOnlyWhenSet).map(ContentField::name))
                .containsExactly("action", "sources");
    }

    @Test
    void linksAreTheCatalogueLinkFieldsPointingAtTheirTypes() {
        Content c = with(with(valid(ContentType.TECHNIQUE), ContentFields.RELIEVES_SYMPTOMS, 1),
                ContentFields.CAUTIONS, 2);
        assertThat(c.links()).containsExactly(
                java.util.Map.entry("relievesSymptoms", List.of(ContentRef.of(ContentType.SYMPTOM, "linked-1"))),
                java.util.Map.entry("cautions", List.of(ContentRef.of(ContentType.WARNING, "linked-2"))));
    }

    @Test
    void oneSlugRuleOfAtMost200Characters() {
        assertThat(Slug.isValid("a".repeat(200))).isTrue();
        assertThat(Slug.isValid("a".repeat(201))).isFalse();
        assertThat(Slug.isValid("neck-glide-2")).isTrue();
        for (String bad : new String[] {"", "Neck", "neck--glide", "-neck", "neck-", "neck glide", "nèck"}) {
            assertThat(Slug.isValid(bad)).as(bad).isFalse();
        }
        Content tooLong = valid(ContentType.SYMPTOM).toBuilder().build();
        Content c = new Content(ContentType.SYMPTOM, "a".repeat(201), tooLong.title(), tooLong.summary(), "",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ContentValidator.validate(c, ref -> true))
                .hasMessageContaining("at most 200 characters");
    }
}
