package vn.edialog.processes.dialogue;

import static vn.edialog.processes.dialogue.DialogueProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Bean {@value DialogueProcessBeans#PUBLICATION_DECISION}: completion listener of {@code Task_PublishAnswer}. Sends
 * the moderator's decision (publish, publish-redacted, keep-private) through {@link DialogueActions} in the completing
 * transaction; a refusal fails the completion and leaves the task open.
 */
public class PublicationDecision implements TaskListener {

    private final DialogueActions actions;

    public PublicationDecision(DialogueActions actions) {
        this.actions = actions;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID dialogueId = Values.dialogueId(task);
        String decision = TaskForms.decision(task);
        ActingOfficial official = TaskForms.official(task, Values.requiredString(task, MODERATOR_AGENCY));
        switch (decision) {
            case "publish" -> actions.publish(dialogueId, official);
            case "publish-redacted" -> {
                String subject = Values.field(task, REDACTED_SUBJECT, "Tiêu đề công bố");
                String question = Values.field(task, REDACTED_BODY, "Câu hỏi công bố");
                String answer = Values.field(task, REDACTED_ANSWER, "Câu trả lời công bố");
                if (question.endsWith("[…]") || answer.endsWith("[…]")) {
                    throw new InvalidDecision("Nội dung quá dài đã bị rút gọn; hãy biên tập đầy đủ trước khi công bố"
                            + " (a shortened text cannot be published as the redaction)");
                }
                actions.publishRedacted(dialogueId, official, subject, question, answer);
            }
            case "keep-private" -> actions.keepPrivate(
                    dialogueId, official, Values.field(task, KEEP_PRIVATE_REASON, "Lý do không công bố"));
            default -> throw TaskForms.unknown(decision);
        }
        TaskForms.clear(task, REDACTED_SUBJECT, REDACTED_BODY, REDACTED_ANSWER, KEEP_PRIVATE_REASON);
    }
}
