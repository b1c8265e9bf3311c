package org.knead.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.knead.testing.ContentCatalogueRule;
import org.knead.testing.PackageInfos;

@AnalyzeClasses(packages = "org.knead.admin", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule views_reach_the_store_only_through_core_services = noClasses()
            .that().resideInAPackage("org.knead.admin..")
            .and().resideOutsideOfPackage("org.knead.admin.health")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.knead.store..")
            .because("views wire components to core services and no more");

    @ArchTest
    static final ArchRule views_do_not_bypass_core_rules_through_the_revision_store = noClasses()
            .that().resideInAPackage("org.knead.admin..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.knead.revision.RevisionStore");

    @ArchTest
    static final ArchRule the_console_knows_no_lucene_and_not_the_public_index = noClasses()
            .that().resideInAPackage("org.knead.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.knead.search.internal..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.knead.search.SearchService")
            .because("the console searches through the search module's EditorSearch, a plain API");

    @ArchTest
    static final ArchRule only_the_catalogue_enumerates_content_fields =
            ContentCatalogueRule.ONLY_THE_CATALOGUE_ENUMERATES_CONTENT_FIELDS;

    @ArchTest
    static void every_package_says_what_lives_there(JavaClasses classes) {
        PackageInfos.assertEveryPackageHasOne();
    }
}
