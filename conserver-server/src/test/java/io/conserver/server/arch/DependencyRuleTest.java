package io.conserver.server.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.conserver.domain.archfixture.DomainClassUsingAFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal dependency rule, enforced on the compiled classes of every module: the domain stays
 * pure, adapters stay independent of each other, and only the server knows Dropwizard and Guice.
 */
class DependencyRuleTest {
    /** What the domain may import besides itself: the JDK, Jackson, JOSE, validation annotations, logging. */
    static final ArchRule DOMAIN_IS_PURE = noClasses().that().resideInAPackage("io.conserver.domain..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "io.conserver.domain..", "java..", "javax.crypto..", "javax.security..",
                    "com.fasterxml.jackson..", "com.nimbusds..", "jakarta.validation..", "org.slf4j..")
            .because("the domain holds only the vCon library and the ports (house style, decision 2)");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("io.conserver.adapters.(*)..")
            .should().notDependOnEachOther().allowEmptyShould(true)
            .because("each adapter plugs into the domain's ports, never into another adapter");

    static final ArchRule ONLY_SERVER_USES_FRAMEWORKS = noClasses().that().resideOutsideOfPackage("io.conserver.server..")
            .should().dependOnClassesThat().resideInAnyPackage("io.dropwizard..", "com.google.inject..")
            .allowEmptyShould(true)
            .because("Dropwizard and Guice wire the process; the rest must be usable without them");

    static final ArchRule APP_DOES_NOT_KNOW_ADAPTERS = noClasses().that().resideInAPackage("io.conserver.app..")
            .should().dependOnClassesThat().resideInAnyPackage("io.conserver.adapters..", "io.conserver.server..")
            .allowEmptyShould(true)
            .because("use cases talk to ports; the server chooses the adapters");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        // Modules arrive as target/classes or as jars, depending on the Maven phase; test classes and the
        // domain's test-jar (fixtures may use anything) are left out either way.
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.conserver");
        // Guard against a vacuous pass: the domain's and the server's classes must actually be imported.
        assertThat(production.contain("io.conserver.domain.vcon.Vcon")).isTrue();
        assertThat(production.contain("io.conserver.server.ConserverMain")).isTrue();
    }

    @Test
    void domainImportsOnlyTheJdkJacksonJoseValidationAndLogging() {
        DOMAIN_IS_PURE.check(production);
    }

    @Test
    void adaptersNeverImportEachOther() {
        ADAPTERS_ARE_INDEPENDENT.check(production);
    }

    @Test
    void onlyTheServerImportsDropwizardAndGuice() {
        ONLY_SERVER_USES_FRAMEWORKS.check(production);
    }

    @Test
    void applicationLayerDoesNotImportAdaptersOrServer() {
        APP_DOES_NOT_KNOW_ADAPTERS.check(production);
    }

    @Test
    void theDomainRuleCatchesAFrameworkImport() {
        JavaClasses offending = new ClassFileImporter().importClasses(DomainClassUsingAFramework.class);
        assertThat(DOMAIN_IS_PURE.evaluate(offending).hasViolation()).isTrue();
    }
}
