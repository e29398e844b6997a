package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;

class ExtensionIT extends DialogueProcessTestCase {

    static final Instant REQUESTED = vn(2025, 6, 26, 17, 0);

    @Test
    void acknowledgingGivesTheDepartmentItsTaskBack() {
        ask();
        Instant due = forwardNow();

        complete(TASK_ANSWER_FORWARD, OFFICER, Map.of("decision", "acknowledge"));
        assertThat(calls("acknowledge")).hasSize(1);
        assertThat(dialogueProcess()).isWaitingAt("Gateway_ForwardFollowUp").isNotWaitingAt(TASK_ANSWER_FORWARD);
        bridge.on(Events.acknowledged(dialogue, "skhdt", due, now()));

        assertThat(dialogueProcess())
                .hasPassed("Event_ForwardAcknowledged")
                .task(TASK_ANSWER_FORWARD)
                .isNotNull();
    }

    @Test
    void anApprovedExtensionMovesTheDueDateTheReminderAndTheEscalation() {
        ask();
        Instant due = forwardNow();
        requestExtension(due);

        assertThat(dialogueProcess())
                .task(TASK_ANSWER_FORWARD)
                .as("the department keeps working")
                .isNotNull();
        var decide = task(TASK_DECIDE_EXTENSION);
        assertThat(decide).hasName("Gia hạn: Thủ tục thành lập chi nhánh — skhdt");
        assertThat(tasks.getIdentityLinksForTask(decide.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("demo-ubnd-moderators");

        at(vn(2025, 6, 10, 10, 0));
        complete(TASK_DECIDE_EXTENSION, MODERATOR, Map.of("decision", "approve"));
        assertThat(calls("extend"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(REQUESTED));
        bridge.on(Events.extended(dialogue, "skhdt", due, REQUESTED, now()));

        assertThat(dialogueProcess())
                .hasPassed("BoundaryEvent_DeadlineExtended")
                .isNotWaitingAt(TASK_DECIDE_EXTENSION);
        assertThat(dialogueProcess()).task(TASK_ANSWER_FORWARD).hasDueDate(Date.from(REQUESTED));
        advanceTo(vn(2025, 6, 19, 17, 1));
        assertThat(calls("escalate")).as("the old deadline no longer counts").isEmpty();
        advanceTo(vn(2025, 6, 26, 17, 1));
        assertThat(calls("escalate"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(STEP_ANSWER, 1, "demo-skhdt-leaders", REQUESTED));
    }

    @Test
    void aRefusedExtensionKeepsTheDueDate() {
        ask();
        Instant due = forwardNow();
        requestExtension(due);

        complete(TASK_DECIDE_EXTENSION, MODERATOR, Map.of("decision", "refuse", "refusalReason", "Đủ thời gian"));
        assertThat(calls("refuseExtension").get(0).fields()).containsExactly("Đủ thời gian");
        bridge.on(Events.extensionRefused(dialogue, "skhdt", REQUESTED, now()));

        assertThat(dialogueProcess())
                .hasPassed("Event_ExtensionRefused", "EndEvent_ExtensionRefused")
                .isNotWaitingAt(TASK_DECIDE_EXTENSION);
        assertThat(dialogueProcess()).task(TASK_ANSWER_FORWARD).hasDueDate(Date.from(due));
        advanceTo(vn(2025, 6, 19, 17, 1));
        assertThat(calls("escalate")).hasSize(1);
    }

    @Test
    void anExtensionBeyondThePolicyIsNeitherRequestedNorApproved() {
        ask();
        Instant due = forwardNow();

        assertThatThrownBy(() -> complete(
                        TASK_ANSWER_FORWARD,
                        OFFICER,
                        Map.of(
                                "decision",
                                "requestExtension",
                                "requestedDueDate",
                                "2025-07-04",
                                "extensionReason",
                                "x")))
                .hasRootCauseInstanceOf(InvalidDecision.class)
                .hasMessageContaining("at most 10 working days");
        requestExtension(due);
        assertThatThrownBy(() -> complete(
                        TASK_DECIDE_EXTENSION, MODERATOR, Map.of("decision", "approve", "newDueDate", "2025-07-04")))
                .hasRootCauseInstanceOf(InvalidDecision.class);

        assertThat(calls("extend")).isEmpty();
    }

    @Test
    void theExtensionFormsReadDaysAsVietnameseWriteThemAndShowNamesAndLocalTimes() {
        ask();
        Instant due = forwardNow();
        assertThat(variable("answerDueAtText")).isEqualTo(Values.localText(due));
        assertThat(variable("departmentName")).isEqualTo("Sở Kế hoạch và Đầu tư");
        assertThat(variable("extensionMaxText")).isEqualTo("10 ngày làm việc (working days)");
        assertThatThrownBy(() -> complete(
                        TASK_ANSWER_FORWARD,
                        OFFICER,
                        Map.of(
                                "decision",
                                "requestExtension",
                                "requestedDueDate",
                                "31/06/2025",
                                "extensionReason",
                                "x")))
                .hasRootCauseInstanceOf(InvalidDecision.class)
                .hasMessageContaining("dd/MM/yyyy");

        requestExtension(due);

        assertThat(variable("requestedDueDateText")).isEqualTo("26/06/2025 17:00");
    }

    private void requestExtension(Instant due) {
        complete(
                TASK_ANSWER_FORWARD,
                OFFICER,
                Map.of(
                        "decision",
                        "requestExtension",
                        "requestedDueDate",
                        "26/06/2025",
                        "extensionReason",
                        "Cần thêm"));
        assertThat(calls("requestExtension"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(REQUESTED, "Cần thêm"));
        bridge.on(Events.extensionRequested(dialogue, "skhdt", due, REQUESTED, now()));
    }
}
