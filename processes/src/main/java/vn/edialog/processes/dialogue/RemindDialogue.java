package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import vn.edialog.command.dialogue.api.EscalationStep;

/**
 * Bean {@value DialogueProcessBeans#REMIND_DIALOGUE}: the reminder timer of a stage fired. Notifies the group holding
 * the step and raises its open task's priority; reminds once per due date (a stage re-entered after a clarification
 * or an extension does not remind twice for the same deadline). Input parameter {@code step}: TRIAGE or ANSWER.
 */
public class RemindDialogue implements JavaDelegate {

    private final DialogueReminders reminders;

    public RemindDialogue(DialogueReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationStep step = EscalationStep.parse(Values.requiredString(execution, "step"));
        boolean triage = step == STEP_TRIAGE;
        Instant due = Values.requiredInstant(execution, triage ? TRIAGE_DUE_AT : ANSWER_DUE_AT);
        String remindedFor = triage ? TRIAGE_REMINDED_FOR : ANSWER_REMINDED_FOR;
        if (due.equals(Values.instant(execution, remindedFor))) {
            return;
        }
        String tenant = Values.requiredString(execution, TENANT);
        String group = triage
                ? tenant + "-" + Values.requiredString(execution, MODERATOR_AGENCY) + "-moderators"
                : tenant + "-" + Values.requiredString(execution, DEPARTMENT) + "-officers";
        reminders.remind(Values.dialogueId(execution), step, group, due);
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(triage ? TASK_TRIAGE : TASK_ANSWER_FORWARD)
                .list()) {
            tasks.setPriority(task.getId(), REMINDED_PRIORITY);
        }
        execution.setVariable(remindedFor, Values.date(due));
    }
}
