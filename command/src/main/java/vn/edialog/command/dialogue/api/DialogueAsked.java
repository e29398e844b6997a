package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A business or citizen asked a question or filed a petition; the dialogue awaits triage. Revision 2 adds
 * publicationConsent: whether the asker agreed that the answer may be published on the portal; absent (null) in
 * revision 1 events and in asks whose signed payload did not say, which both mean "agrees".
 */
@Revision("2")
public record DialogueAsked(
        UUID dialogueId,
        String tenant,
        String trackingCode,
        String topic,
        String subject,
        String body,
        boolean confidential,
        Boolean publicationConsent,
        List<Attachment> attachments,
        String moderatorAgency,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {
    public DialogueAsked {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The revision 1 shape: no word on publication, which means the asker agrees. */
    public DialogueAsked(
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
        this(
                dialogueId,
                tenant,
                trackingCode,
                topic,
                subject,
                body,
                confidential,
                null,
                attachments,
                moderatorAgency,
                triageDueAt,
                actor,
                at,
                evidence);
    }

    /** Whether the answer may be published: the asker agreed, or did not say (the default). */
    public boolean agreesToPublication() {
        return publicationConsent == null || publicationConsent;
    }
}
