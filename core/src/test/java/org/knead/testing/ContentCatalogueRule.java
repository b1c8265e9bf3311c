package org.knead.testing;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import org.knead.content.Content;

/**
 * The ArchUnit rule every module's ArchitectureTest applies: only the content package enumerates the fields
 * of {@link Content}. Elsewhere nobody calls its all-fields constructor (use the builder and the catalogue,
 * {@code ContentFields}) nor walks its record components by reflection (the console's merge once did).
 */
public final class ContentCatalogueRule {

    public static final ArchRule ONLY_THE_CATALOGUE_ENUMERATES_CONTENT_FIELDS = noClasses()
            .that().resideOutsideOfPackage("org.knead.content..")
            .should().callConstructorWhere(target(owner(name(Content.class.getName()))))
            .orShould().callMethod(Class.class, "getRecordComponents")
            .because("which fields content has is answered once, by org.knead.content.ContentFields");

    private ContentCatalogueRule() {
    }
}
