package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import vn.edialog.command.dialogue.api.RejectionReason;
import vn.edialog.command.tenant.TenantCatalog;

/**
 * Bean {@value DialogueProcessBeans#TRIAGE_DECISION}: completion listener of {@code Task_TriageDialogue}. Sends the
 * moderator's decision (forward, answer, clarify, reject) through {@link DialogueActions} in the completing
 * transaction; a refusal fails the completion. The forward's and the clarification's due dates come from policy.
 */
public class TriageDecision implements TaskListener {

    private final DialogueActions actions;
    private final Deadlines deadlines;
    private final TenantCatalog tenants;

    public TriageDecision(DialogueActions actions, Deadlines deadlines, TenantCatalog tenants) {
        this.actions = actions;
        this.deadlines = deadlines;
        this.tenants = tenants;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID dialogueId = Values.dialogueId(task);
        String tenant = Values.requiredString(task, TENANT);
        String topic = Values.string(task, TOPIC);
        String moderator = Values.requiredString(task, MODERATOR_AGENCY);
        ProcessEngineServices engine = task.getProcessEngineServices();
        String decision = TaskForms.decision(task);
        ActingOfficial official = TaskForms.official(task, moderator);
        switch (decision) {
            case "forward" -> {
                String department = Values.field(task, FORWARD_TO, "Mã sở, ngành tiếp nhận");
                if (department.equals(moderator)
                        || tenants.agency(tenant, department).isEmpty()) {
                    throw new InvalidDecision("Không có sở, ngành " + department + " để chuyển (no department "
                            + department + " to forward to in " + tenant + ")");
                }
                String note = Values.field(task, NOTE, "Ghi chú chuyển xử lý");
                var rule = deadlines.rule(engine, tenant, topic, DeadlineStep.ANSWER);
                actions.forward(dialogueId, official, department, note, deadlines.dueAt(Values.now(), rule));
            }
            case "answer" -> actions.answer(dialogueId, official, Values.field(task, ANSWER, "Nội dung trả lời"));
            case "clarify" -> {
                String request = Values.field(task, CLARIFICATION_REQUEST, "Nội dung cần bổ sung");
                var rule = deadlines.rule(engine, tenant, topic, DeadlineStep.CLARIFICATION_WAIT);
                actions.requestClarification(dialogueId, official, request, deadlines.dueAt(Values.now(), rule));
            }
            case "reject" -> {
                String code = Values.field(task, REJECTION_CODE, "Lý do từ chối");
                RejectionReason reason;
                try {
                    reason = RejectionReason.valueOf(code);
                } catch (IllegalArgumentException e) {
                    throw new InvalidDecision("Lý do từ chối không hợp lệ: " + code + " (unknown rejection code)");
                }
                actions.reject(
                        dialogueId, official, reason, Values.field(task, REJECTION_REASON, "Giải thích lý do từ chối"));
            }
            default -> throw TaskForms.unknown(decision);
        }
        TaskForms.clear(task, FORWARD_TO, NOTE, ANSWER, CLARIFICATION_REQUEST, REJECTION_CODE, REJECTION_REASON);
    }
}
