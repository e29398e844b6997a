package vn.edialog.command.dialogue.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state diagram in docs/architecture.md is rendered from {@link DialogueLifecycle}, so the documented lifecycle
 * cannot drift from the table the aggregate and the read models use. When the table changes, regenerate the block with
 * {@code -Dlifecycle.write=true}; the test then rewrites it instead of failing.
 */
class LifecycleDiagramTest {

    static final Path DOCS = Path.of("..", "docs", "architecture.md");
    static final String SECTION = "## The dialogue's lifecycle";
    static final String BEGIN = "<!-- lifecycle:begin -->";
    static final String END = "<!-- lifecycle:end -->";
    static final String WRITE_PROPERTY = "lifecycle.write";

    /**
     * A Mermaid {@code stateDiagram-v2}: the start, then one line per allowed transition, stages and actions in
     * declaration order. An action that keeps the stage is drawn as a loop on it.
     */
    static String render() {
        StringBuilder diagram = new StringBuilder("```mermaid\nstateDiagram-v2\n");
        diagram.append("    [*] --> ")
                .append(DialogueLifecycle.start())
                .append(" : ")
                .append(Action.ASK)
                .append('\n');
        for (Stage from : Stage.values()) {
            for (Map.Entry<Action, Stage> transition :
                    DialogueLifecycle.row(from).entrySet()) {
                diagram.append("    ")
                        .append(from)
                        .append(" --> ")
                        .append(transition.getValue())
                        .append(" : ")
                        .append(transition.getKey())
                        .append('\n');
            }
        }
        return diagram.append("```\n").toString();
    }

    @Test
    void theRenderingFollowsTheTableInDeclarationOrder() {
        String diagram = render();
        assertThat(diagram).isEqualTo(render());
        assertThat(diagram)
                .startsWith("```mermaid\nstateDiagram-v2\n    [*] --> TRIAGE : ASK\n")
                .contains("    TRIAGE --> CLARIFICATION_IN_TRIAGE : REQUEST_CLARIFICATION\n")
                .contains("    CLOSED --> TRIAGE : REOPEN\n")
                .endsWith("    REJECTED --> REJECTED : WITHDRAW_PUBLICATION\n```\n");
        long transitions =
                diagram.lines().filter(line -> line.contains(" --> ")).count();
        long allowed = 1
                + Arrays.stream(Stage.values())
                        .mapToLong(stage -> DialogueLifecycle.row(stage).size())
                        .sum();
        assertThat(transitions).isEqualTo(allowed);
    }

    @Test
    void theArchitectureShowsTheLifecycleAsTheTableSaysIt() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        String expected = render();
        int section = docs.indexOf(SECTION + "\n");
        assertThat(section).as("%s has the section \"%s\"", DOCS, SECTION).isNotNegative();
        int sectionEnd = docs.indexOf("\n## ", section + SECTION.length());
        if (sectionEnd < 0) {
            sectionEnd = docs.length();
        }
        int begin = docs.indexOf(BEGIN, section);
        int end = docs.indexOf(END, section);
        boolean marked = begin >= 0 && end > begin && end < sectionEnd;
        String documented = marked ? docs.substring(begin + BEGIN.length() + 1, end) : null;
        if (expected.equals(documented)) {
            return;
        }
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            String block = BEGIN + "\n" + expected + END;
            String rewritten = marked
                    ? docs.substring(0, begin) + block + docs.substring(end + END.length())
                    : docs.substring(0, sectionEnd) + "\n" + block + "\n" + docs.substring(sectionEnd);
            Files.writeString(DOCS, rewritten, StandardCharsets.UTF_8);
            return;
        }
        fail((marked
                        ? "The lifecycle diagram in " + DOCS + " differs from DialogueLifecycle."
                        : "The section \"" + SECTION + "\" of " + DOCS + " has no block between " + BEGIN + " and "
                                + END + ".")
                + " Regenerate it with: ./mvnw -o test -pl command -Dtest=LifecycleDiagramTest -D" + WRITE_PROPERTY
                + "=true\nExpected block:\n" + expected + "Documented block:\n" + documented);
    }
}
