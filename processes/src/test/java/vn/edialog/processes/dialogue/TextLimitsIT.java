package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.DeadlineExtensionRequested;
import vn.edialog.command.dialogue.api.DialogueAsked;

/**
 * Every text of an event reaches the engine at its documented maximum (subject and names 300, texts 20,000, reasons
 * 2,000 characters, multi-byte Vietnamese with characters outside the BMP) and the engine stores it: task names and
 * variables fit the limits read from Camunda's own schema at run time.
 */
class TextLimitsIT extends DialogueProcessTestCase {

    /** The write side's documented maxima ({@code command/.../dialogue/Inputs.java}). */
    static final int SUBJECT_MAX = 300;

    static final int TEXT_MAX = 20_000;
    static final int REASON_MAX = 2_000;

    private int taskNameMax;
    private int variableTextMax;

    @BeforeEach
    void readLimitsFromTheSchema() throws SQLException {
        taskNameMax = Math.min(limit("act_ru_task", "name_"), limit("act_hi_taskinst", "name_"));
        variableTextMax = Math.min(limit("act_ru_variable", "text_"), limit("act_hi_varinst", "text_"));
        assertThat(FittingTexts.TASK_NAME_MAX).isEqualTo(taskNameMax);
        assertThat(FittingTexts.VARIABLE_TEXT_MAX).isLessThanOrEqualTo(variableTextMax);
    }

    @Test
    void aSubjectAndAskerNameAtTheirMaximumGiveATriageTaskWhoseNameFits() {
        bridge.on(askedAtTheLimits());

        Task triage = task(TASK_TRIAGE);
        assertThat(triage).as("the triage task was created").isNotNull();
        assertFits(triage.getName(), taskNameMax);
        assertThat(triage.getName()).startsWith("Phân loại: ").endsWith("…");
        assertThat(variable(SUBJECT)).isEqualTo(text(SUBJECT_MAX));
    }

    @Test
    void aClarificationRequestAtItsMaximumIsKeptShortenedToTheVariableLimit() {
        bridge.on(askedAtTheLimits());
        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "clarify", "clarificationRequest", "Xin bổ sung"));

        bridge.on(new ClarificationRequested(
                dialogue, text(TEXT_MAX), now().plusSeconds(86_400), "ubnd", Events.official("ubnd"), now(), null));

        String kept = (String) variable("clarificationRequested");
        assertFits(kept, variableTextMax);
        assertThat(kept).startsWith(text(100)).endsWith("…");
    }

    @Test
    void anAnswerTaskAndAnExtensionDecisionAtTheLimitsHaveNamesThatFit() {
        bridge.on(askedAtTheLimits());
        java.time.Instant due = forwardNow();
        assertFits(task(TASK_ANSWER_FORWARD).getName(), taskNameMax);

        complete(
                TASK_ANSWER_FORWARD,
                OFFICER,
                Map.of("decision", "requestExtension", "requestedDueDate", "2025-06-26", "extensionReason", "Cần"));
        bridge.on(new DeadlineExtensionRequested(
                dialogue,
                1,
                "skhdt",
                due,
                vn(2025, 6, 26, 17, 0),
                text(REASON_MAX),
                Events.official("skhdt"),
                now(),
                null));

        Task decide = task(TASK_DECIDE_EXTENSION);
        assertThat(decide).as("the extension decision task was created").isNotNull();
        assertFits(decide.getName(), taskNameMax);
        assertThat(variable(REQUESTED_EXTENSION_REASON)).isEqualTo(text(REASON_MAX));
    }

    @Test
    void aTaskOfAModelAddedLaterIsCoveredWithoutTheModelKnowing() {
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "publish.bpmn",
                        Bpmn.createExecutableProcess("PublishTextLimits")
                                .startEvent()
                                .userTask("Task_PublishAnswer")
                                .name("Công bố: ${subject}")
                                .endEvent()
                                .done())
                .deploy();

        String instance = runtime.startProcessInstanceByKey("PublishTextLimits", Map.of(SUBJECT, text(SUBJECT_MAX)))
                .getId();

        Task publish = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertFits(publish.getName(), taskNameMax);
        assertThat(publish.getName()).startsWith("Công bố: ").endsWith("…");
    }

    private DialogueAsked askedAtTheLimits() {
        return new DialogueAsked(
                dialogue,
                Events.TENANT,
                "DEMO-2025-000124",
                Events.TOPIC,
                text(SUBJECT_MAX),
                text(TEXT_MAX),
                false,
                List.of(),
                "ubnd",
                calendar.dueAt(now(), 2),
                new vn.edialog.command.dialogue.api.Actor(
                        Events.ASKER.kind(), Events.ASKER.id(), text(SUBJECT_MAX), null),
                now(),
                null);
    }

    /** Exactly {@code codePoints} characters of Vietnamese with diacritics and a character outside the BMP. */
    static String text(int codePoints) {
        String unit = "Ngập lụt ở Đồng Tháp, xin hỗ trợ khẩn 🌊 ";
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < codePoints) {
            text.append(unit);
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static void assertFits(String value, int max) {
        assertThat(value.codePointCount(0, value.length())).isLessThanOrEqualTo(max);
        assertThat(value.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .as("no broken surrogate pair")
                .isTrue();
    }

    private int limit(String table, String column) throws SQLException {
        DataSource data = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = data.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT character_maximum_length FROM information_schema.columns"
                                + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as(table + "." + column + " exists").isTrue();
                return row.getInt(1);
            }
        }
    }
}
