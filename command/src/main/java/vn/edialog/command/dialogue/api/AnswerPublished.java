package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The moderator published the latest answer on the portal; carries what the portal shows. Revision 2 adds redaction:
 * when present, subject, question and answer are the moderator's redacted texts, and redaction names the SHA-256 of
 * the original signed payloads (the DialogueAsked and DialogueAnswered payload bytes) they were derived from; the
 * signed payload of this event carries the same texts and hashes, signed with the moderator's (People's Committee's)
 * key. A later publication of the same dialogue replaces an earlier one on the portal.
 */
@Revision("2")
public record AnswerPublished(
        UUID dialogueId,
        String tenant,
        String topic,
        String subject,
        String question,
        String answer,
        String answeringAgency,
        Instant answeredAt,
        Redaction redaction,
        Actor actor,
        Instant at,
        Evidence evidence)
        implements DialogueEvent {

    /** The revision 1 shape: the original texts, unredacted. */
    public AnswerPublished(
            UUID dialogueId,
            String tenant,
            String topic,
            String subject,
            String question,
            String answer,
            String answeringAgency,
            Instant answeredAt,
            Actor actor,
            Instant at,
            Evidence evidence) {
        this(
                dialogueId,
                tenant,
                topic,
                subject,
                question,
                answer,
                answeringAgency,
                answeredAt,
                null,
                actor,
                at,
                evidence);
    }

    /** Whether the portal shows redacted texts. */
    public boolean redacted() {
        return redaction != null;
    }
}
