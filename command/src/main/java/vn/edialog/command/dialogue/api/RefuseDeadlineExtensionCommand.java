package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The moderator refuses the pending extension request. */
public record RefuseDeadlineExtensionCommand(
        @TargetAggregateIdentifier UUID dialogueId, String reason, Actor actor, Instant at, SignedPayload signed) {}
