package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A business or citizen asks a question or files a petition on a dialogue form; creates the dialogue. */
public record AskDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String tenant,
        String trackingCode,
        String topic,
        String subject,
        String body,
        boolean confidential,
        boolean publicationConsent,
        List<Attachment> attachments,
        String moderatorAgency,
        Instant triageDueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {

    /** An ask that says nothing about publication: the asker agrees. */
    public AskDialogueCommand(
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
            SignedPayload signed) {
        this(
                dialogueId,
                tenant,
                trackingCode,
                topic,
                subject,
                body,
                confidential,
                true,
                attachments,
                moderatorAgency,
                triageDueAt,
                actor,
                at,
                signed);
    }
}
