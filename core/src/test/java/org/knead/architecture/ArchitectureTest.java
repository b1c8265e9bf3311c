package org.knead.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
