package vn.edialog.app.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.command.dialogue.api.EscalationStep;
import vn.edialog.processes.dialogue.DialogueReminders;

/**
 * Reminders by e-mail to the members of the group holding a step. Queued in the outbox inside the timer job's
 * transaction, keyed by dialogue, step, group and due date, so a retried job reminds nobody twice.
 */
@Component
class MailDialogueReminders implements DialogueReminders {

    private final MailOutbox outbox;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    MailDialogueReminders(MailOutbox outbox, IdentityService identity, JdbcClient jdbc, Clock clock) {
        this.outbox = outbox;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Dialogue(String tenant, String trackingCode) {}

    @Override
    public void remind(UUID dialogueId, EscalationStep step, String candidateGroup, Instant dueAt) {
        Dialogue dialogue = jdbc.sql("select tenant, code from tracking_code where dialogue_id = :id")
                .param("id", dialogueId)
                .query((rows, n) -> new Dialogue(rows.getString(1), rows.getString(2)))
                .single();
        String subject = "[eDialog] Nhắc hạn hồ sơ " + dialogue.trackingCode() + " / Deadline reminder";
        String body = "Hồ sơ " + dialogue.trackingCode() + " (bước " + MailWords.step(step) + ") đến hạn vào "
                + MailWords.time(dueAt) + ".\n\nCase " + dialogue.trackingCode() + " (step " + MailWords.step(step)
                + ") is due " + MailWords.time(dueAt) + ".\n";
        identity.createUserQuery().memberOfGroup(candidateGroup).list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(email -> !email.isBlank())
                .distinct()
                .forEach(email -> outbox.enqueue(
                        "reminder:" + dialogueId + ":" + step + ":" + dueAt + ":" + email,
                        dialogue.tenant(),
                        email,
                        subject,
                        body,
                        clock.instant()));
    }
}
