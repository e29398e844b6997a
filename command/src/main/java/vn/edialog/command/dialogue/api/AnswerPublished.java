package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The moderator published the answer on the portal; carries what the portal shows. */
@Revision("1")
public record AnswerPublished(
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
        Evidence evidence) {}
