package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import vn.edialog.command.dialogue.api.CloseReason;

/**
 * Bean {@value DialogueProcessBeans#CLOSE_DIALOGUE}: a wait elapsed, the system closes the dialogue. Input parameter
 * {@code reason}: CLARIFICATION_TIMEOUT or RATING_WINDOW_ELAPSED; the asker may reopen it for the REOPEN_WINDOW.
 */
public class CloseDialogue implements JavaDelegate {

    private final DialogueActions actions;
    private final Deadlines deadlines;

    public CloseDialogue(DialogueActions actions, Deadlines deadlines) {
        this.actions = actions;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CloseReason reason = CloseReason.valueOf(Values.requiredString(execution, "reason"));
        DeadlineRule reopenWindow = deadlines.rule(
                execution.getProcessEngineServices(),
                Values.string(execution, TENANT),
                Values.string(execution, TOPIC),
                DeadlineStep.REOPEN_WINDOW);
        actions.closeAutomatically(Values.dialogueId(execution), reason, deadlines.dueAt(Values.now(), reopenWindow));
    }
}
