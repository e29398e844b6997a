package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

class RefusedDecisionIT extends DialogueProcessTestCase {

    @Test
    void aRefusedCommandFailsTheCompletionAndKeepsTheTaskOpen() {
        ask();
        actions.refuseNext(dialogue, new IllegalStateException("forward refused: the dialogue is not awaiting triage"));

        assertThatThrownBy(() -> complete(
                        TASK_TRIAGE, MODERATOR, Map.of("decision", "forward", "forwardTo", "skhdt", "note", "Ghi chú")))
                .hasMessageContaining("not awaiting triage");

        assertThat(task(TASK_TRIAGE)).isNotNull();
        assertThat(calls("forward")).isEmpty();
        assertThat(variable(DECISION)).as("the completion rolled back").isNull();
    }

    @Test
    void aFormWithoutItsRequiredFieldsSendsNothing() {
        ask();

        assertThatThrownBy(() -> complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "forward", "forwardTo", "skhdt")))
                .hasRootCauseInstanceOf(InvalidDecision.class)
                .hasMessageContaining("note is required");
        assertThatThrownBy(() -> complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "archive")))
                .hasRootCauseInstanceOf(InvalidDecision.class);

        assertThat(actions.calls(dialogue)).isEmpty();
        assertThat(task(TASK_TRIAGE)).isNotNull();
    }

    @Test
    void forwardingToTheModeratorItselfOrAnUnknownAgencySendsNothing() {
        ask();

        assertThatThrownBy(() -> complete(
                        TASK_TRIAGE, MODERATOR, Map.of("decision", "forward", "forwardTo", "ubnd", "note", "x")))
                .hasRootCauseInstanceOf(InvalidDecision.class);
        assertThatThrownBy(() -> complete(
                        TASK_TRIAGE, MODERATOR, Map.of("decision", "forward", "forwardTo", "so-khong-co", "note", "x")))
                .hasRootCauseInstanceOf(InvalidDecision.class);

        assertThat(actions.calls(dialogue)).isEmpty();
    }

    @Test
    void anAssignedTaskActsForItsAssigneeAndAnUnclaimedOneWithoutLoginFails() {
        ask();
        Task triage = task(TASK_TRIAGE);

        assertThatThrownBy(() -> tasks.complete(triage.getId(), Map.of("decision", "answer", "answer", "Trả lời")))
                .hasRootCauseInstanceOf(InvalidDecision.class)
                .hasMessageContaining("claim the task");
        tasks.claim(triage.getId(), "truong-phong");
        tasks.complete(triage.getId(), Map.of("decision", "answer", "answer", "Trả lời"));

        assertThat(calls("answer").get(0).official()).isEqualTo(new ActingOfficial("truong-phong", "demo", "ubnd"));
    }
}
