package org.knead.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.knead.testing.ContentCatalogueRule;
import org.knead.testing.PackageInfos;

@AnalyzeClasses(packages = "org.knead", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_does_not_depend_on_vaadin_web_or_lucene = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.apache.lucene..",
                    "org.springframework.web..", "jakarta.servlet..", "org.knead.search..", "org.knead.api..",
                    "org.knead.admin..");

    @ArchTest
    static final ArchRule core_does_not_read_the_wall_clock = noClasses()
            .should().callMethod(java.time.Instant.class, "now")
            .because("core takes the time from an injected Clock");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices().matching("org.knead.(*)..")
            .should().beFreeOfCycles()
            .because("each package of core builds on the ones below it, never back");

    @ArchTest
    static final ArchRule only_seed_reaches_into_the_store_package = noClasses().that()
            .resideOutsideOfPackages("org.knead.store..", "org.knead.seed..")
            .should().dependOnClassesThat().resideInAPackage("org.knead.store..")
            .because("the store package chooses and prepares the database; settings and the clock live in config");

    @ArchTest
    static final ArchRule actor_depends_on_no_other_knead_package = noClasses().that()
            .resideInAPackage("org.knead.actor..")
            .should().dependOnClassesThat(resideInAPackage("org.knead..").and(not(resideInAPackage("org.knead.actor.."))))
            .because("every other package names who acts; the actor names nothing back");

    @ArchTest
    static final ArchRule only_the_catalogue_enumerates_content_fields =
            ContentCatalogueRule.ONLY_THE_CATALOGUE_ENUMERATES_CONTENT_FIELDS;

    @ArchTest
    static void every_package_says_what_lives_there(JavaClasses classes) {
        PackageInfos.assertEveryPackageHasOne();
    }
}
