package vn.edialog.query;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.junit.jupiter.api.Test;

/**
 * The read side speaks only the command side's published language, carries no Spring stereotypes, web or Camunda,
 * and no words for users; its projections are replayable: each has a reset handler, and no handler reads a clock.
 */
class QueryArchitectureTest {

    private static final JavaClasses QUERY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.edialog.query");

    @Test
    void theReadSideUsesOnlyTheCommandSidesPublishedLanguage() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("vn.edialog.command..")
                        .and(not(resideInAnyPackage(
                                "vn.edialog.command.dialogue.api..",
                                "vn.edialog.command.dialogue.lifecycle..",
                                "vn.edialog.command.tenant..",
                                "vn.edialog.command.calendar.."))))
                .check(QUERY);
    }

    @Test
    void theReadSideKnowsNoSpringStereotypesWebOrCamunda() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.stereotype..",
                        "org.springframework.context..",
                        "org.springframework.web..",
                        "jakarta.servlet..",
                        "org.camunda..",
                        "vn.edialog.processes..",
                        "vn.edialog.app..")
                .check(QUERY);
    }

    @Test
    void everyProjectionHasAResetHandler() {
        classes()
                .that()
                .areAnnotatedWith(ProcessingGroup.class)
                .should(new ArchCondition<JavaClass>("declare a @ResetHandler") {
                    @Override
                    public void check(JavaClass projection, ConditionEvents events) {
                        boolean resettable = projection.getMethods().stream()
                                .anyMatch(method -> method.isAnnotatedWith(ResetHandler.class));
                        events.add(new SimpleConditionEvent(
                                projection, resettable, projection.getName() + " has no @ResetHandler"));
                    }
                })
                .check(QUERY);
    }

    /** A projection only writes: what the application reads is in the read model's {@code *Queries}. */
    @Test
    void projectionsOfferNothingToReadOnlyTheirQueriesDo() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Projection")
                .should()
                .notBePublic()
                .check(QUERY);
    }

    @Test
    void noReadModelCodeReadsTheClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Clock.class)
                .check(QUERY);
    }

    /**
     * Rows keep codes and facts; the pages say them in the reader's language from the message bundles. A letter
     * outside ASCII in the code (comments aside) is a Vietnamese word that a page should have rendered.
     */
    @Test
    void theReadSideHoldsNoWordsForUsers() throws IOException {
        Pattern comments = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offenders = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> {
                        try {
                            String code =
                                    comments.matcher(Files.readString(path)).replaceAll("");
                            return code.chars().anyMatch(c -> c > 127 && Character.isLetter(c));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
