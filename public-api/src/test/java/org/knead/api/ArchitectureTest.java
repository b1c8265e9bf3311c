package org.knead.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.knead.testing.ContentCatalogueRule;
import org.knead.testing.PackageInfos;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

@AnalyzeClasses(packages = "org.knead.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule public_api_has_no_write_endpoints = noMethods().that().areDeclaredInClassesThat()
            .resideInAPackage("org.knead.api..")
            .should().beAnnotatedWith(PostMapping.class)
            .orShould().beAnnotatedWith(PutMapping.class)
            .orShould().beAnnotatedWith(DeleteMapping.class)
            .orShould().beAnnotatedWith(PatchMapping.class);

    @ArchTest
    static final ArchRule public_api_does_not_write_through_core = noClasses().that()
            .resideInAPackage("org.knead.api..")
            .should().dependOnClassesThat().haveNameMatching("org\\.knead\\.(revision\\.(ContentService|RevisionStore)"
                    + "|review\\..*|publication\\.Publisher|user\\..*|actor\\..*|seed\\..*)");

    @ArchTest
    static final ArchRule public_api_does_not_touch_lucene_or_vaadin = noClasses().that()
            .resideInAPackage("org.knead.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "com.vaadin..",
                    "org.knead.search.internal..");

    @ArchTest
    static final ArchRule public_api_reaches_the_store_only_through_core = noClasses().that()
            .resideInAPackage("org.knead.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.bson..", "org.knead.store..")
            .because("the API reads published copies and the publication log through core, never the store itself");

    @ArchTest
    static final ArchRule only_the_catalogue_enumerates_content_fields =
            ContentCatalogueRule.ONLY_THE_CATALOGUE_ENUMERATES_CONTENT_FIELDS;

    @ArchTest
    static void every_package_says_what_lives_there(JavaClasses classes) {
        PackageInfos.assertEveryPackageHasOne();
    }
}
