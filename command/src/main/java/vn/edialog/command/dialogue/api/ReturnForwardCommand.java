package vn.edialog.command.dialogue.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The department holding the open forward returns it as not competent. */
public record ReturnForwardCommand(
        @TargetAggregateIdentifier UUID dialogueId, String reason, Actor actor, Instant at, SignedPayload signed) {}
