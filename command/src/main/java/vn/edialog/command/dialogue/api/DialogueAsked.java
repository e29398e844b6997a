package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A business or citizen asked a question or filed a petition; the dialogue awaits triage. */
@Revision("1")
public record DialogueAsked(
        UUID dialogueId,
        String tenant,
        String trackingCode,
        String topic,
        String subject,
        String body,
        boolean confidential,
        List<Attachment> attachments,
        String moderatorAgency,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        Evidence evidence) {
    public DialogueAsked {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
