package vn.edialog.processes.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

class RemindersAndEscalationIT extends DialogueProcessTestCase {

    @Test
    void theTriageReminderFiresAtTheEndOfTheFirstWorkingDayOnceAndRaisesThePriority() {
        ask();

        advanceTo(vn(2025, 6, 6, 16, 59));
        assertThat(reminders.sent(dialogue)).isEmpty();
        assertThat(dialogueProcess()).hasNotPassed("BoundaryEvent_TriageReminderDue");

        advanceTo(vn(2025, 6, 7, 9, 0));
        assertThat(reminders.sent(dialogue))
                .containsExactly(new RecordingReminders.Reminder(
                        dialogue, STEP_TRIAGE, "demo-ubnd-moderators", vn(2025, 6, 9, 17, 0)));
        assertThat(dialogueProcess())
                .hasPassed("BoundaryEvent_TriageReminderDue", "Task_RemindTriage", "EndEvent_TriageReminded")
                .isWaitingAt(TASK_TRIAGE);
        assertThat(task(TASK_TRIAGE).getPriority()).isEqualTo(REMINDED_PRIORITY);
        assertThat(calls("escalate")).as("Saturday and Sunday do not count").isEmpty();

        advanceTo(vn(2025, 6, 9, 16, 0));
        assertThat(reminders.sent(dialogue)).hasSize(1);
        assertThat(calls("escalate")).isEmpty();
        assertThat(dialogueProcess()).hasNotPassed("BoundaryEvent_TriageDeadlinePassed");
    }

    @Test
    void theTetBreakDoesNotCountTowardsTheTriageDeadline() {
        at(vn(2026, 2, 13, 10, 0)); // Friday before Tết Bính Ngọ: 14 to 22 February 2026 are not worked
        ask();

        advanceTo(vn(2026, 2, 20, 17, 1));
        assertThat(reminders.sent(dialogue)).as("nothing runs during Tết").isEmpty();
        assertThat(calls("escalate")).isEmpty();

        advanceTo(vn(2026, 2, 23, 17, 1));
        assertThat(reminders.sent(dialogue))
                .containsExactly(new RecordingReminders.Reminder(
                        dialogue, STEP_TRIAGE, "demo-ubnd-moderators", vn(2026, 2, 24, 17, 0)));
        assertThat(calls("escalate")).isEmpty();

        advanceTo(vn(2026, 2, 24, 17, 1));
        assertThat(calls("escalate"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(STEP_TRIAGE, 1, "demo-ubnd-leaders", vn(2026, 2, 24, 17, 0)));
    }

    @Test
    void aFailingEscalationIsRetriedThenRaisesAnIncidentVisibleInCockpit() {
        ask();
        advanceTo(vn(2025, 6, 9, 16, 0)); // the reminder has run
        at(vn(2025, 6, 9, 17, 1));
        String processId = process().getId();
        Job escalation = management
                .createJobQuery()
                .processInstanceId(processId)
                .executable()
                .singleResult();
        String jobId = escalation.getId();
        // The model retries a failing timer five times, ten minutes apart (R5/PT10M).
        for (int attempt = 1; attempt <= 5; attempt++) {
            actions.refuseNext(dialogue, new IllegalStateException("HSM không phản hồi (HSM unreachable)"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(jobId))
                    .hasMessageContaining("HSM unreachable");
            assertThat(escalation).hasRetries(5 - attempt); // re-read: the retries left after this attempt
            at(now().plus(java.time.Duration.ofMinutes(11)));
        }
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(processId)
                        .noRetriesLeft()
                        .count())
                .isEqualTo(1);
        var incidents =
                runtime.createIncidentQuery().processInstanceId(processId).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getIncidentType()).isEqualTo("failedJob");
        assertThat(incidents.get(0).getIncidentMessage()).contains("HSM unreachable");
        assertThat(calls("escalate")).as("nothing was escalated").isEmpty();
        assertThat(dialogueProcess())
                .hasNotPassed("Task_EscalateTriageToAgencyLeaders")
                .task(TASK_TRIAGE)
                .as("the triage task is untouched")
                .isNotNull();
    }

    @Test
    void anOverdueTriageIsEscalatedToTheAgencyLeadersThenToTheProvinceLeadership() {
        ask();

        advanceTo(vn(2025, 6, 9, 17, 1));
        assertThat(calls("escalate"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(List.of(STEP_TRIAGE, 1, "demo-ubnd-leaders", vn(2025, 6, 9, 17, 0)));
        assertThat(dialogueProcess())
                .hasPassed("BoundaryEvent_TriageDeadlinePassed", "EndEvent_TriageEscalatedToAgencyLeaders")
                .task(TASK_TRIAGE)
                .as("the moderator still owes the triage")
                .isNotNull();

        advanceTo(vn(2025, 6, 11, 16, 59));
        assertThat(calls("escalate")).hasSize(1);
        assertThat(dialogueProcess()).hasNotPassed("BoundaryEvent_TriageStillOpenAfterEscalation");

        advanceTo(vn(2025, 6, 11, 17, 1));
        assertThat(calls("escalate"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(
                        List.of(STEP_TRIAGE, 1, "demo-ubnd-leaders", vn(2025, 6, 9, 17, 0)),
                        List.of(STEP_TRIAGE, 2, "demo-ubnd-leaders", vn(2025, 6, 9, 17, 0)));
        assertThat(dialogueProcess())
                .hasPassed("BoundaryEvent_TriageStillOpenAfterEscalation", "EndEvent_TriageEscalatedToProvinceLeaders")
                .isWaitingAt(TASK_TRIAGE);
        assertThat(variable(TRIAGE_ESCALATION_LEVEL)).isEqualTo(2);
    }

    @Test
    void anOverdueAnswerIsRemindedThenEscalatedToTheDepartmentLeadersThenToTheProvinceLeadership() {
        ask();
        Instant due = forwardNow();
        assertThat(due).isEqualTo(vn(2025, 6, 19, 17, 0));

        advanceTo(vn(2025, 6, 16, 17, 1));
        assertThat(reminders.sent(dialogue))
                .containsExactly(new RecordingReminders.Reminder(dialogue, STEP_ANSWER, "demo-skhdt-officers", due));
        assertThat(dialogueProcess()).hasPassed("EndEvent_AnswerReminded");
        assertThat(task(TASK_ANSWER_FORWARD).getPriority()).isEqualTo(REMINDED_PRIORITY);

        advanceTo(vn(2025, 6, 19, 17, 1));
        advanceTo(vn(2025, 6, 23, 17, 1));

        assertThat(calls("escalate"))
                .extracting(RecordingDialogueActions.Call::fields)
                .containsExactly(
                        List.of(STEP_ANSWER, 1, "demo-skhdt-leaders", due),
                        List.of(STEP_ANSWER, 2, "demo-ubnd-leaders", due));
        assertThat(dialogueProcess())
                .hasPassed("EndEvent_AnswerEscalatedToAgencyLeaders", "EndEvent_AnswerEscalatedToProvinceLeaders")
                .isWaitingAt(TASK_ANSWER_FORWARD);
    }

    @Test
    void aStepDoneInTimeIsNeitherRemindedNorEscalated() {
        ask();
        forwardNow();

        advanceTo(vn(2025, 6, 12, 9, 0));

        assertThat(reminders.sent(dialogue)).isEmpty();
        assertThat(calls("escalate")).isEmpty();
        assertThat(dialogueProcess())
                .hasNotPassed("BoundaryEvent_TriageReminderDue", "BoundaryEvent_TriageDeadlinePassed")
                .hasNotPassed("BoundaryEvent_AnswerReminderDue", "BoundaryEvent_AnswerDeadlinePassed");
    }
}
