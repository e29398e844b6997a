package vn.edialog.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps frameworks out of the write side's domain and the aggregate hidden behind its published language. */
class CommandArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.edialog.command");

    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "com.fasterxml.jackson..",
        "org.camunda..",
        "java.sql..",
        "javax.sql..",
        "jakarta.persistence..",
        "javax.persistence..",
        "jakarta.servlet..",
        "javax.servlet..",
        "jakarta.ws..",
        "org.hibernate..",
        "org.jdbi..",
        "io.micrometer.."
    };

    @Test
    void theAggregateAndThePublishedLanguageUseNoSpringJacksonCamundaJdbcOrWebTypes() {
        noClasses()
                .that()
                .resideInAnyPackage("vn.edialog.command.dialogue..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .check(CLASSES);
    }

    @Test
    void thePublishedLanguageDoesNotDependOnTheAggregatePackage() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.command.dialogue.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.edialog.command.dialogue")
                .check(CLASSES);
    }

    @Test
    void theAggregateAndItsHelpersAreNotPublicExceptTheTypeHandleForAxon() {
        classes()
                .that()
                .resideInAPackage("vn.edialog.command.dialogue")
                .and()
                .doNotHaveSimpleName("DialogueAggregate")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void onlyAxonAnnotationsTouchTheAggregate() {
        noClasses()
                .that()
                .resideInAPackage("vn.edialog.command.dialogue")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javax.annotation..", "jakarta.annotation..", "jakarta.inject..", "lombok..")
                .check(CLASSES);
    }
}
