package vn.edialog.app.notifications;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.edialog.app.access.OfficialRole;
import vn.edialog.command.dialogue.api.ClarificationRequested;
import vn.edialog.command.dialogue.api.DialogueAnswered;
import vn.edialog.command.dialogue.api.DialogueEscalated;
import vn.edialog.command.dialogue.api.DialogueForwarded;

/**
 * Who hears of what by e-mail: the department of a forward, the asker of an answer or a clarification request, the
 * leaders an escalation goes to. Runs in its own tracking processor; each mail is queued in the outbox with the key
 * {@code <event id>:<recipient>} in the processor's transaction, so a replay sends nothing twice.
 */
@Component
@ConditionalOnProperty(name = "edialog.side-effects", havingValue = "true", matchIfMissing = true)
@ProcessingGroup(NotificationPolicy.PROCESSING_GROUP)
class NotificationPolicy {

    static final String PROCESSING_GROUP = "notifications";

    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final MailWords words;

    NotificationPolicy(MailOutbox outbox, JdbcClient jdbc, IdentityService identity, MailWords words) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.identity = identity;
        this.words = words;
    }

    private record Dialogue(String tenant, String trackingCode) {}

    /** What a mail says in place of a confidential dialogue's text: it is read only on the signed-in pages. */
    static final String CONFIDENTIAL = "\n(Nội dung bảo mật: đăng nhập để đọc / Confidential: log in to read it.)";

    @EventHandler
    void on(DialogueForwarded event, @MessageIdentifier String eventId) {
        dialogue(event.dialogueId()).ifPresent(d -> {
            String subject = "[eDialog] Hồ sơ " + d.trackingCode() + " được chuyển đến đơn vị / Case forwarded to you";
            String body = "Kính gửi Quý đơn vị,\n\nHồ sơ " + d.trackingCode() + " đã được chuyển đến đơn vị để trả lời"
                    + " trước " + MailWords.time(event.dueAt()) + "."
                    + (event.note() == null ? CONFIDENTIAL : "\nGhi chú: " + event.note())
                    + "\n\nCase " + d.trackingCode() + " was forwarded to your department ("
                    + words.agency(d.tenant(), event.department()) + "); answer due "
                    + MailWords.time(event.dueAt()) + ".\n";
            for (String email : groupEmails(OfficialRole.OFFICERS.groupId(d.tenant(), event.department()))) {
                outbox.enqueue(eventId + ":" + email, d.tenant(), email, subject, body, event.at());
            }
        });
    }

    @EventHandler
    void on(DialogueAnswered event, @MessageIdentifier String eventId) {
        mailAsker(event.dialogueId(), eventId, event.at(), d -> new String[] {
            "[eDialog] Hồ sơ " + d.trackingCode() + " đã được trả lời / Your question was answered",
            "Câu hỏi " + d.trackingCode() + " của Quý vị đã được trả lời:\n\n"
                    + (event.answer() == null ? CONFIDENTIAL : event.answer())
                    + "\n\nYour question " + d.trackingCode() + " was answered (see above). Log in to read it, rate"
                    + " the answer or reopen the dialogue.\n"
        });
    }

    @EventHandler
    void on(ClarificationRequested event, @MessageIdentifier String eventId) {
        mailAsker(event.dialogueId(), eventId, event.at(), d -> new String[] {
            "[eDialog] Hồ sơ " + d.trackingCode() + " cần bổ sung thông tin / More information needed",
            "Đề nghị Quý vị bổ sung cho hồ sơ " + d.trackingCode() + " trước " + MailWords.time(event.dueAt())
                    + ":\n\n" + (event.request() == null ? CONFIDENTIAL : event.request())
                    + "\n\nPlease provide the information above for " + d.trackingCode()
                    + " before " + MailWords.time(event.dueAt()) + ".\n"
        });
    }

    @EventHandler
    void on(DialogueEscalated event, @MessageIdentifier String eventId) {
        dialogue(event.dialogueId()).ifPresent(d -> {
            String subject = "[eDialog] Hồ sơ " + d.trackingCode() + " quá hạn, chuyển cấp " + event.level()
                    + " / Overdue case escalated";
            String body = "Hồ sơ " + d.trackingCode() + " đã quá hạn " + MailWords.time(event.dueAt()) + " ở bước "
                    + MailWords.step(event.step()) + " (đơn vị: "
                    + words.agency(d.tenant(), event.responsibleAgency())
                    + ").\n\nCase " + d.trackingCode() + " passed its deadline " + MailWords.time(event.dueAt())
                    + " and is escalated to you (level " + event.level() + ").\n";
            for (String email : groupEmails(event.escalatedTo())) {
                outbox.enqueue(eventId + ":" + email, d.tenant(), email, subject, body, event.at());
            }
        });
    }

    private interface MailText {
        String[] of(Dialogue dialogue);
    }

    private void mailAsker(UUID dialogueId, String eventId, java.time.Instant at, MailText text) {
        Optional<Dialogue> dialogue = dialogue(dialogueId);
        Optional<String> email = jdbc.sql("select email from asker_contact where dialogue_id = :id")
                .param("id", dialogueId)
                .query(String.class)
                .optional();
        if (dialogue.isPresent() && email.isPresent()) {
            String[] mail = text.of(dialogue.get());
            outbox.enqueue(eventId + ":" + email.get(), dialogue.get().tenant(), email.get(), mail[0], mail[1], at);
        }
    }

    private Optional<Dialogue> dialogue(UUID dialogueId) {
        return jdbc.sql("select tenant, code from tracking_code where dialogue_id = :id")
                .param("id", dialogueId)
                .query((rows, n) -> new Dialogue(rows.getString(1), rows.getString(2)))
                .optional();
    }

    private List<String> groupEmails(String groupId) {
        if (groupId == null) {
            return List.of();
        }
        return identity.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .filter(email -> !email.isBlank())
                .distinct()
                .sorted()
                .toList();
    }
}
