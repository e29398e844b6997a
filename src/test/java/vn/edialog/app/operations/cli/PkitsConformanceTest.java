package vn.edialog.app.operations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The public conformance run of {@code certs check --profile rfc5280} over NIST PKITS ({@code shared/corpora} beside
 * the repository, or {@code EDIALOG_CORPORA}): every valid path accepted, no invalid one. Without the corpus it is
 * skipped on a developer machine and fails under {@code CI=true}.
 */
class PkitsConformanceTest {

    private static Path corpus() {
        String configured = System.getenv("EDIALOG_CORPORA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, "nist-pkits");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpora").resolve("nist-pkits");
            if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void certsCheckWithTheRfc5280ProfileAcceptsEveryValidPkitsPathAndNoInvalidOne() throws Exception {
        Path corpus = corpus();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(corpus)
                    .as("CI=true needs shared/corpora/nist-pkits beside the repository")
                    .isNotNull();
        }
        Assumptions.assumeTrue(corpus != null, "NIST PKITS corpus not available");

        PkitsConformance.Outcome outcome = PkitsConformance.run(corpus);

        outcome.lines().forEach(System.out::println);
        assertThat(outcome.disagreements()).isEmpty();
        assertThat(outcome.lines()).contains("total 75 of 75 valid accepted, 0 of 99 invalid accepted");
    }
}
