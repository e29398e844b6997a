package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator (in triage) or the department holding the open forward answers. */
public record AnswerDialogueCommand(
        @TargetAggregateIdentifier UUID dialogueId, String answer, Actor actor, Instant at, SignedPayload signed) {}
