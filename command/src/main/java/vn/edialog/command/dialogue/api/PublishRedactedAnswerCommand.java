package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The moderator publishes the latest answer with redacted texts; questionSha256 and answerSha256 name the original
 * signed payloads (lowercase hex SHA-256) and must match the dialogue's own, or the command is refused.
 */
public record PublishRedactedAnswerCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String subject,
        String question,
        String answer,
        String questionSha256,
        String answerSha256,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
