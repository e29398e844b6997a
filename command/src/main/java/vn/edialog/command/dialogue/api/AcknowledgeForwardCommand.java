package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The department holding the open forward signs its receipt. */
public record AcknowledgeForwardCommand(
        @TargetAggregateIdentifier UUID dialogueId, Actor actor, Instant at, SignedPayload signed) {}
