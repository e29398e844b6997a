package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Bean {@value DialogueProcessBeans#DEPARTMENT_DECISION}: completion listener of {@code Task_AnswerForward}. Sends the
 * department's act (acknowledge, answer, return, clarify, requestExtension) in the completing transaction. A
 * requested due date must lie after the current one and within EXTENSION_MAX working days of it.
 */
public class DepartmentDecision implements TaskListener {

    private final DialogueActions actions;
    private final Deadlines deadlines;

    public DepartmentDecision(DialogueActions actions, Deadlines deadlines) {
        this.actions = actions;
        this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID dialogueId = Values.dialogueId(task);
        String tenant = Values.requiredString(task, TENANT);
        String topic = Values.string(task, TOPIC);
        ProcessEngineServices engine = task.getProcessEngineServices();
        String decision = TaskForms.decision(task);
        ActingOfficial official = TaskForms.official(task, Values.requiredString(task, DEPARTMENT));
        switch (decision) {
            case "acknowledge" -> actions.acknowledge(dialogueId, official);
            case "answer" -> actions.answer(dialogueId, official, Values.field(task, ANSWER, "Nội dung trả lời"));
            case "return" -> actions.returnForward(
                    dialogueId, official, Values.field(task, RETURN_REASON, "Lý do trả lại"));
            case "clarify" -> {
                String request = Values.field(task, CLARIFICATION_REQUEST, "Nội dung cần bổ sung");
                var rule = deadlines.rule(engine, tenant, topic, DeadlineStep.CLARIFICATION_WAIT);
                actions.requestClarification(dialogueId, official, request, deadlines.dueAt(Values.now(), rule));
            }
            case "requestExtension" -> {
                LocalDate date = Values.formDate(task, REQUESTED_DUE_DATE_FIELD);
                if (date == null) {
                    throw new InvalidDecision("Thiếu \"Đề nghị gia hạn đến ngày\" (requestedDueDate is required)");
                }
                Instant requested = deadlines.endOfOfficeHours(date);
                Extensions.check(deadlines, engine, task, requested);
                // For the moderator's decide-extension form, as a person reads it.
                task.getExecution().setVariable(REQUESTED_DUE_DATE + "Text", Values.localText(requested));
                actions.requestExtension(
                        dialogueId, official, requested, Values.field(task, EXTENSION_REASON, "Lý do xin gia hạn"));
            }
            default -> throw TaskForms.unknown(decision);
        }
        TaskForms.clear(task, ANSWER, RETURN_REASON, CLARIFICATION_REQUEST, REQUESTED_DUE_DATE_FIELD, EXTENSION_REASON);
    }
}
