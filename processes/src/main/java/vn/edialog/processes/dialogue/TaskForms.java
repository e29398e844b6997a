package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the task listeners share: who acts, and clearing the form's fields once the command went through. */
final class TaskForms {

    private TaskForms() {}

    /** The authenticated user completing the task (Tasklist, REST), else its assignee. */
    static ActingOfficial official(DelegateTask task, String agency) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String userId = authentication != null && authentication.getUserId() != null
                ? authentication.getUserId()
                : task.getAssignee();
        if (userId == null || userId.isBlank()) {
            throw new InvalidDecision("Hãy nhận việc trước khi hoàn thành (claim the task before completing it)");
        }
        return new ActingOfficial(userId, Values.requiredString(task, TENANT), agency);
    }

    static String decision(DelegateTask task) {
        return Values.field(task, DECISION, "Quyết định");
    }

    /** The next form starts empty; the facts stay in the signed event and in history. */
    static void clear(DelegateTask task, String... fields) {
        task.removeVariable(DECISION);
        for (String field : fields) {
            task.removeVariable(field);
        }
    }

    static InvalidDecision unknown(String decision) {
        return new InvalidDecision("Quyết định không hợp lệ: " + decision + " (unknown decision)");
    }
}
