package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import vn.edialog.command.dialogue.api.EscalationStep;

/**
 * Bean {@value DialogueProcessBeans#ESCALATE_DIALOGUE}: a stage's deadline passed. Input parameters {@code step}
 * (TRIAGE or ANSWER) and {@code level}: level 1 goes to the leaders of the responsible agency ({@code
 * <tenant>-<agency>-leaders}), level 2 to the province leadership, the leaders of the People's Committee ({@code
 * <tenant>-<moderatorAgency>-leaders}). A level already reached for the current period is skipped, as the write side would refuse it
 * (the period restarts with a new forward or a reopening, as the aggregate's counters do).
 */
public class EscalateDialogue implements JavaDelegate {

    private final DialogueActions actions;

    public EscalateDialogue(DialogueActions actions) {
        this.actions = actions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EscalationStep step = EscalationStep.parse(Values.requiredString(execution, "step"));
        boolean triage = step == STEP_TRIAGE;
        int level = Values.integer(execution, "level");
        String levelVariable = triage ? TRIAGE_ESCALATION_LEVEL : ANSWER_ESCALATION_LEVEL;
        if (Values.integer(execution, levelVariable) >= level) {
            return;
        }
        String tenant = Values.requiredString(execution, TENANT);
        String agency = Values.requiredString(execution, triage ? MODERATOR_AGENCY : DEPARTMENT);
        Instant due = Values.requiredInstant(execution, triage ? TRIAGE_DUE_AT : ANSWER_DUE_AT);
        String leaders = DialogueProcess.leadersGroup(
                tenant, level >= 2 ? Values.requiredString(execution, MODERATOR_AGENCY) : agency);
        actions.escalate(Values.dialogueId(execution), step, level, leaders, due);
        // The leaders see the overdue task in their Tasklist ("escalated to me") and may act on it.
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        for (Task task : tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .active()
                .list()) {
            tasks.addCandidateGroup(task.getId(), leaders);
            tasks.setVariableLocal(task.getId(), ESCALATED_TO, leaders);
        }
        execution.setVariable(levelVariable, level);
    }
}
