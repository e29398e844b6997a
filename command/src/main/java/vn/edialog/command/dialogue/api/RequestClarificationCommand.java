package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator (in triage) or the department holding the open forward asks the asker for what is missing. */
public record RequestClarificationCommand(
        @TargetAggregateIdentifier UUID dialogueId,
        String request,
        Instant dueAt,
        Actor actor,
        Instant at,
        SignedPayload signed) {}
