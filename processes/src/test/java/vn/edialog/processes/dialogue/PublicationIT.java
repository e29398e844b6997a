package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.CloseReason;

/**
 * The publication decision: every answer of a non-confidential dialogue whose asker agreed gives the moderators a
 * {@code Task_PublishAnswer} in its own {@code PublicationProcess}, which never holds up the dialogue's lifecycle.
 */
class PublicationIT extends DialogueProcessTestCase {

    private static final Instant ANSWER_DUE = vn(2025, 6, 9, 17, 0);

    private void answerInTriage(String answer, long sequence) {
        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "answer", "answer", answer));
        bridge.on(Events.answered(dialogue, answer, "ubnd", false, ANSWER_DUE, now()), sequence);
    }

    private List<Task> publicationTasks() {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(dialogue.toString())
                .taskDefinitionKey(TASK_PUBLISH_ANSWER)
                .list();
    }

    @Test
    void anAnswerGivesTheModeratorsAPublicationTaskDueInWorkingDaysWithWhatThePortalWouldShow() {
        ask();
        Instant answeredAt = now();
        answerInTriage("Câu trả lời của UBND", 4L);

        Task task = task(TASK_PUBLISH_ANSWER);
        assertThat(task.getName()).isEqualTo("Công bố: Thủ tục thành lập chi nhánh");
        assertThat(task.getDueDate()).isEqualTo(Date.from(calendar.dueAt(answeredAt, 5)));
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("demo-ubnd-moderators");
        Map<String, Object> form = tasks.getVariables(task.getId());
        assertThat(form)
                .containsEntry(PUBLIC_SUBJECT, "Thủ tục thành lập chi nhánh")
                .containsEntry(PUBLIC_QUESTION, "Xin hướng dẫn thủ tục thành lập chi nhánh tại tỉnh.")
                .containsEntry(PUBLIC_ANSWER, "Câu trả lời của UBND")
                .containsEntry(ANSWERING_AGENCY_NAME, "Ủy ban nhân dân tỉnh Demo")
                .containsEntry(REDACTED_ANSWER, "Câu trả lời của UBND");
        assertThat((String) form.get(ANSWERED_AT_TEXT)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(waitingAt()).as("the dialogue goes on meanwhile").containsExactly("Gateway_RatingWindow");

        complete(TASK_PUBLISH_ANSWER, MODERATOR, Map.of("decision", "publish"));
        assertThat(calls("publish")).hasSize(1);
        assertThat(calls("publish").get(0).official().agency()).isEqualTo("ubnd");
        assertThat(publicationTasks()).isEmpty();
    }

    @Test
    void aRedactedPublicationSendsTheModeratorsTexts() {
        ask();
        answerInTriage("Câu trả lời có tên người", 4L);
        complete(
                TASK_PUBLISH_ANSWER,
                MODERATOR,
                Map.of(
                        "decision", "publish-redacted",
                        "redactedSubject", "Thủ tục thành lập chi nhánh",
                        "redactedBody", "Xin hướng dẫn thủ tục.",
                        "redactedAnswer", "Câu trả lời [đã ẩn]"));
        assertThat(calls("publishRedacted").get(0).fields())
                .containsExactly("Thủ tục thành lập chi nhánh", "Xin hướng dẫn thủ tục.", "Câu trả lời [đã ẩn]");
    }

    @Test
    void keepingPrivateNeedsAReasonAndARefusalLeavesTheTaskOpen() {
        ask();
        answerInTriage("Câu trả lời", 4L);
        assertThatThrownBy(() -> complete(TASK_PUBLISH_ANSWER, MODERATOR, Map.of("decision", "keep-private")))
                .hasMessageContaining("keepPrivateReason is required");
        assertThat(publicationTasks()).hasSize(1);

        complete(
                TASK_PUBLISH_ANSWER, MODERATOR, Map.of("decision", "keep-private", "keepPrivateReason", "Hồ sơ riêng"));
        assertThat(calls("keepPrivate").get(0).fields()).containsExactly("Hồ sơ riêng");
    }

    @Test
    void aConfidentialDialogueGivesNoPublicationTask() {
        bridge.on(Events.asked(dialogue, now(), calendar.dueAt(now(), 2), true, null));
        answerInTriage("Câu trả lời", 4L);
        assertThat(publicationTasks()).isEmpty();
        assertThat(waitingAt()).containsExactly("Gateway_RatingWindow");
    }

    @Test
    void withoutTheAskersConsentThereIsNoPublicationTask() {
        bridge.on(Events.asked(dialogue, now(), calendar.dueAt(now(), 2), false, false));
        answerInTriage("Câu trả lời", 4L);
        assertThat(publicationTasks()).isEmpty();
    }

    @Test
    void aRedeliveredAnswerStartsNoSecondDecision() {
        ask();
        answerInTriage("Câu trả lời", 4L);
        bridge.on(Events.answered(dialogue, "Câu trả lời", "ubnd", false, ANSWER_DUE, now()), 4L);
        assertThat(publicationTasks()).hasSize(1);
    }

    @Test
    void thePendingDecisionOutlivesClosingAndANewAnswerAfterAReopenReplacesIt() {
        ask();
        Instant answeredAt = now();
        answerInTriage("Câu trả lời thứ nhất", 4L);

        advanceTo(answeredAt.plus(Duration.ofDays(7)));
        Instant reopenableUntil = now().plus(Duration.ofDays(30));
        bridge.on(Events.closed(dialogue, CloseReason.RATING_WINDOW_ELAPSED, reopenableUntil, now()));
        assertThat(waitingAt()).containsExactly("Gateway_ReopenWindow");
        assertThat(publicationTasks())
                .as("closing does not wait for, nor end, the decision")
                .hasSize(1);

        bridge.on(Events.reopened(dialogue, calendar.dueAt(now(), 2), now()));
        assertThat(publicationTasks())
                .as("a reopen alone keeps the pending decision")
                .hasSize(1);
        answerInTriage("Câu trả lời thứ hai", 9L);

        assertThat(publicationTasks()).hasSize(1);
        assertThat(tasks.getVariable(task(TASK_PUBLISH_ANSWER).getId(), PUBLIC_ANSWER))
                .isEqualTo("Câu trả lời thứ hai");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .activityId("EndEvent_PublicationSuperseded")
                        .list())
                .extracting(a -> history.createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey())
                .containsExactly(dialogue.toString());
    }
}
