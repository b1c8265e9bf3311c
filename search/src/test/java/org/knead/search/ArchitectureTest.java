package org.knead.search;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.knead.testing.ContentCatalogueRule;
import org.knead.testing.PackageInfos;

@AnalyzeClasses(packages = "org.knead.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule search_does_not_depend_on_http_or_vaadin = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.knead.api..", "org.knead.admin..")
            .because("search is a library for the public API and the console, not a web layer");

    @ArchTest
    static final ArchRule search_reads_the_store_only_through_core = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.bson..", "org.knead.store..")
            .because("search follows the publication log and reads public copies through core");

    @ArchTest
    static final ArchRule search_sees_core_only_as_content_and_the_publication_log = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.knead..")
                    .and(DescribedPredicate.not(resideInAnyPackage("org.knead.search..",
                            "org.knead.content..", "org.knead.publication.."))))
            .because("search indexes what is public and never writes, reviews or publishes");

    @ArchTest
    static final ArchRule lucene_stays_in_search_internal_and_the_service = noClasses().that()
            .resideOutsideOfPackage("org.knead.search.internal..")
            .and().doNotHaveFullyQualifiedName(SearchService.class.getName())
            .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
            .because("requests, answers and settings are plain types; the service holds the index searcher");

    @ArchTest
    static final ArchRule the_search_api_shows_no_lucene_type = codeUnits().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("org.knead.search")
            .should(exposeNoTypeFrom("org.apache.lucene"))
            .because("callers of search must not need Lucene");

    @ArchTest
    static final ArchRule internal_does_not_call_back_into_the_service = noClasses().that()
            .resideInAPackage("org.knead.search.internal..")
            .should().dependOnClassesThat().haveNameMatching("org\\.knead\\.search\\.Search(Service|Configuration)(\\$.*)?")
            .because("the service uses internal, not the other way round");

    @ArchTest
    static final ArchRule only_the_catalogue_enumerates_content_fields =
            ContentCatalogueRule.ONLY_THE_CATALOGUE_ENUMERATES_CONTENT_FIELDS;

    @ArchTest
    static void every_package_says_what_lives_there(JavaClasses classes) {
        PackageInfos.assertEveryPackageHasOne();
    }

    private static ArchCondition<JavaCodeUnit> exposeNoTypeFrom(String packagePrefix) {
        return new ArchCondition<>("expose no type from " + packagePrefix) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> exposed = new ArrayList<>(unit.getRawParameterTypes());
                exposed.add(unit.getRawReturnType());
                exposed.addAll(unit.getThrowsClause().getTypes());
                for (JavaClass type : exposed) {
                    if (type.getPackageName().startsWith(packagePrefix)) {
                        events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
