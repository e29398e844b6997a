package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Bean {@value DialogueProcessBeans#EXTENSION_DECISION}: completion listener of {@code Task_DecideExtension}. The
 * moderator approves (the requested date, or another one within the policy) or refuses with a reason.
 */
public class ExtensionDecision implements TaskListener {

    private final DialogueActions actions;
    private final Deadlines deadlines;

    public ExtensionDecision(DialogueActions actions, Deadlines deadlines) {
        this.actions = actions;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID dialogueId = Values.dialogueId(task);
        String decision = TaskForms.decision(task);
        ActingOfficial official = TaskForms.official(task, Values.requiredString(task, MODERATOR_AGENCY));
        switch (decision) {
            case "approve" -> {
                LocalDate picked = Values.formDate(task, NEW_DUE_DATE);
                Instant newDueAt = picked != null
                        ? deadlines.endOfOfficeHours(picked)
                        : Values.requiredInstant(task, REQUESTED_DUE_AT);
                Extensions.check(deadlines, task.getProcessEngineServices(), task, newDueAt);
                actions.extend(dialogueId, official, newDueAt);
            }
            case "refuse" -> actions.refuseExtension(
                    dialogueId, official, Values.field(task, REFUSAL_REASON, "Lý do không đồng ý"));
            default -> throw TaskForms.unknown(decision);
        }
        TaskForms.clear(task, NEW_DUE_DATE, REFUSAL_REASON);
    }
}
