package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The asker provides the requested clarification. */
public record ProvideClarificationCommand(
        @TargetAggregateIdentifier UUID dialogueId, String text, Actor actor, Instant at, SignedPayload signed) {}
