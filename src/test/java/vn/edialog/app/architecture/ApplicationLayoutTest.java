package vn.edialog.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application is cut by the people it serves (docs/architecture.md, "The application's packages"): its packages
 * depend on each other without cycles, and only the packages that own tables touch the database.
 */
class ApplicationLayoutTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.edialog.app");

    private static final String[] JDBC = {"org.springframework.jdbc..", "java.sql..", "javax.sql.."};

    @Test
    void theApplicationsPackagesAreFreeOfCycles() {
        slices().matching("vn.edialog.app.(*)..").should().beFreeOfCycles().check(APP);
    }

    /**
     * The read models live in the query module; here only the submission (nonces, tracking codes, receipts), the
     * notifications' outbox, the operators' tools and the rate limits keep tables. Pages and APIs read through them.
     */
    @Test
    void onlyThePackagesThatOwnTablesTouchTheDatabase() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "vn.edialog.app.asker..",
                        "vn.edialog.app.official..",
                        "vn.edialog.app.portal..",
                        "vn.edialog.app.tracking..",
                        "vn.edialog.app.reports..",
                        "vn.edialog.app.access..",
                        "vn.edialog.app.tenant..",
                        "vn.edialog.app.pki..")
                .or()
                .resideInAPackage("vn.edialog.app.web..")
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("RateLimits")))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JDBC)
                .check(APP);
    }

    @Test
    void controllersNeverTouchTheDatabase() {
        noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JDBC)
                .check(APP);
    }

    /**
     * Pages and APIs read a read model through its {@code *Queries}; its {@code *Projection} (the only writer of its
     * tables) is wired and rebuilt by the processors' configuration alone.
     */
    @Test
    void onlyTheProcessorsConfigurationKnowsTheProjections() {
        noClasses()
                .that()
                .resideOutsideOfPackage("vn.edialog.app.operations.processing..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("vn.edialog.query..")
                        .and(JavaClass.Predicates.simpleNameEndingWith("Projection")))
                .check(APP);
    }
}
