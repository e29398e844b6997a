package vn.edialog.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.edialog.command.pki.GeneratedPki;
import vn.edialog.command.pki.TestPki;

/**
 * Dependencies point one way (docs/architecture.md), {@code src → query, processes → command} and {@code processes → bpmn};
 * the write side knows no framework but Axon's annotations, and nothing but the application knows the web.
 */
class ModuleBoundariesTest {

    /** Every module's main code only: neither test classes nor test-jars (which Maven may resolve to jar files). */
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("vn.edialog");

    @Test
    void theCommandSideDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.edialog.query..", "vn.edialog.processes..", "vn.edialog.app..")
                .check(PRODUCT);
    }

    @Test
    void theCommandSideUsesNoSpringCamundaJdbcOrWeb() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.camunda..", "java.sql..", "javax.sql..", "jakarta.servlet..")
                .check(PRODUCT);
    }

    @Test
    void theReadSideKnowsNeitherProcessesNorTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.edialog.processes..", "vn.edialog.app..", "org.camunda..")
                .check(PRODUCT);
    }

    @Test
    void processesKnowNeitherTheReadSideNorTheApplication() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.processes..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.edialog.query..", "vn.edialog.app..")
                .allowEmptyShould(true)
                .check(PRODUCT);
    }

    @Test
    void theReadAndProcessSidesSpeakOnlyTheCommandSidesPublishedLanguage() {
        noClasses()
                .that()
                .resideInAnyPackage("vn.edialog.query..", "vn.edialog.processes..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.edialog.command.dialogue")
                .allowEmptyShould(true)
                .check(PRODUCT);
    }

    @Test
    void onlyTheApplicationTouchesTheWeb() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.edialog.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..")
                .check(PRODUCT);
    }

    @Test
    void theTestPkiWithItsExpiredRevokedAndWeakCertificatesIsNoPartOfTheProduct() {
        assertThat(PRODUCT.contain(GeneratedPki.class)).isTrue();
        noClasses()
                .should()
                .haveFullyQualifiedName(TestPki.class.getName())
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName(TestPki.class.getName())
                .check(PRODUCT);
    }
}
