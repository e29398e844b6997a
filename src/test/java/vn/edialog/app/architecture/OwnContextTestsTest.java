package vn.edialog.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every integration test class with an application context of its own is named in the pom's {@code own.context.its},
 * so that it runs in a JVM of its own and never beside the shared context (see the failsafe configuration), and every
 * name there is such a class.
 */
class OwnContextTestsTest {

    private static final List<String> OWN_CONTEXT = List.of(
            "@TestPropertySource",
            "@DynamicPropertySource",
            "@Import(",
            "@TwoProvincesIntegrationTest",
            "@AutoConfigureObservability");

    @Test
    void everyIntegrationTestWithAContextOfItsOwnRunsInItsOwnJvm() throws IOException {
        Matcher listed = Pattern.compile("<own.context.its>%regex\\[\\.\\*/\\(([^)]*)\\)")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(listed.find()).as("own.context.its in src/pom.xml").isTrue();
        Set<String> inPom = new TreeSet<>(List.of(listed.group(1).split("\\|")));

        Set<String> ownContext = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("test/java"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("IT.java"))
                    .toList()) {
                String source = Files.readString(file);
                if (OWN_CONTEXT.stream().anyMatch(source::contains)) {
                    ownContext.add(file.getFileName().toString().replace(".java", ""));
                }
            }
        }

        assertThat(inPom).isEqualTo(ownContext);
    }
}
