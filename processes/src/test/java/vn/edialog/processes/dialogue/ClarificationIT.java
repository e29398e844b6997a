package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.edialog.command.dialogue.api.CloseReason;
import vn.edialog.command.dialogue.api.DialogueStatus;

class ClarificationIT extends DialogueProcessTestCase {

    @Test
    void aClarificationInTriageWaitsForTheAskerThenReturnsToTriage() {
        ask();

        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "clarify", "clarificationRequest", "Xin bổ sung"));
        Instant dueAt = (Instant) calls("requestClarification").get(0).fields().get(1);
        assertThat(dueAt).as("15 working days").isEqualTo(vn(2025, 6, 26, 17, 0));
        bridge.on(Events.clarificationRequested(dialogue, "ubnd", dueAt, now()));
        assertThat(dialogueProcess())
                .isWaitingAt("Gateway_TriageClarificationOutcome")
                .isNotWaitingAt(TASK_TRIAGE);

        at(vn(2025, 6, 12, 9, 0));
        bridge.on(Events.clarificationProvided(dialogue, DialogueStatus.AWAITING_TRIAGE, now()));

        assertThat(dialogueProcess())
                .hasPassed("Event_TriageClarificationProvided")
                .task(TASK_TRIAGE)
                .isNotNull();
        assertThat(calls("closeAutomatically")).isEmpty();
    }

    @Test
    void anUnansweredClarificationClosesTheDialogueWhichMayBeReopenedWithinItsWindow() {
        ask();
        complete(TASK_TRIAGE, MODERATOR, Map.of("decision", "clarify", "clarificationRequest", "Xin bổ sung"));
        Instant dueAt = (Instant) calls("requestClarification").get(0).fields().get(1);
        bridge.on(Events.clarificationRequested(dialogue, "ubnd", dueAt, now()));

        advanceTo(vn(2025, 6, 26, 17, 1));

        Instant reopenableUntil = now().plus(Duration.ofDays(30));
        assertThat(calls("closeAutomatically"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(CloseReason.CLARIFICATION_TIMEOUT, reopenableUntil));
        assertThat(waitingAt()).containsExactly("Event_DialogueClosed");
        assertThat(calls("escalate"))
                .as("the triage stayed open during the wait, as the write side sees it")
                .hasSize(2);

        bridge.on(Events.closed(dialogue, CloseReason.CLARIFICATION_TIMEOUT, reopenableUntil, now()));
        assertThat(waitingAt()).containsExactly("Gateway_ReopenWindow");

        at(vn(2025, 7, 1, 9, 0));
        bridge.on(Events.reopened(dialogue, calendar.dueAt(now(), 2), now()));

        assertThat(task(TASK_TRIAGE).getDueDate()).isEqualTo(java.util.Date.from(vn(2025, 7, 3, 17, 0)));
        assertThat(variable(TRIAGE_ESCALATION_LEVEL)).isEqualTo(0);
    }

    @Test
    void aDepartmentsUnansweredClarificationClosesTheStageWithItsPendingExtensionDecision() {
        ask();
        Instant due = forwardNow();
        complete(
                TASK_ANSWER_FORWARD,
                OFFICER,
                Map.of(
                        "decision",
                        "requestExtension",
                        "requestedDueDate",
                        "2025-06-26",
                        "extensionReason",
                        "Cần thêm"));
        bridge.on(Events.extensionRequested(dialogue, "skhdt", due, vn(2025, 6, 26, 17, 0), now()));
        complete(TASK_ANSWER_FORWARD, OFFICER, Map.of("decision", "clarify", "clarificationRequest", "Xin bổ sung"));
        Instant clarificationDue =
                (Instant) calls("requestClarification").get(0).fields().get(1);
        bridge.on(Events.clarificationRequested(dialogue, "skhdt", clarificationDue, now()));
        assertThat(task(TASK_DECIDE_EXTENSION)).isNotNull();

        advanceTo(clarificationDue.plusSeconds(60));

        assertThat(calls("closeAutomatically")).hasSize(1);
        assertThat(task(TASK_DECIDE_EXTENSION)).isNull();
        assertThat(waitingAt()).containsExactly("Event_DialogueClosed");
    }
}
